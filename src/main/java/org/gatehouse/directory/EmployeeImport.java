package org.gatehouse.directory;

import java.io.IOException;
import java.io.InputStream;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.IntConsumer;

import jakarta.validation.Validator;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Imports employees from an HR export (C5), CSV or JSON, inactive ones included. Every row is checked first; if any
 * is refused, nothing is imported and the report names each refused line and why, so a corrected file can simply be
 * sent again. Re-importing the same file changes nothing. Progress is recorded as rows are applied.
 */
@Service
public class EmployeeImport {

    public enum Format { CSV, JSON }

    static final String KIND = "EMPLOYEES";
    private static final int PROGRESS_EVERY = 100;

    /** Column names as HR systems write them, compared without case, spaces, '_' or '-'. */
    private static final Map<String, String> COLUMNS = Map.of("employeeid", "employeeId", "firstname", "firstName",
            "lastname", "lastName", "email", "email", "position", "position", "department", "department",
            "supervisor", "supervisor", "office", "office", "timezone", "timeZone", "status", "status");
    private static final Set<String> REQUIRED = Set.of("employeeId", "firstName", "lastName", "email", "status");

    private final PersonService people;
    private final OrganisationService organisations;
    private final ImportLog log;
    private final Validator validator;

    EmployeeImport(PersonService people, OrganisationService organisations, ImportLog log, Validator validator) {
        this.people = people;
        this.organisations = organisations;
        this.log = log;
        this.validator = validator;
    }

    record Row(int line, Map<String, String> values) {
        String get(String field) {
            String value = values.get(field);
            return value == null || value.isBlank() ? null : value.trim();
        }
    }

    /** One employee as the import checks it. */
    record EmployeeRow(
            @NotBlank @Size(max = 64)
            @Pattern(regexp = "[A-Za-z0-9]+([._-][A-Za-z0-9]+)*", message = "must be letters and digits, joined by '.', '_' or '-'")
            String employeeId,
            @NotBlank @Size(max = 100) String firstName,
            @NotBlank @Size(max = 100) String lastName,
            @NotBlank @Email(regexp = ".+@.+\\..+") @Size(max = 254) String email,
            @Size(max = 200) String position,
            @Size(max = 200) String department,
            @Size(max = 64) String supervisor,
            @Size(max = 200) String office,
            @Size(max = 64) String timeZone,
            @NotBlank @Pattern(regexp = "(?i)active|inactive", message = "must be active or inactive") String status) {
    }

    static final class FileRefused extends Exception {
        final int line;

        FileRefused(int line, String reason) {
            super(reason);
            this.line = line;
        }
    }

    @Transactional
    public ImportReport importEmployees(InputStream in, Format format, String sourceName, String actor, IntConsumer progress) {
        List<Row> rows;
        try {
            rows = format == Format.CSV ? readCsv(in) : readJson(in);
        } catch (FileRefused e) {
            String id = log.start(KIND, sourceName, actor, 0);
            log.finish(id, "REFUSED", 0, 0, 0, 0, List.of(new ImportReport.Refusal(e.line, e.getMessage())));
            return report(id);
        }
        String id = log.start(KIND, sourceName, actor, rows.size());
        List<ImportReport.Refusal> refusals = new ArrayList<>();
        List<Person> employees = check(rows, refusals);
        if (!refusals.isEmpty()) {
            log.finish(id, "REFUSED", 0, 0, 0, 0, refusals);
            return report(id);
        }
        Map<PersonService.Outcome, Integer> counts = new HashMap<>();
        for (int i = 0; i < employees.size(); i++) {
            counts.merge(people.save(employees.get(i)), 1, Integer::sum);
            if ((i + 1) % PROGRESS_EVERY == 0 || i + 1 == employees.size()) {
                log.progress(id, i + 1);
                progress.accept(i + 1);
            }
        }
        log.finish(id, "COMPLETED", employees.size(), counts.getOrDefault(PersonService.Outcome.CREATED, 0),
                counts.getOrDefault(PersonService.Outcome.UPDATED, 0), counts.getOrDefault(PersonService.Outcome.UNCHANGED, 0),
                List.of());
        return report(id);
    }

    public ImportReport report(String id) {
        return log.find(id).orElseThrow(() -> new org.gatehouse.platform.NotFoundException("There is no import " + id));
    }

    private List<Person> check(List<Row> rows, List<ImportReport.Refusal> refusals) {
        Map<String, Integer> firstLineOfId = new HashMap<>();
        Map<String, Integer> firstLineOfEmail = new HashMap<>();
        Set<String> idsInFile = new TreeSet<>();
        rows.forEach(r -> {
            if (r.get("employeeId") != null) {
                idsInFile.add(r.get("employeeId"));
            }
        });
        String hostId = organisations.host().id();
        List<Person> employees = new ArrayList<>();
        for (Row row : rows) {
            var employee = new EmployeeRow(row.get("employeeId"), row.get("firstName"), row.get("lastName"), row.get("email"),
                    row.get("position"), row.get("department"), row.get("supervisor"), row.get("office"),
                    row.get("timeZone"), row.get("status"));
            List<String> problems = new ArrayList<>(validator.validate(employee).stream()
                    .map(v -> v.getPropertyPath() + " " + v.getMessage()).sorted().toList());
            if (employee.employeeId() != null) {
                Integer earlier = firstLineOfId.putIfAbsent(employee.employeeId(), row.line());
                if (earlier != null) {
                    problems.add("employeeId " + employee.employeeId() + " is also on line " + earlier);
                }
            }
            if (employee.email() != null) {
                String email = PersonRepository.key(employee.email());
                Integer earlier = firstLineOfEmail.putIfAbsent(email, row.line());
                if (earlier != null) {
                    problems.add("email " + employee.email() + " is also on line " + earlier);
                }
                people.findByEmail(email).filter(p -> !p.id().equals(employee.employeeId())).ifPresent(
                        p -> problems.add("email " + employee.email() + " belongs to " + p.id() + " in the directory"));
            }
            if (employee.timeZone() != null && !validZone(employee.timeZone())) {
                problems.add("timeZone " + employee.timeZone() + " is not a time zone (such as Europe/Paris)");
            }
            if (employee.supervisor() != null && !idsInFile.contains(employee.supervisor())
                    && people.findByEmployeeId(employee.supervisor()).isEmpty()) {
                problems.add("supervisor " + employee.supervisor() + " is neither in this file nor in the directory");
            }
            if (!problems.isEmpty()) {
                refusals.add(new ImportReport.Refusal(row.line(), String.join("; ", problems)));
                continue;
            }
            Person existing = people.find(employee.employeeId()).orElse(null);
            employees.add(new Person(employee.employeeId(), employee.employeeId(), employee.firstName(), employee.lastName(),
                    employee.email(), employee.position(), employee.department(), employee.supervisor(), employee.office(),
                    employee.timeZone(), Person.Status.valueOf(employee.status().toUpperCase(Locale.ROOT)),
                    Person.Kind.EMPLOYEE, hostId, existing == null ? null : existing.slackUserId(),
                    existing == null ? null : existing.teamsUserId()));
        }
        return employees;
    }

    private static boolean validZone(String zone) {
        try {
            ZoneId.of(zone);
            return true;
        } catch (DateTimeException e) {
            return false;
        }
    }

    private static List<Row> readCsv(InputStream in) throws FileRefused {
        var mapper = new CsvMapper();
        try (MappingIterator<Map<String, String>> it = mapper.readerForMapOf(String.class)
                .with(CsvSchema.emptySchema().withHeader()).readValues(in)) {
            List<Row> rows = new ArrayList<>();
            Map<String, String> names = null;
            while (it.hasNextValue()) {
                int line = rows.size() + 2; // the header is line 1
                Map<String, String> raw = it.nextValue();
                if (names == null) {
                    names = columns(raw.keySet());
                }
                rows.add(new Row(line, rename(raw, names)));
            }
            if (names == null) {
                throw new FileRefused(1, "The file has no rows");
            }
            return rows;
        } catch (JsonProcessingException | RuntimeException e) {
            int line = e instanceof JsonProcessingException j && j.getLocation() != null ? j.getLocation().getLineNr() : 0;
            throw new FileRefused(line, "Malformed CSV: " + firstLine(e.getMessage()));
        } catch (IOException e) {
            throw new FileRefused(0, "The file could not be read: " + e.getMessage());
        }
    }

    private static List<Row> readJson(InputStream in) throws FileRefused {
        JsonNode root;
        try {
            root = new ObjectMapper().readTree(in);
        } catch (IOException e) {
            int line = e instanceof JsonProcessingException j && j.getLocation() != null ? j.getLocation().getLineNr() : 0;
            throw new FileRefused(line, "Malformed JSON: " + firstLine(e.getMessage()));
        }
        if (root == null || !root.isArray()) {
            throw new FileRefused(1, "A JSON import is an array of employees");
        }
        List<Row> rows = new ArrayList<>();
        Map<String, String> names = null;
        int index = 0;
        for (JsonNode element : root) {
            index++;
            if (!element.isObject()) {
                throw new FileRefused(index, "Employee " + index + " is not an object");
            }
            Map<String, String> raw = new LinkedHashMap<>();
            for (Iterator<Map.Entry<String, JsonNode>> fields = element.fields(); fields.hasNext(); ) {
                var field = fields.next();
                raw.put(field.getKey(), field.getValue().isNull() ? null : field.getValue().asText());
            }
            Map<String, String> rowNames = columns(raw.keySet());
            names = names == null ? rowNames : names;
            rows.add(new Row(index, rename(raw, rowNames)));
        }
        return rows;
    }

    /** Maps the file's column names to fields; unknown or missing columns refuse the whole file. */
    private static Map<String, String> columns(Set<String> header) throws FileRefused {
        Map<String, String> names = new LinkedHashMap<>();
        Set<String> unknown = new TreeSet<>();
        for (String column : header) {
            String field = COLUMNS.get(column.toLowerCase(Locale.ROOT).replaceAll("[\\s_-]", ""));
            if (field == null) {
                unknown.add(column);
            } else {
                names.put(column, field);
            }
        }
        if (!unknown.isEmpty()) {
            throw new FileRefused(1, "Unknown columns: " + String.join(", ", unknown) + " (known: employee id, first name, "
                    + "last name, email, position, department, supervisor, office, time zone, status)");
        }
        Set<String> missing = new TreeSet<>(REQUIRED);
        missing.removeAll(names.values());
        if (!missing.isEmpty()) {
            throw new FileRefused(1, "Missing columns: " + String.join(", ", missing));
        }
        return names;
    }

    private static Map<String, String> rename(Map<String, String> raw, Map<String, String> names) {
        Map<String, String> values = new HashMap<>();
        raw.forEach((column, value) -> values.put(names.get(column), value));
        return values;
    }

    private static String firstLine(String message) {
        return message == null ? "" : message.lines().findFirst().orElse("");
    }
}

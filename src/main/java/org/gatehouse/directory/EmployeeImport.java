package org.gatehouse.directory;

import java.io.InputStream;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
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

import org.gatehouse.directory.ImportFile.Row;
import org.springframework.stereotype.Service;

/**
 * Imports employees from an HR export (C5), CSV or JSON, inactive ones included, through {@link DirectoryImport}:
 * every row is checked first and one bad row refuses the file; re-importing the same file changes nothing.
 */
@Service
public class EmployeeImport {

    public enum Format { CSV, JSON }

    static final String KIND = "EMPLOYEES";

    /** Column names as HR systems write them, compared without case, spaces, '_' or '-'. */
    private static final ImportFile.Columns COLUMNS = new ImportFile.Columns(Map.of("employeeid", "employeeId",
            "firstname", "firstName", "lastname", "lastName", "email", "email", "position", "position",
            "department", "department", "supervisor", "supervisor", "office", "office", "timezone", "timeZone",
            "status", "status"), Set.of("employeeId", "firstName", "lastName", "email", "status"), false,
            "employee id, first name, last name, email, position, department, supervisor, office, time zone, status");

    private final PersonService people;
    private final OrganisationService organisations;
    private final DirectoryImport imports;
    private final Validator validator;

    EmployeeImport(PersonService people, OrganisationService organisations, DirectoryImport imports, Validator validator) {
        this.people = people;
        this.organisations = organisations;
        this.imports = imports;
        this.validator = validator;
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

    public ImportReport importEmployees(InputStream in, Format format, String sourceName, String actor, IntConsumer progress) {
        return imports.run(KIND, sourceName, actor, progress,
                () -> format == Format.CSV ? ImportFile.readCsv(in, COLUMNS) : ImportFile.readJsonRows(in, COLUMNS, "employee"),
                this::check, employee -> people.save(employee, Person.Source.HR_IMPORT));
    }

    private DirectoryImport.Plan<Person> check(List<Row> rows) {
        List<ImportReport.Refusal> refusals = new ArrayList<>();
        RowCheck checks = new RowCheck(validator);
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
            List<String> problems = checks.validate(employee);
            checks.once("employeeId", employee.employeeId(), employee.employeeId(), row.line(), problems);
            if (employee.email() != null) {
                String email = PersonRepository.key(employee.email());
                checks.once("email", employee.email(), email, row.line(), problems);
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
        return new DirectoryImport.Plan<>(employees, refusals, 0);
    }

    static boolean validZone(String zone) {
        try {
            ZoneId.of(zone);
            return true;
        } catch (DateTimeException e) {
            return false;
        }
    }
}

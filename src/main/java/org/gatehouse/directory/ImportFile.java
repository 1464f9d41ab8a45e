package org.gatehouse.directory;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;

import org.gatehouse.platform.TextInput;

/**
 * Reading the files that directory imports take: CSV with a header, or JSON, parsed by Jackson. Columns are matched
 * to fields without regard to case, spaces, '_' or '-', since every system spells them its own way. A file that
 * cannot be read as a whole is {@link Refused} with the line where reading stopped.
 */
final class ImportFile {

    private ImportFile() {
    }

    /** The whole file is refused: it is not the format it claims, or its columns are not the ones expected. */
    static final class Refused extends Exception {
        final int line;

        Refused(int line, String reason) {
            super(reason);
            this.line = line;
        }
    }

    /**
     * One row: its line in the file (its position, for JSON) and its values by field name. Every field of an import
     * is a one-line value (a name, an address, a title): control and bidirectional characters are cleaned out, an
     * export is not refused for them.
     */
    record Row(int line, Map<String, String> values) {
        String get(String field) {
            String value = TextInput.singleLine(values.get(field));
            return value == null || value.isBlank() ? null : value.trim();
        }
    }

    /**
     * The columns an import knows: {@code aliases} maps a column name, lower-cased and without spaces, '_' or '-', to
     * its field. Unknown columns, and a second column for the same field, refuse the file unless {@code ignoreUnknown}
     * (machine exports carry many columns Gatehouse has no use for; the first column for a field is then the one
     * read). {@code described} lists the known columns for the refusal message.
     */
    record Columns(Map<String, String> aliases, Set<String> required, boolean ignoreUnknown, String described) {

        Map<String, String> match(Set<String> header) throws Refused {
            Map<String, String> names = new LinkedHashMap<>();
            Set<String> unknown = new TreeSet<>();
            for (String column : header) {
                String field = aliases.get(column.toLowerCase(Locale.ROOT).replaceAll("[\\s_-]", ""));
                if (field == null) {
                    unknown.add(column);
                } else if (names.containsValue(field)) {
                    if (!ignoreUnknown) {
                        throw new Refused(1, "Column " + column + " repeats " + field);
                    }
                } else {
                    names.put(column, field);
                }
            }
            if (!unknown.isEmpty() && !ignoreUnknown) {
                throw new Refused(1, "Unknown columns: " + String.join(", ", unknown) + " (known: " + described + ")");
            }
            Set<String> missing = new TreeSet<>(required);
            missing.removeAll(names.values());
            if (!missing.isEmpty()) {
                throw new Refused(1, "Missing columns: " + String.join(", ", missing));
            }
            return names;
        }
    }

    static List<Row> readCsv(InputStream in, Columns columns) throws Refused {
        var mapper = new CsvMapper();
        try (MappingIterator<Map<String, String>> it = mapper.readerForMapOf(String.class)
                .with(CsvSchema.emptySchema().withHeader()).readValues(in)) {
            List<Row> rows = new ArrayList<>();
            Map<String, String> names = null;
            while (it.hasNextValue()) {
                int line = rows.size() + 2; // the header is line 1
                Map<String, String> raw = it.nextValue();
                if (names == null) {
                    names = columns.match(raw.keySet());
                }
                rows.add(new Row(line, rename(raw, names)));
            }
            if (names == null) {
                throw new Refused(1, "The file has no rows");
            }
            return rows;
        } catch (JsonProcessingException | RuntimeException e) {
            throw new Refused(lineOf(e), "Malformed CSV: " + firstLine(e.getMessage()));
        } catch (IOException e) {
            throw new Refused(0, "The file could not be read: " + e.getMessage());
        }
    }

    /** A JSON array of flat objects, each a row whose keys are columns; the row's line is its position. */
    static List<Row> readJsonRows(InputStream in, Columns columns, String what) throws Refused {
        JsonNode root = readJson(in);
        if (root == null || !root.isArray()) {
            throw new Refused(1, "A JSON import is an array of " + what + "s");
        }
        List<Row> rows = new ArrayList<>();
        int index = 0;
        for (JsonNode element : root) {
            index++;
            if (!element.isObject()) {
                throw new Refused(index, capitalised(what) + " " + index + " is not an object");
            }
            Map<String, String> raw = new LinkedHashMap<>();
            for (Iterator<Map.Entry<String, JsonNode>> fields = element.fields(); fields.hasNext(); ) {
                var field = fields.next();
                raw.put(field.getKey(), field.getValue().isNull() ? null : field.getValue().asText());
            }
            rows.add(new Row(index, rename(raw, columns.match(raw.keySet()))));
        }
        return rows;
    }

    static JsonNode readJson(InputStream in) throws Refused {
        try {
            return new ObjectMapper().readTree(in);
        } catch (IOException e) {
            throw new Refused(lineOf(e), "Malformed JSON: " + firstLine(e.getMessage()));
        }
    }

    private static Map<String, String> rename(Map<String, String> raw, Map<String, String> names) {
        Map<String, String> values = new HashMap<>();
        raw.forEach((column, value) -> {
            if (names.containsKey(column)) {
                values.put(names.get(column), value);
            }
        });
        return values;
    }

    private static int lineOf(Exception e) {
        return e instanceof JsonProcessingException j && j.getLocation() != null ? j.getLocation().getLineNr() : 0;
    }

    private static String firstLine(String message) {
        return message == null ? "" : message.lines().findFirst().orElse("");
    }

    private static String capitalised(String word) {
        return Character.toUpperCase(word.charAt(0)) + word.substring(1);
    }
}

package org.gatehouse.audit;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.gatehouse.platform.InvalidInputException;

/**
 * How an export's lines are written, and read back by the verifier: a header line, the entries with their
 * {@code seq} and {@code hash}, and a signature line. Each writes a line one way only, so that the verifier, which
 * writes every line it reads again and compares, finds any changed byte.
 */
enum ExportFormat {

    /** One JSON object a line: the header, {@code {"type":"entry",…}} per entry, {@code {"type":"signature",…}}. */
    JSONL("jsonl", "application/x-ndjson") {
        @Override
        String metaLine(String json) {
            return json;
        }

        @Override
        String metaJson(String line) {
            return line;
        }

        @Override
        List<String> preamble() {
            return List.of();
        }

        @Override
        String entryLine(long seq, List<String> fields, String hash) {
            ObjectNode line = ExportChain.JSON.createObjectNode().put("type", ENTRY).put("seq", seq);
            for (int i = 0; i < ExportChain.FIELDS.size(); i++) {
                line.put(ExportChain.FIELDS.get(i), fields.get(i));
            }
            return ExportChain.json(line.put("hash", hash));
        }

        @Override
        Entry entry(String record) {
            JsonNode line = ExportChain.object(record);
            if (!ENTRY.equals(ExportChain.text(line, "type"))) {
                throw new IllegalArgumentException("not an entry line");
            }
            List<String> fields = new ArrayList<>();
            for (String field : ExportChain.FIELDS) {
                fields.add(ExportChain.text(line, field));
            }
            return new Entry(ExportChain.number(line, "seq"), fields, ExportChain.text(line, "hash"));
        }

        @Override
        boolean continues(String record) {
            return false;
        }
    },

    /**
     * RFC 4180 rows under a row of column names, between two {@code #} comment lines that carry the header and the
     * signature as JSON. A missing value is an empty cell, an empty one {@code ""}. A value that a spreadsheet would
     * run as a formula (starting with {@code = + - @}, a tab or a carriage return), or that starts with {@code '},
     * is written after a {@code '}, which reading takes off again.
     */
    CSV("csv", "text/csv;charset=UTF-8") {
        private static final String COMMENT = "# ";
        private static final String ESCAPED = "=+-@\t\r'";

        @Override
        String metaLine(String json) {
            return COMMENT + json;
        }

        @Override
        String metaJson(String line) {
            if (!line.startsWith(COMMENT)) {
                throw new IllegalArgumentException("not a '" + COMMENT + "' line");
            }
            return line.substring(COMMENT.length());
        }

        @Override
        List<String> preamble() {
            return List.of(String.join(",", Stream.concat(Stream.concat(Stream.of("seq"), ExportChain.FIELDS.stream()),
                    Stream.of("hash")).toList()));
        }

        @Override
        String entryLine(long seq, List<String> fields, String hash) {
            StringBuilder row = new StringBuilder().append(seq);
            fields.forEach(value -> row.append(',').append(cell(value)));
            return row.append(',').append(hash).toString();
        }

        @Override
        Entry entry(String record) {
            List<String> cells = cells(record);
            if (cells.size() != ExportChain.FIELDS.size() + 2) {
                throw new IllegalArgumentException(cells.size() + " cells where a row has " + (ExportChain.FIELDS.size() + 2));
            }
            long seq;
            try {
                seq = Long.parseLong(cells.get(0));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("no seq");
            }
            List<String> fields = cells.subList(1, cells.size() - 1).stream()
                    .map(value -> value != null && value.startsWith("'") ? value.substring(1) : value).toList();
            return new Entry(seq, fields, cells.get(cells.size() - 1));
        }

        /** A row goes on past a line break inside quotes; the comment lines' JSON has none. */
        @Override
        boolean continues(String record) {
            return !record.startsWith("#") && record.chars().filter(c -> c == '"').count() % 2 == 1;
        }

        private static String cell(String value) {
            if (value == null) {
                return "";
            }
            String text = !value.isEmpty() && ESCAPED.indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
            return text.isEmpty() || text.chars().anyMatch(c -> c == ',' || c == '"' || c == '\n' || c == '\r')
                    ? '"' + text.replace("\"", "\"\"") + '"' : text;
        }

        /** A row's cells as written: an empty cell unquoted is null. */
        private static List<String> cells(String record) {
            List<String> cells = new ArrayList<>();
            int i = 0;
            while (true) {
                StringBuilder cell = new StringBuilder();
                boolean quoted = i < record.length() && record.charAt(i) == '"';
                if (quoted) {
                    i++;
                    while (true) {
                        if (i >= record.length()) {
                            throw new IllegalArgumentException("a quote that does not end");
                        }
                        char c = record.charAt(i++);
                        if (c != '"') {
                            cell.append(c);
                        } else if (i < record.length() && record.charAt(i) == '"') {
                            cell.append('"');
                            i++;
                        } else {
                            break;
                        }
                    }
                } else {
                    while (i < record.length() && record.charAt(i) != ',') {
                        cell.append(record.charAt(i++));
                    }
                }
                cells.add(!quoted && cell.isEmpty() ? null : cell.toString());
                if (i == record.length()) {
                    return cells;
                }
                if (record.charAt(i++) != ',') {
                    throw new IllegalArgumentException("text after a quoted cell");
                }
            }
        }
    };

    private static final String ENTRY = "entry";

    /** An entry line as read: its number, its fields and the hash it claims. */
    record Entry(long seq, List<String> fields, String hash) {
    }

    private final String key;
    private final String contentType;

    ExportFormat(String key, String contentType) {
        this.key = key;
        this.contentType = contentType;
    }

    String key() {
        return key;
    }

    String contentType() {
        return contentType;
    }

    /** The header's or the signature's line, from its JSON. */
    abstract String metaLine(String json);

    /** The JSON of a header or signature line, or why the line holds none. */
    abstract String metaJson(String line);

    /** The lines between the header and the first entry. */
    abstract List<String> preamble();

    abstract String entryLine(long seq, List<String> fields, String hash);

    /** An entry line as read, or why it is none. */
    abstract Entry entry(String record);

    /** Whether a record read so far goes on past the line break that ends it. */
    abstract boolean continues(String record);

    static ExportFormat of(String key) {
        return Arrays.stream(values()).filter(format -> format.key.equals(key)).findFirst()
                .orElseThrow(() -> new InvalidInputException("format", "'" + key + "' is not one of "
                        + Arrays.stream(values()).map(ExportFormat::key).toList()));
    }

    /** The format whose header line this is, JSON Lines unless it is a comment. */
    static ExportFormat ofHeaderLine(String line) {
        return line.startsWith("#") ? CSV : JSONL;
    }
}

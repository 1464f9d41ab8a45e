package org.gatehouse.platform;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The README's "Authorization matrix", read as data: a row per route, a column per demo role, an expected outcome per
 * cell. The README is the single source; a row or a mark this reader does not understand stops the test with its line.
 */
final class AuthorizationMatrix {

    static final String SECTION = "## Authorization matrix";

    enum Role {
        ANONYMOUS("anonymous"), REQUESTER("requester"), WORKSPACE_ADMIN("workspace admin"), LEGAL("legal"),
        EXPERT("expert"), TEAM_MEMBER("team member"), AUDITOR("auditor"), PROCESS_OWNER("process owner"), ADMIN("admin");

        final String column;

        Role(String column) {
            this.column = column;
        }
    }

    enum Outcome {
        DONE("2xx"), PASS("pass"), OWN("own"), NONE("none"), UNAUTHORIZED("401"), FORBIDDEN("403"), HIDDEN("404"),
        LINK("link"), SIGNED("sig"), UNSETTLED("-");

        final String mark;

        Outcome(String mark) {
            this.mark = mark;
        }
    }

    /**
     * One route: {@code method} and {@code path} as the route cell names them, {@code route} the whole cell (the path
     * and what the row says about the record, which tells the probes apart), and the expected outcome per role.
     */
    record Row(int line, String route, String method, String path, Map<Role, Outcome> cells) {

        @Override
        public String toString() {
            return route;
        }
    }

    private static final Pattern ROUTE = Pattern.compile("`(GET|POST|PUT|DELETE|PATCH) (/[^`\\s]*)`(.*)");

    private AuthorizationMatrix() {
    }

    static List<Row> read(Path readme) {
        try {
            return parse(Files.readAllLines(readme));
        } catch (IOException e) {
            throw new UncheckedIOException("The authorization matrix is read from " + readme.toAbsolutePath(), e);
        }
    }

    /** The rows of every table under {@link #SECTION} whose first column is "route"; other tables there are prose. */
    static List<Row> parse(List<String> lines) {
        int start = lines.indexOf(SECTION);
        if (start < 0) {
            throw new IllegalStateException("The README has no section \"" + SECTION + "\"");
        }
        List<Row> rows = new ArrayList<>();
        Set<String> routes = new HashSet<>();
        List<Role> columns = null;
        for (int i = start + 1; i < lines.size() && !lines.get(i).startsWith("## "); i++) {
            String line = lines.get(i).trim();
            if (!line.startsWith("|")) {
                columns = null;
                continue;
            }
            List<String> cells = cells(line);
            if (columns == null) {
                columns = cells.get(0).equals("route") ? header(i + 1, cells) : List.of();
                i++; // the separator line under the header
                continue;
            }
            if (columns.isEmpty()) {
                continue;
            }
            Row row = row(i + 1, cells, columns);
            if (!routes.add(row.route())) {
                throw malformed(i + 1, "the route " + row.route() + " has a row already");
            }
            rows.add(row);
        }
        if (rows.isEmpty()) {
            throw new IllegalStateException("The section \"" + SECTION + "\" has no table whose first column is \"route\"");
        }
        return rows;
    }

    private static List<Role> header(int line, List<String> cells) {
        List<Role> roles = new ArrayList<>();
        for (String column : cells.subList(1, cells.size())) {
            Role role = Arrays.stream(Role.values()).filter(r -> r.column.equals(column)).findFirst()
                    .orElseThrow(() -> malformed(line, "unknown role column \"" + column + "\"; the roles are "
                            + Arrays.stream(Role.values()).map(r -> r.column).toList()));
            if (roles.contains(role)) {
                throw malformed(line, "the role column \"" + column + "\" comes twice");
            }
            roles.add(role);
        }
        if (roles.size() != Role.values().length) {
            throw malformed(line, "a matrix table has a column for every role " + Arrays.stream(Role.values())
                    .map(r -> r.column).toList() + ", this one for " + roles.stream().map(r -> r.column).toList());
        }
        return roles;
    }

    private static Row row(int line, List<String> cells, List<Role> columns) {
        Matcher route = ROUTE.matcher(cells.get(0));
        if (!route.matches()) {
            throw malformed(line, "the route cell \"" + cells.get(0) + "\" does not start with `METHOD /path`");
        }
        if (cells.size() != columns.size() + 1) {
            throw malformed(line, "the row has " + (cells.size() - 1) + " role cells, the table " + columns.size() + " roles");
        }
        Map<Role, Outcome> outcomes = new EnumMap<>(Role.class);
        for (int c = 0; c < columns.size(); c++) {
            String mark = cells.get(c + 1).replace("`", "");
            Role role = columns.get(c);
            outcomes.put(role, Arrays.stream(Outcome.values()).filter(o -> o.mark.equals(mark)).findFirst()
                    .orElseThrow(() -> malformed(line, "unknown mark \"" + mark + "\" for " + role.column + "; the marks are "
                            + Arrays.stream(Outcome.values()).map(o -> o.mark).toList())));
        }
        String text = (route.group(1) + " " + route.group(2) + " " + route.group(3).replace("`", "")).trim()
                .replaceAll("\\s+", " ");
        return new Row(line, text, route.group(1), route.group(2), outcomes);
    }

    private static List<String> cells(String line) {
        String inner = line.substring(1, line.endsWith("|") ? line.length() - 1 : line.length());
        return Arrays.stream(inner.split("\\|", -1)).map(String::trim).collect(Collectors.toList());
    }

    private static IllegalStateException malformed(int line, String problem) {
        return new IllegalStateException("README.md line " + line + " (" + SECTION.substring(3) + "): " + problem);
    }
}

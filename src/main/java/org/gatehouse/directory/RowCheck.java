package org.gatehouse.directory;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.validation.Validator;

/**
 * The checks every import makes of its rows, kept for the length of one file: Bean Validation of a row, and the
 * values that must not appear twice in a file (ids, e-mail addresses).
 */
final class RowCheck {

    private final Validator validator;
    private final Map<String, Map<String, Integer>> firstLines = new HashMap<>();

    RowCheck(Validator validator) {
        this.validator = validator;
    }

    /** Each constraint the row breaks, as "field message", in a stable order. */
    List<String> validate(Object row) {
        return new ArrayList<>(validator.validate(row).stream()
                .map(v -> v.getPropertyPath() + " " + v.getMessage()).sorted().toList());
    }

    /** Notes that {@code field} has {@code key} on {@code line}; adds a problem when an earlier line had it. */
    void once(String field, String value, String key, int line, List<String> problems) {
        if (value == null) {
            return;
        }
        Integer earlier = firstLines.computeIfAbsent(field, f -> new HashMap<>()).putIfAbsent(key, line);
        if (earlier != null) {
            problems.add(field + " " + value + " is also on line " + earlier);
        }
    }
}

package org.gatehouse.platform;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The public contract of Gatehouse's models as {@code bpmn/README.md} lists it, read from the copy packaged with the
 * code that relies on it: its rows by kind ({@code process}, {@code decision}, {@code user task}, {@code message},
 * {@code form}, {@code variable}, {@code group}). A bundle may add to it, never drop from it.
 */
public record ModelCatalogue(Map<String, Set<String>> rows) {

    private static final Pattern ROW = Pattern.compile("^\\| ([a-z ]+) \\| `([^`]+)` \\|", Pattern.MULTILINE);

    public static ModelCatalogue parse(String readme) {
        Map<String, Set<String>> rows = new TreeMap<>();
        Matcher row = ROW.matcher(readme);
        while (row.find()) {
            rows.computeIfAbsent(row.group(1), k -> new TreeSet<>()).add(row.group(2));
        }
        return new ModelCatalogue(rows);
    }

    /** The catalogue this jar was built with. */
    public static ModelCatalogue packaged() {
        try (InputStream in = ModelCatalogue.class.getResourceAsStream("/bpmn/README.md")) {
            if (in == null) {
                throw new IllegalStateException("bpmn/README.md is not on the classpath: the jar carries its catalogue");
            }
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Set<String> of(String kind) {
        return rows.getOrDefault(kind, Set.of());
    }
}

package org.gatehouse.platform;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * The process owners' folder {@code bpmn/} as one deployment: every model, decision, form and template, by its path in
 * the folder, and the version {@code bundle.properties} gives it. What is not deployed (the folder's README) stays out.
 */
public record ModelBundle(String version, Map<String, byte[]> resources) {

    public static final String VERSION_FILE = "bundle.properties";
    private static final Pattern VERSION = Pattern.compile("\\d{1,9}(\\.\\d{1,9})*");
    /** Dotted numbers, compared number by number: 1.10 is newer than 1.9. */
    public static final Comparator<String> NEWER = (a, b) -> {
        int[] x = numbers(a);
        int[] y = numbers(b);
        for (int i = 0; i < Math.max(x.length, y.length); i++) {
            int c = Integer.compare(i < x.length ? x[i] : 0, i < y.length ? y[i] : 0);
            if (c != 0) {
                return c;
            }
        }
        return 0;
    };

    public ModelBundle {
        resources = Map.copyOf(resources);
    }

    /** The files as sent (the folder's own layout), keeping only what a deployment holds. */
    public static ModelBundle of(Map<String, byte[]> files) {
        Map<String, byte[]> kept = new TreeMap<>();
        files.forEach((name, content) -> {
            if (!name.toLowerCase(java.util.Locale.ROOT).endsWith(".md")) {
                kept.put(name.replace('\\', '/'), content);
            }
        });
        return new ModelBundle(versionOf(kept).orElse(null), kept);
    }

    /** The folder as it lies on disk: {@code --deploy-models=bpmn/}. */
    public static ModelBundle fromDirectory(Path folder) {
        try (Stream<Path> files = Files.walk(folder)) {
            Map<String, byte[]> read = new TreeMap<>();
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                read.put(folder.relativize(file).toString(), Files.readAllBytes(file));
            }
            return of(read);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The jar's own bundle: the folder as packaged under {@code bpmn/} on the classpath. */
    public static ModelBundle fromClasspath() {
        try {
            Map<String, byte[]> read = new TreeMap<>();
            var resolver = new PathMatchingResourcePatternResolver();
            String base = resolver.getResource("classpath:bpmn/" + VERSION_FILE).getURL().toString();
            base = base.substring(0, base.length() - VERSION_FILE.length());
            for (Resource resource : resolver.getResources("classpath*:bpmn/**/*")) {
                String url = resource.getURL().toString();
                if (resource.isReadable() && url.startsWith(base) && !url.endsWith("/")) {
                    read.put(url.substring(base.length()), resource.getContentAsByteArray());
                }
            }
            return of(read);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The version a deployment's resources carry, if they hold a readable {@code bundle.properties}. */
    public static Optional<String> versionOf(Map<String, byte[]> resources) {
        byte[] file = resources.get(VERSION_FILE);
        if (file == null) {
            return Optional.empty();
        }
        var properties = new Properties();
        try {
            properties.load(new StringReader(new String(file, StandardCharsets.UTF_8)));
        } catch (IOException e) {
            return Optional.empty();
        }
        String version = properties.getProperty("version", "").strip();
        return VERSION.matcher(version).matches() ? Optional.of(version) : Optional.empty();
    }

    private static int[] numbers(String version) {
        return Arrays.stream(version.split("\\.")).mapToInt(Integer::parseInt).toArray();
    }
}

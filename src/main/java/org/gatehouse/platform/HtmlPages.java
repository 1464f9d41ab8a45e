package org.gatehouse.platform;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

import com.samskivert.mustache.Mustache;
import com.samskivert.mustache.Template;

import org.springframework.core.io.ClassPathResource;

/** The small HTML pages behind the links that work without an account: Mustache templates under {@code templates/}. */
public final class HtmlPages {

    private HtmlPages() {
    }

    public static Template load(String name) {
        try (Reader reader = new InputStreamReader(new ClassPathResource("templates/" + name).getInputStream(),
                StandardCharsets.UTF_8)) {
            return Mustache.compiler().compile(reader);
        } catch (IOException e) {
            throw new UncheckedIOException("The page template " + name + " cannot be read", e);
        }
    }
}

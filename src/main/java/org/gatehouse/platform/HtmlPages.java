package org.gatehouse.platform;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import com.samskivert.mustache.Mustache;
import com.samskivert.mustache.Template;

import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/** The small HTML pages behind the links that work without an account: Mustache templates under {@code templates/}. */
final class HtmlPages {

    private static final Pattern STYLE = Pattern.compile("<style>(.*?)</style>", Pattern.DOTALL);

    private HtmlPages() {
    }

    static Template load(String name) {
        try (Reader reader = new InputStreamReader(new ClassPathResource("templates/" + name).getInputStream(),
                StandardCharsets.UTF_8)) {
            return Mustache.compiler().compile(reader);
        } catch (IOException e) {
            throw new UncheckedIOException("The page template " + name + " cannot be read", e);
        }
    }

    /**
     * The Content-Security-Policy sources of the templates' inline {@code <style>} blocks ({@code 'sha256-…'}), so the
     * pages keep their look under a policy that allows no other style, and no script at all.
     */
    static String styleHashes() {
        try {
            Resource[] templates = new PathMatchingResourcePatternResolver().getResources("classpath*:templates/*.mustache");
            String hashes = Arrays.stream(templates).flatMap(t -> STYLE.matcher(read(t)).results().map(m -> m.group(1)))
                    .map(HtmlPages::sha256).distinct().sorted().collect(Collectors.joining(" "));
            return hashes.isEmpty() ? "'none'" : hashes;
        } catch (IOException e) {
            throw new UncheckedIOException("The page templates cannot be listed", e);
        }
    }

    private static String read(Resource template) {
        try {
            return template.getContentAsString(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("The page template " + template.getFilename() + " cannot be read", e);
        }
    }

    private static String sha256(String style) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(style.getBytes(StandardCharsets.UTF_8));
            return "'sha256-" + Base64.getEncoder().encodeToString(digest) + "'";
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }
}

package org.gatehouse.platform;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletResponse;

import com.samskivert.mustache.Mustache;

import org.springframework.stereotype.Component;

/**
 * The small HTML pages behind the links that work without an account: Mustache templates that the process owners keep
 * in {@code bpmn/pages/} and deploy with the processes, each page taken from the deployment of the process the link
 * belongs to ({@link DeployedResources}). Values are HTML-escaped; a page may carry its own inline {@code <style>},
 * which its Content-Security-Policy allows by hash, and nothing else: no script runs, whatever a template says.
 */
@Component
public class LinkPages {

    static final String FOLDER = "pages/";
    private static final Pattern STYLE = Pattern.compile("<style>(.*?)</style>", Pattern.DOTALL);

    private final DeployedResources resources;

    LinkPages(DeployedResources resources) {
        this.resources = resources;
    }

    /** Writes the page {@code name} of the instance's deployment filled with {@code model}, with its policy header. */
    String render(String processInstanceId, String name, Map<String, ?> model, HttpServletResponse response) {
        String source = resources.text(processInstanceId, FOLDER + name + ".mustache");
        response.setHeader(LinkPageHeaders.POLICY_HEADER, LinkPageHeaders.policy(styleSources(source)));
        return Mustache.compiler().compile(source).execute(model);
    }

    /** The Content-Security-Policy sources of a page's inline {@code <style>} blocks: {@code 'sha256-…'} each. */
    static String styleSources(String page) {
        String hashes = STYLE.matcher(page).results().map(m -> sha256(m.group(1))).distinct().sorted()
                .collect(Collectors.joining(" "));
        return hashes.isEmpty() ? "'none'" : hashes;
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

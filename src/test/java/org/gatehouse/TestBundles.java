package org.gatehouse;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.camunda.bpm.engine.ProcessEngine;
import org.gatehouse.platform.ModelBundle;
import org.gatehouse.platform.ModelBundles;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/** The {@code bpmn/} folder as a process owner sends it: every file but the README, under a version of one's choice. */
public final class TestBundles {

    private TestBundles() {
    }

    /** The folder as it is, versioned one above the latest deployed bundle (so that it may deploy). */
    public static Map<String, String> next(ProcessEngine engine) throws IOException {
        return withVersion(nextVersion(engine));
    }

    public static String nextVersion(ProcessEngine engine) {
        String latest = ModelBundles.latestVersion(engine.getRepositoryService()).orElse("0");
        return Integer.toString(Integer.parseInt(latest.split("\\.")[0]) + 1);
    }

    /** The files as multipart parts named by their path in the folder, as Camunda's REST API and Gatehouse's take them. */
    public static HttpEntity<MultiValueMap<String, Object>> multipart(String deploymentName, Map<String, String> files) {
        var body = new LinkedMultiValueMap<String, Object>();
        if (deploymentName != null) {
            body.add("deployment-name", deploymentName);
        }
        files.forEach((file, content) -> body.add(file, new ByteArrayResource(content.getBytes(StandardCharsets.UTF_8)) {
            @Override
            public String getFilename() {
                return file;
            }
        }));
        var headers = new HttpHeaders();
        headers.setContentType(MediaType.MULTIPART_FORM_DATA);
        return new HttpEntity<>(body, headers);
    }

    public static Map<String, String> withVersion(String version) throws IOException {
        Map<String, String> files = new TreeMap<>();
        try (Stream<Path> paths = Files.walk(Path.of("bpmn"))) {
            for (Path file : paths.filter(Files::isRegularFile).filter(p -> !p.toString().endsWith(".md")).toList()) {
                files.put(Path.of("bpmn").relativize(file).toString(), Files.readString(file, StandardCharsets.UTF_8));
            }
        }
        files.put(ModelBundle.VERSION_FILE, "version=" + version + "\n");
        return files;
    }
}

package org.gatehouse;

import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** Gatehouse over real HTTP, as a signed-in user (HTTP Basic) or anonymously. */
public final class Api {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final TestRestTemplate rest;

    public Api(TestRestTemplate rest) {
        this.rest = rest;
    }

    public Api as(String user) {
        return new Api(rest.withBasicAuth(user, user));
    }

    public ResponseEntity<JsonNode> get(String path) {
        return exchange(HttpMethod.GET, path, null, MediaType.APPLICATION_JSON);
    }

    public ResponseEntity<String> getText(String path, MediaType accept) {
        var headers = new HttpHeaders();
        headers.setAccept(java.util.List.of(accept));
        return rest.exchange(path, HttpMethod.GET, new HttpEntity<>(headers), String.class);
    }

    public ResponseEntity<JsonNode> post(String path, Object body) {
        return exchange(HttpMethod.POST, path, body, MediaType.APPLICATION_JSON);
    }

    public ResponseEntity<JsonNode> put(String path, Object body) {
        return exchange(HttpMethod.PUT, path, body, MediaType.APPLICATION_JSON);
    }

    public ResponseEntity<JsonNode> delete(String path) {
        return exchange(HttpMethod.DELETE, path, null, MediaType.APPLICATION_JSON);
    }

    /** Posts an HTML form's fields ({@code a=b&c=d}, encoded) as a browser does, asking for the page it answers with. */
    public ResponseEntity<String> postForm(String path, String fields) {
        var headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_FORM_URLENCODED);
        headers.setAccept(java.util.List.of(MediaType.TEXT_HTML));
        return rest.exchange(path, HttpMethod.POST, new HttpEntity<>(fields, headers), String.class);
    }

    /** Sends the body as it is, for malformed JSON. */
    public ResponseEntity<JsonNode> postRaw(String path, String body) {
        return postRaw(path, body, MediaType.APPLICATION_JSON);
    }

    /** Sends the body as it is, with its own content type: a file to import, say. */
    public ResponseEntity<JsonNode> postRaw(String path, String body, MediaType type) {
        var headers = new HttpHeaders();
        headers.setContentType(type);
        return rest.exchange(path, HttpMethod.POST, new HttpEntity<>(body, headers), JsonNode.class);
    }

    /** The engine REST API's variable format: {"name": {"value": …}}. */
    public static Map<String, Object> variables(Map<String, Object> values) {
        var variables = new java.util.LinkedHashMap<String, Object>();
        values.forEach((name, value) -> variables.put(name, Map.of("value", value)));
        return Map.of("variables", variables);
    }

    /** A problem+json answer with this status, naming these fields in its {@code errors}. */
    public static void assertProblem(ResponseEntity<JsonNode> response, org.springframework.http.HttpStatus status,
            String... fields) {
        org.assertj.core.api.Assertions.assertThat(response.getStatusCode()).isEqualTo(status);
        org.assertj.core.api.Assertions.assertThat(response.getHeaders().getContentType())
                .isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        org.assertj.core.api.Assertions.assertThat(response.getBody().get("status").asInt()).isEqualTo(status.value());
        org.assertj.core.api.Assertions.assertThat(response.getBody().get("errors").findValuesAsText("field")).contains(fields);
    }

    public static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (Exception e) {
            throw new IllegalArgumentException("Not JSON: " + text, e);
        }
    }

    private ResponseEntity<JsonNode> exchange(HttpMethod method, String path, Object body, MediaType accept) {
        var headers = new HttpHeaders();
        headers.setAccept(java.util.List.of(accept, MediaType.APPLICATION_PROBLEM_JSON));
        if (body != null) {
            headers.setContentType(MediaType.APPLICATION_JSON);
        }
        ResponseEntity<String> response = rest.exchange(path, method, new HttpEntity<>(body, headers), String.class);
        JsonNode json = response.getBody() == null || response.getBody().isBlank() ? null : json(response.getBody());
        return new ResponseEntity<>(json, response.getHeaders(), response.getStatusCode());
    }
}

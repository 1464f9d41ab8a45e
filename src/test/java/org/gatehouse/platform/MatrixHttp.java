package org.gatehouse.platform;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * One HTTP client for every role of the matrix: HTTP Basic on {@code /api}, {@code /engine-rest} and the links, and
 * on the webapps' API a session per role, opened as Tasklist, Cockpit or Admin opens it, with Camunda's CSRF token
 * sent back on every call, as a webapp's scripts send it. A call to Gatehouse's API may take that session instead of
 * HTTP Basic, as Cockpit's audit plugin does. Cookies are kept per role by hand, so one client serves them all.
 */
final class MatrixHttp {

    static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> APPS = List.of("tasklist", "cockpit", "admin");

    /** How a call names its caller: the webapps' API always takes the session, Gatehouse's API what the call says. */
    enum Credentials { BASIC, WEBAPP_SESSION, WEBAPP_SESSION_WITHOUT_CSRF_TOKEN }

    /**
     * A request: a JSON body (or none), unless {@code contentType} says otherwise; HTTP Basic unless it says so;
     * {@code headers} of its own (Slack's signature), sent as they are.
     */
    record Call(String method, String path, String contentType, String body, Credentials credentials,
            Map<String, String> headers) {

        Call(String method, String path, String contentType, String body) {
            this(method, path, contentType, body, Credentials.BASIC, Map.of());
        }

        Call with(Credentials other) {
            return new Call(method, path, contentType, body, other, headers);
        }

        Call with(Map<String, String> more) {
            return new Call(method, path, contentType, body, credentials, more);
        }

        static Call of(String method, String path, Object json) {
            try {
                return new Call(method, path, "application/json", json == null ? null : JSON.writeValueAsString(json));
            } catch (JsonProcessingException e) {
                throw new IllegalArgumentException(e);
            }
        }
    }

    record Answer(int status, String body) {

        boolean ok() {
            return status >= 200 && status < 300;
        }

        /** Refused for what it asks, not for who asks: anything but a refusal of the caller or a failure. */
        boolean passes() {
            return status != 401 && status != 403 && status != 404 && status < 500;
        }

        JsonNode json() {
            try {
                return body == null || body.isBlank() ? JSON.nullNode() : JSON.readTree(body);
            } catch (JsonProcessingException e) {
                return JSON.nullNode();
            }
        }

        /** Whether {@code value} is one of the answer's values, at any depth: an id in a list, say. */
        boolean shows(String value) {
            return contains(json(), value);
        }

        boolean emptyList() {
            return ok() && json().isArray() && json().isEmpty();
        }

        private static boolean contains(JsonNode node, String value) {
            if (node.isValueNode()) {
                return node.asText().equals(value);
            }
            for (JsonNode child : node) {
                if (contains(child, value)) {
                    return true;
                }
            }
            return false;
        }

        @Override
        public String toString() {
            String text = body == null ? "" : body.replaceAll("\\s+", " ");
            return status + (text.isBlank() ? "" : " " + (text.length() > 160 ? text.substring(0, 160) + "…" : text));
        }
    }

    private final HttpClient client = HttpClient.newHttpClient();
    private final String base;
    private final Map<String, Map<String, String>> sessions = new HashMap<>();

    MatrixHttp(int port) {
        this.base = "http://localhost:" + port;
    }

    /** Sends the call as {@code user} (null: anonymously). */
    Answer send(String user, Call call) {
        var request = HttpRequest.newBuilder(URI.create(base + call.path())).header("Accept", "application/json");
        Map<String, String> cookies = null;
        if (call.path().startsWith("/camunda/") || call.credentials() != Credentials.BASIC) {
            cookies = sessions.computeIfAbsent(user == null ? "" : user, this::open);
            if (!cookies.isEmpty()) {
                request.header("Cookie", cookieHeader(cookies));
            }
            if (call.credentials() != Credentials.WEBAPP_SESSION_WITHOUT_CSRF_TOKEN) {
                request.header("X-XSRF-TOKEN", cookies.getOrDefault("XSRF-TOKEN", ""));
            }
        } else if (user != null) {
            request.header("Authorization", "Basic " + Base64.getEncoder()
                    .encodeToString((user + ":" + user).getBytes(StandardCharsets.UTF_8)));
        }
        if (call.body() != null) {
            request.header("Content-Type", call.contentType());
        }
        call.headers().forEach(request::header);
        request.method(call.method(), call.body() == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(call.body(), StandardCharsets.UTF_8));
        HttpResponse<String> response = exchange(request.build());
        if (cookies != null) {
            keep(cookies, response);
        }
        return new Answer(response.statusCode(), response.body());
    }

    /** A webapp session: the CSRF cookie from the app's page, then a login to the first app the user may open. */
    private Map<String, String> open(String user) {
        Map<String, String> cookies = new LinkedHashMap<>();
        keep(cookies, exchange(HttpRequest.newBuilder(URI.create(base + "/camunda/app/tasklist/")).build()));
        if (user.isEmpty()) {
            return cookies;
        }
        for (String app : APPS) {
            var login = exchange(HttpRequest.newBuilder(URI.create(base + "/camunda/api/admin/auth/user/default/login/" + app))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .header("Cookie", cookieHeader(cookies))
                    .header("X-XSRF-TOKEN", cookies.getOrDefault("XSRF-TOKEN", ""))
                    .POST(HttpRequest.BodyPublishers.ofString("username=" + user + "&password=" + user)).build());
            keep(cookies, login);
            if (login.statusCode() == 200) {
                // the login starts a new session, whose CSRF token comes with its first read
                keep(cookies, exchange(HttpRequest.newBuilder(URI.create(base + "/camunda/api/admin/auth/user/default"))
                        .header("Cookie", cookieHeader(cookies)).build()));
                return cookies;
            }
        }
        throw new IllegalStateException(user + " may open none of " + APPS + ": the matrix has no webapp session for them");
    }

    private static void keep(Map<String, String> cookies, HttpResponse<String> response) {
        for (String header : response.headers().allValues("Set-Cookie")) {
            String pair = header.split(";", 2)[0];
            int eq = pair.indexOf('=');
            String name = pair.substring(0, eq).trim();
            String value = pair.substring(eq + 1).trim();
            if (value.isEmpty() || header.toLowerCase(java.util.Locale.ROOT).contains("max-age=0")) {
                cookies.remove(name);
            } else {
                cookies.put(name, value);
            }
        }
    }

    private static String cookieHeader(Map<String, String> cookies) {
        return cookies.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining("; "));
    }

    private HttpResponse<String> exchange(HttpRequest request) {
        try {
            return client.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(request.method() + " " + request.uri() + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}

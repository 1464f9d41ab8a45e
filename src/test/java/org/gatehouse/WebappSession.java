package org.gatehouse;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/**
 * A signed-in session of the webapps, which sends Camunda's CSRF token as Tasklist and Cockpit do: the token of the
 * session the login started, which comes with its first read.
 */
public record WebappSession(HttpClient client, CookieManager cookies, String base) {

    public static WebappSession signIn(int port, String user, String app) throws Exception {
        var cookies = new CookieManager();
        var session = new WebappSession(HttpClient.newBuilder().cookieHandler(cookies).build(), cookies,
                "http://localhost:" + port + "/camunda");
        session.client.send(HttpRequest.newBuilder(URI.create(session.base + "/app/" + app + "/")).build(),
                HttpResponse.BodyHandlers.discarding());
        var login = session.client.send(HttpRequest.newBuilder(URI.create(session.base
                        + "/api/admin/auth/user/default/login/" + app))
                .header("Content-Type", "application/x-www-form-urlencoded").header("X-XSRF-TOKEN", session.csrf())
                .POST(HttpRequest.BodyPublishers.ofString("username=" + user + "&password=" + user)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(login.statusCode()).as(login.body()).isEqualTo(200);
        session.send("GET", "/api/admin/auth/user/default", null);
        return session;
    }

    /** A call to the webapps' API, under {@code /camunda} ({@code /api/engine/...}). */
    public HttpResponse<String> send(String method, String path, String json) throws Exception {
        return call(method, URI.create(base + path), json, true);
    }

    /** A call to Gatehouse's API with this session ({@code /api/...}), as Cockpit's plugins make it. */
    public HttpResponse<String> gatehouse(String method, String path, String json) throws Exception {
        return call(method, gatehouseUri(path), json, true);
    }

    /** The same call without the session's CSRF token, as a page elsewhere would make it with the browser's cookie. */
    public HttpResponse<String> gatehouseWithoutToken(String method, String path, String json) throws Exception {
        return call(method, gatehouseUri(path), json, false);
    }

    private URI gatehouseUri(String path) {
        return URI.create(base.substring(0, base.length() - "/camunda".length()) + path);
    }

    private String csrf() {
        return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("XSRF-TOKEN"))
                .reduce((first, last) -> last).orElseThrow().getValue();
    }

    private HttpResponse<String> call(String method, URI uri, String json, boolean token) throws Exception {
        var request = HttpRequest.newBuilder(uri).header("Content-Type", "application/json")
                .header("Accept", "application/json");
        if (token) {
            request.header("X-XSRF-TOKEN", csrf());
        }
        return client.send(request.method(method, json == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
    }
}

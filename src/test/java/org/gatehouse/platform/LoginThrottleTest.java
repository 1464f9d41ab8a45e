package org.gatehouse.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.persistence.entity.UserEntity;
import org.gatehouse.Api;
import org.gatehouse.HttpTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatus;

/**
 * A stranger who guesses a person's password slows down only themselves. Each attacker is a real second client: a
 * connection from another loopback address (127.0.0.0/8 is all this machine's), while the tests' own client,
 * 127.0.0.1, plays the person.
 */
class LoginThrottleTest extends HttpTest {

    /** Distinct attacker addresses, so that each test (and a rerun in the same context) starts uncounted. */
    private static final AtomicInteger ATTACKER = new AtomicInteger(10);

    @Autowired IdentityService identity;
    @Autowired LoginThrottleProperties limits;
    @LocalServerPort int port;

    @Test
    void thirtyWrongPasswordsThrottleTheirClientNotTheAccount() throws IOException {
        String attacker = nextAttacker();
        int refused = 0;
        for (int i = 0; i < 30; i++) {
            Response response = basic(attacker, "alice", "guess-" + i, "/api/sharing-policy");
            if (i < limits.maxFailuresPerUser()) {
                assertThat(response.status()).as("guess " + i).isEqualTo(401);
            } else {
                assertThat(response.status()).as("guess " + i).isEqualTo(429);
                refused++;
            }
        }
        Response throttled = basic(attacker, "alice", "alice", "/engine-rest/task?maxResults=1");
        assertThat(throttled.status()).as("even the right password is not checked").isEqualTo(429);
        assertThat(Long.parseLong(throttled.headers().get("retry-after"))).isBetween(1L, limits.window().toSeconds());
        assertThat(throttled.headers().get("content-type")).startsWith("application/problem+json");
        assertThat(Api.json(throttled.body()).get("status").asInt()).isEqualTo(429);
        assertThat(Api.json(throttled.body()).get("detail").asText()).contains("Too many failed sign-ins");
        assertThat(refused).isEqualTo(30 - limits.maxFailuresPerUser());
        assertThat(attempts("alice")).as("the engine saw only the counted guesses")
                .isEqualTo(limits.maxFailuresPerUser());

        assertThat(api.as("alice").get("/api/sharing-policy").getStatusCode()).as("alice, from her own client")
                .isEqualTo(HttpStatus.OK);
        assertThat(attempts("alice")).as("not locked: her sign-in cleared the engine's count").isZero();
        assertThat(basic(attacker, "bob", "bob", "/api/sharing-policy").status())
                .as("the attacker's client may still sign in as someone else").isEqualTo(200);
    }

    @Test
    void aClientSprayingManyNamesIsThrottledAsAWhole() throws IOException {
        String attacker = nextAttacker();
        for (int i = 0; i < limits.maxFailuresPerClient(); i++) {
            assertThat(basic(attacker, "nobody-" + i, "x", "/engine-rest/task?maxResults=1").status()).isEqualTo(401);
        }
        assertThat(basic(attacker, "someone-new", "x", "/api/sharing-policy").status()).isEqualTo(429);
        assertThat(basic(attacker, "carol", "carol", "/api/sharing-policy").status()).isEqualTo(429);
        assertThat(api.as("carol").get("/api/sharing-policy").getStatusCode()).isEqualTo(HttpStatus.OK);
    }

    @Test
    void theWebappLoginIsThrottledTheSameWay() throws IOException {
        String attacker = nextAttacker();
        for (int i = 0; i < limits.maxFailuresPerUser(); i++) {
            assertThat(webappLogin(attacker, "dave", "guess-" + i).status()).as("guess " + i).isEqualTo(401);
        }
        Response throttled = webappLogin(attacker, "dave", "dave");
        assertThat(throttled.status()).isEqualTo(429);
        assertThat(throttled.headers()).containsKey("retry-after");
        assertThat(webappLogin("127.0.0.1", "dave", "dave").status()).as("dave, from his own client").isEqualTo(200);
        assertThat(attempts("dave")).isZero();
    }

    private String nextAttacker() {
        return "127.0.0." + ATTACKER.incrementAndGet();
    }

    private int attempts(String user) {
        return ((UserEntity) identity.createUserQuery().userId(user).singleResult()).getAttempts();
    }

    private Response basic(String from, String user, String password, String path) throws IOException {
        String credentials = Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
        return send(from, "GET " + path + " HTTP/1.0\r\nHost: localhost\r\nAccept: application/json\r\n"
                + "Authorization: Basic " + credentials + "\r\n\r\n");
    }

    /** Camunda's login as Tasklist sends it: a session and its CSRF token first, then the form. */
    private Response webappLogin(String from, String user, String password) throws IOException {
        Response page = send(from, "GET /camunda/app/tasklist/ HTTP/1.0\r\nHost: localhost\r\n\r\n");
        String cookies = String.join("; ", page.cookies().values());
        String form = "username=" + user + "&password=" + password;
        return send(from, "POST /camunda/api/admin/auth/user/default/login/tasklist HTTP/1.0\r\nHost: localhost\r\n"
                + "Content-Type: application/x-www-form-urlencoded\r\nContent-Length: " + form.length() + "\r\n"
                + "Cookie: " + cookies + "\r\nX-XSRF-TOKEN: " + page.cookies().get("XSRF-TOKEN").split("=", 2)[1] + "\r\n\r\n"
                + form);
    }

    /** One HTTP/1.0 exchange from the local address {@code from}, so that the server sees that client. */
    private Response send(String from, String request) throws IOException {
        try (Socket socket = new Socket()) {
            socket.bind(new InetSocketAddress(from, 0));
            socket.connect(new InetSocketAddress("127.0.0.1", port), 10_000);
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.UTF_8));
            out.flush();
            InputStream in = socket.getInputStream();
            String raw = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            int end = raw.indexOf("\r\n\r\n");
            String[] head = raw.substring(0, end).split("\r\n");
            Map<String, String> headers = new LinkedHashMap<>();
            Map<String, String> cookies = new LinkedHashMap<>();
            for (int i = 1; i < head.length; i++) {
                String name = head[i].substring(0, head[i].indexOf(':')).toLowerCase();
                String value = head[i].substring(head[i].indexOf(':') + 1).trim();
                headers.put(name, value);
                if (name.equals("set-cookie")) {
                    String cookie = value.split(";", 2)[0];
                    cookies.put(cookie.substring(0, cookie.indexOf('=')), cookie);
                }
            }
            return new Response(Integer.parseInt(head[0].split(" ")[1]), headers, cookies, raw.substring(end + 4));
        }
    }

    private record Response(int status, Map<String, String> headers, Map<String, String> cookies, String body) {
    }
}

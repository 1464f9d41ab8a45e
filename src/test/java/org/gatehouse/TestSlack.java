package org.gatehouse;

import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.github.tomakehurst.wiremock.WireMockServer;

import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Slack for the tests. Its Web API is a WireMock server in the test JVM, started before the shared context, whose
 * Slack settings point at it; the chat gateway stays the local one, so a test that needs the Slack gateway builds it,
 * or puts it in the local one's place ({@link FlakyChannelGateway#use}). Between tests the server answers only
 * {@code auth.test}, as Slack answers the app's bot token (Bolt asks it at its first request); a test stubs the
 * methods it calls with Slack's documented answers ({@link #answer}, {@link #refuse}) and verifies what Gatehouse
 * sent. Requests to {@code /slack/events} are signed as Slack signs them ({@link #signature}).
 */
public class TestSlack implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    public static final String SIGNING_SECRET = "test-signing-secret-of-the-slack-app";
    public static final String BOT_TOKEN = "xoxb-test-bot-token";
    public static final String ADMIN_TOKEN = "xoxp-test-admin-token";
    public static final String TEAM = "T0ACME0001";
    public static final String BOT_USER = "U0GATEHOUSE";
    public static final String BOT_ID = "B0GATEHOUSE";

    private static WireMockServer server;

    public static synchronized WireMockServer server() {
        if (server == null) {
            server = new WireMockServer(options().dynamicPort());
            server.start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> server.stop()));
            answerAuthTest();
        }
        return server;
    }

    /** Forgets every stub and every request received, and answers {@code auth.test} again. */
    public static void reset() {
        server().resetAll();
        answerAuthTest();
    }

    /** {@code method} answers {@code {"ok": true, …}}: {@code fields} is the JSON after {@code "ok": true,}. */
    public static void answer(String method, String fields) {
        server().stubFor(post(urlPathEqualTo("/api/" + method))
                .willReturn(okJson("{\"ok\":true" + (fields.isBlank() ? "" : "," + fields) + "}")));
    }

    /** {@code method} answers as Slack refuses: HTTP 200, {@code "ok": false} and the error. */
    public static void refuse(String method, String error) {
        refuse(method, error, "");
    }

    /** A refusal with more, such as {@code "needed":"channels:manage","provided":"chat:write"}. */
    public static void refuse(String method, String error, String fields) {
        server().stubFor(post(urlPathEqualTo("/api/" + method)).willReturn(okJson("{\"ok\":false,\"error\":\"" + error
                + "\"" + (fields.isBlank() ? "" : "," + fields) + "}")));
    }

    /** Slack's headers for {@code body} sent now: the timestamp and the v0 signature. */
    public static Map<String, String> signedHeaders(String body) {
        return signedHeaders(body, Instant.now().getEpochSecond());
    }

    public static Map<String, String> signedHeaders(String body, long timestamp) {
        return Map.of("X-Slack-Request-Timestamp", Long.toString(timestamp),
                "X-Slack-Signature", signature(SIGNING_SECRET, timestamp, body));
    }

    /** Slack's v0 signature: HMAC-SHA256 over {@code v0:<timestamp>:<body>} with the app's signing secret, in hex. */
    public static String signature(String secret, long timestamp, String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return "v0=" + HexFormat.of().formatHex(mac.doFinal(("v0:" + timestamp + ":" + body)
                    .getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void answerAuthTest() {
        answer("auth.test", "\"url\":\"https://acme.slack.com/\",\"team\":\"Acme\",\"user\":\"gatehouse\","
                + "\"team_id\":\"" + TEAM + "\",\"user_id\":\"" + BOT_USER + "\",\"bot_id\":\"" + BOT_ID + "\","
                + "\"is_enterprise_install\":false");
    }

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        TestPropertyValues.of(
                "gatehouse.slack.api-url=" + server().baseUrl() + "/api/",
                "gatehouse.slack.bot-token=" + BOT_TOKEN,
                "gatehouse.slack.admin-token=" + ADMIN_TOKEN,
                "gatehouse.slack.signing-secret=" + SIGNING_SECRET).applyTo(context);
    }
}

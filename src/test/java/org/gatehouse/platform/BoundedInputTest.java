package org.gatehouse.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gatehouse.Api.assertProblem;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.LocalDate;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;

import org.gatehouse.HttpTest;
import org.gatehouse.access.AccessRequestFixtures;
import org.gatehouse.experts.ExpertFixtures;
import org.gatehouse.intake.Mailboxes;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Bounded, checked input, over HTTP as a client (or an attacker) sends it: bodies over the limit are refused unread,
 * refused messages keep an excerpt, control characters are refused with the field named, bidirectional overrides
 * leave one-line fields, malformed paths and parameters are 400 naming them, and the link pages carry a strict
 * Content-Security-Policy.
 */
class BoundedInputTest extends HttpTest {

    private static final int EXCERPT = 16 * 1024;

    @Autowired JdbcClient jdbc;
    @Autowired ExpertFixtures experts;
    @Autowired Mailboxes mail;
    @LocalServerPort int port;

    @Test
    void aFiveMegabyteTicketIsRefusedUnreadWith413AndNothingBeyondAnExcerptIsStored() throws IOException {
        long before = inboundOf("dave");
        String body = ticketJson("x".repeat(5_000_000));

        String answer = send("POST /api/tickets", "dave", "Content-Length: " + body.length(), body.getBytes(StandardCharsets.UTF_8));

        assertThat(answer).startsWith("HTTP/1.1 413").contains("application/problem+json").contains("\"status\":413");
        assertThat(inboundOf("dave")).as("the body was never read, so nothing of it is stored").isEqualTo(before);
        assertThat(longestRefusedBody()).as("no refused message holds more than its excerpt").isLessThanOrEqualTo(EXCERPT);
    }

    @Test
    void aChunkedBodyIsCountedWhileReadRefusedOverTheLimitAndHandedOnWhole() throws IOException {
        long before = inboundOf("dave");
        String big = ticketJson("y".repeat(300 * 1024));
        assertThat(send("POST /api/tickets", "dave", "Transfer-Encoding: chunked", chunked(big))).startsWith("HTTP/1.1 413")
                .contains("\"status\":413");
        assertThat(send("POST /engine-rest/process-definition/key/approval/start", "dave", "Transfer-Encoding: chunked",
                chunked("{\"variables\":{\"x\":{\"value\":\"" + "z".repeat(300 * 1024) + "\"}}}"))).startsWith("HTTP/1.1 413");
        assertThat(inboundOf("dave")).isEqualTo(before);

        String small = ticketJson("My laptop's screen flickers");
        assertThat(send("POST /api/tickets", "dave", "Transfer-Encoding: chunked", chunked(small)))
                .as("a chunked body under the limit reaches the intake").startsWith("HTTP/1.1 201");
    }

    @Test
    void theEngineRestApiIsBoundedAndTheImportsKeepTheirLargerLimit() {
        String big = "{\"variables\":{\"x\":{\"value\":\"" + "z".repeat(300 * 1024) + "\"}}}";
        ResponseEntity<JsonNode> engine = api.as("hana").postRaw("/engine-rest/process-definition/key/approval/start", big);
        assertThat(engine.getStatusCode()).isEqualTo(HttpStatus.PAYLOAD_TOO_LARGE);
        assertThat(engine.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);

        String file = "no such column\n" + "x\n".repeat(200 * 1024);
        ResponseEntity<JsonNode> imported = api.as("admin").postRaw("/api/directory/imports", file, MediaType.parseMediaType("text/csv"));
        assertThat(imported.getStatusCode()).as("read, and refused for its columns").isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
    }

    @Test
    void aRefusedMessageKeepsAnExcerptAndTheSizeOfTheWhole() {
        String text = "z".repeat(100_000);
        assertThat(api.as("dave").post("/api/tickets", Map.of("subject", "Too long", "body", text)).getStatusCode())
                .isEqualTo(HttpStatus.BAD_REQUEST);

        JsonNode refused = api.as("hana").get("/api/intake/messages?status=REFUSED&limit=500").getBody();
        JsonNode mine = null;
        for (JsonNode message : refused) {
            if ("dave".equals(message.get("sender").asText()) && "Too long".equals(message.get("subject").asText())) {
                mine = message;
                break;
            }
        }
        assertThat(mine).as("the refusal is kept").isNotNull();
        assertThat(mine.get("body").asText()).hasSize(EXCERPT).isEqualTo(text.substring(0, EXCERPT));
        assertThat(mine.get("receivedSize").asLong()).isEqualTo(100_000);
        assertThat(mine.get("reason").asText()).isNotBlank();
    }

    @Test
    void eMailIsCleanedNotRefusedAndARefusedOneKeepsAnExcerptOfItselfAndItsSize() {
        String employee = experts.newEmployee();
        String from = employee + "@acme.example";
        byte[] spoofed = "Invoice \u202Efdp.exe".getBytes(StandardCharsets.UTF_8);
        String subject = "=?UTF-8?B?" + Base64.getEncoder().encodeToString(spoofed) + "?=";
        mail.send(from, "From: " + from, "To: help@acme.example", "Subject: " + subject, "Message-ID: <nul-" + employee
                + "@acme.example>", "MIME-Version: 1.0", "Content-Type: text/plain; charset=UTF-8",
                "Content-Transfer-Encoding: quoted-printable", "", "Nul=00 and escape=1B in my mail");
        mail.poll();
        JsonNode tickets = api.as(employee).get("/api/tickets").getBody();
        assertThat(tickets).hasSize(1);
        JsonNode ticket = api.as(employee).get("/api/tickets/" + tickets.get(0).get("id").asText()).getBody();
        assertThat(ticket.get("subject").asText()).isEqualTo("Invoice fdp.exe");
        assertThat(ticket.get("messages").get(0).get("body").asText()).isEqualTo("Nul and escape in my mail");

        // over gatehouse.mail.max-message-size (2MB in the tests): refused, and only an excerpt of it is kept
        String tooBig = Base64.getMimeEncoder().encodeToString(new byte[2200 * 1024]);
        mail.send(from, "From: " + from, "To: help@acme.example", "Subject: Everything", "", tooBig);
        mail.poll();
        var kept = jdbc.sql("select raw, body, received_size from inbound_message where status = 'REFUSED' "
                + "and channel = 'EMAIL' and received_size > 2000000").query((row, n) -> new String[] {row.getString(1),
                        row.getString(2), row.getString(3)}).list().stream()
                .filter(r -> new String(Base64.getDecoder().decode(r[0]), StandardCharsets.UTF_8).contains("From: " + from))
                .toList();
        assertThat(kept).singleElement().satisfies(r -> {
            assertThat(r[0].length()).isLessThanOrEqualTo(EXCERPT);
            assertThat(r[1]).isNull();
            assertThat(Long.parseLong(r[2])).isGreaterThan(2200L * 1024 * 4 / 3);
        });
    }

    @Test
    void controlCharactersAreRefusedNamingTheFieldAndNothingIsStored() {
        long before = inboundOf("dave");
        ResponseEntity<JsonNode> nul = api.as("dave").post("/api/tickets", Map.of("subject", "Payslip", "body", "a\u0000b"));
        assertProblem(nul, HttpStatus.BAD_REQUEST, "body");
        assertThat(nul.getBody().get("errors").get(0).get("message").asText()).contains("control characters");
        assertProblem(api.as("dave").post("/api/tickets", Map.of("subject", "Pay\u001Bslip", "body", "b")),
                HttpStatus.BAD_REQUEST, "subject");
        assertProblem(api.as("hana").put("/api/teams/hr", Map.of("name", "HR", "businessHours", "09:00-17:00",
                "timeZone", "Europe/Paris", "firstResponseTarget", "PT4H", "resolutionTarget", "PT16H",
                "members", List.of("hana", "x\u0007"))), HttpStatus.BAD_REQUEST, "members");
        assertThat(inboundOf("dave")).isEqualTo(before);

        ResponseEntity<JsonNode> fine = api.as("dave").post("/api/tickets",
                Map.of("subject", "Tabs and lines", "body", "Line one\r\n\tLine two\nLine three"));
        assertThat(fine.getStatusCode()).as("tab, CR and LF are text").isEqualTo(HttpStatus.CREATED);
    }

    @Test
    void bidirectionalOverridesLeaveOneLineFields() {
        var draft = fixtures.draft("Globex", LocalDate.now().plusMonths(2));
        Map<String, Object> body = AccessRequestFixtures.fields(draft);
        body.put("channelName", draft.channelName() + "\u202Egnp");
        body.put("partnerContactName", "\u2066Pat\u2069 \u202DPartner\u202C");
        body.put("purpose", "Multi-line text keeps its marks: \u202B\u05E9\u05DC\u05D5\u05DD\u202C");
        ResponseEntity<JsonNode> created = api.as("alice").post("/api/access-requests", body);

        assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(created.getBody().get("channelName").asText()).isEqualTo(draft.channelName() + "gnp");
        assertThat(created.getBody().get("partnerContactName").asText()).isEqualTo("Pat Partner");
        assertThat(created.getBody().get("purpose").asText()).contains("\u202B");

        ResponseEntity<JsonNode> ticket = api.as("dave").post("/api/tickets",
                Map.of("subject", "Invoice \u202Efdp.exe", "body", "See the subject"));
        assertThat(ticket.getBody().get("subject").asText()).isEqualTo("Invoice fdp.exe");
    }

    @Test
    void malformedPathsAndParametersAre400NamingTheParameter() throws IOException {
        assertProblem(api.as("hana").get("/api/tickets/abc"), HttpStatus.BAD_REQUEST, "id");
        assertProblem(api.as("hana").get("/api/tickets?status=NOPE"), HttpStatus.BAD_REQUEST, "status");
        assertProblem(api.as("aude").get("/api/access-requests?status=NOPE"), HttpStatus.BAD_REQUEST, "status");
        assertProblem(api.as("hana").get("/api/intake/messages?limit=many"), HttpStatus.BAD_REQUEST, "limit");

        for (String path : List.of("/api/tickets/%2e%2e%2fadmin", "/api/tickets/1%00", "/api/tickets/1;x=y",
                "/api/tickets/%25")) {
            String answer = send("GET " + path, "hana", "Content-Length: 0", new byte[0]);
            assertThat(answer).as(path).startsWith("HTTP/1.1 400").contains("application/problem+json")
                    .contains("\"field\":\"path\"");
        }
        assertThat(send("GET /api/tickets?status=%zz", "hana", "Content-Length: 0", new byte[0])).startsWith("HTTP/1.1 400")
                .contains("application/problem+json");
    }

    @Test
    void theLinkPagesSendAStrictContentSecurityPolicy() throws Exception {
        var request = fixtures.submit("alice", "Globex", LocalDate.now().plusMonths(1));
        driver.runJobs(fixtures.instance(request.id()).getId());
        ResponseEntity<String> page = api.getText("/invite/" + fixtures.token(request), MediaType.TEXT_HTML);

        assertThat(page.getStatusCode()).isEqualTo(HttpStatus.OK);
        String policy = page.getHeaders().getFirst("Content-Security-Policy");
        assertThat(policy).startsWith("default-src 'none'").contains("frame-ancestors 'none'").contains("form-action 'self'")
                .doesNotContain("unsafe-inline").doesNotContain("script-src");
        var style = Pattern.compile("<style>(.*?)</style>", Pattern.DOTALL).matcher(page.getBody());
        assertThat(style.find()).isTrue();
        String hash = Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256")
                .digest(style.group(1).getBytes(StandardCharsets.UTF_8)));
        assertThat(policy).as("the page's own style is allowed, by its hash").contains("'sha256-" + hash + "'");
        assertThat(page.getHeaders().getFirst("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(page.getHeaders().getFirst("Referrer-Policy")).isEqualTo("no-referrer");

        for (String link : List.of("/invite/made-up", "/approvals/made-up", "/expert-invitations/made-up")) {
            ResponseEntity<JsonNode> refused = api.get(link);
            assertThat(refused.getStatusCode()).as(link).isEqualTo(HttpStatus.NOT_FOUND);
            assertThat(refused.getHeaders().getFirst("Content-Security-Policy")).as(link)
                    .isEqualTo(policy.replaceAll("style-src [^;]+;", "style-src 'none';"));
            assertThat(refused.getHeaders().getFirst("X-Frame-Options")).as(link).isEqualTo("DENY");
        }
    }

    // --- helpers

    private long inboundOf(String sender) {
        return jdbc.sql("select count(*) from inbound_message where sender = ?").param(sender).query(Long.class).single();
    }

    private long longestRefusedBody() {
        return jdbc.sql("select coalesce(max(length(body)), 0) from inbound_message where status = 'REFUSED'")
                .query(Long.class).single();
    }

    private static String ticketJson(String text) {
        return "{\"subject\":\"Big\",\"body\":\"" + text + "\"}";
    }

    private static byte[] chunked(String json) {
        var out = new ByteArrayOutputStream();
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        for (int at = 0; at < bytes.length; at += 8192) {
            int n = Math.min(8192, bytes.length - at);
            out.writeBytes((Integer.toHexString(n) + "\r\n").getBytes(StandardCharsets.US_ASCII));
            out.write(bytes, at, n);
            out.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
        }
        out.writeBytes("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        return out.toByteArray();
    }

    /**
     * A request written byte for byte on a socket, as no HTTP client library would (an unencoded path, a body the
     * server stops reading): the body goes out on its own thread, which gives up quietly when the server closes.
     */
    private String send(String requestLine, String user, String lengthHeader, byte[] body) throws IOException {
        try (Socket socket = new Socket("localhost", port)) {
            socket.setSoTimeout(60_000);
            String credentials = Base64.getEncoder().encodeToString((user + ":" + user).getBytes(StandardCharsets.UTF_8));
            String head = requestLine + " HTTP/1.1\r\nHost: localhost\r\nAuthorization: Basic " + credentials
                    + "\r\nContent-Type: application/json\r\nAccept: application/json\r\n" + lengthHeader
                    + "\r\nConnection: close\r\n\r\n";
            OutputStream out = socket.getOutputStream();
            Thread writer = new Thread(() -> {
                try {
                    out.write(head.getBytes(StandardCharsets.US_ASCII));
                    out.write(body);
                    out.flush();
                } catch (IOException closedByTheServer) {
                    // the server answered without reading the rest, as it should
                }
            });
            writer.start();
            InputStream in = socket.getInputStream();
            var answer = new ByteArrayOutputStream();
            try {
                in.transferTo(answer);
            } catch (IOException reset) {
                // a reset after the answer arrived
            }
            return answer.toString(StandardCharsets.UTF_8);
        }
    }
}

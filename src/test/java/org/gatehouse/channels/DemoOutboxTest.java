package org.gatehouse.channels;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.gatehouse.ChildApplication;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The demo as {@code mvn spring-boot:run} starts it (H2, demo data, no mail server, its own job executor): nothing is
 * sent, every message waits in the outbox, which only {@code camunda-admin} reads, and the requester hands the
 * partner's link on.
 */
@Tag("child-jvm")
class DemoOutboxTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void theDemoKeepsEveryMessageInTheOutboxForTheAdmin() throws Exception {
        try (var gatehouse = ChildApplication.start(Path.of("target", "child-jvm", "demo-outbox"), Map.of())) {
            gatehouse.awaitHealthy(Duration.ofSeconds(120));
            // within the demo NDA with Globex (a year), so the request goes straight to the partner
            var created = gatehouse.send("POST", "/api/access-requests", "alice", """
                    {"workspace": "acme-main", "channelName": "outbox-demo", "partnerOrganisation": "Globex",
                     "partnerContactName": "Gina", "partnerContactEmail": "gina@globex.example",
                     "projectName": "Outbox demo", "endDate": "%s", "purpose": "Showing the outbox"}"""
                    .formatted(LocalDate.now().plusMonths(3)));
            assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
            String id = JSON.readTree(created.body()).get("id").asText();

            // the job executor sends the invitation step on its own
            JsonNode kept = await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
                    .until(() -> outbox(gatehouse, "gina@globex.example"), messages -> messages.size() == 1).get(0);
            assertThat(kept.get("status").asText()).isEqualTo("KEPT");
            assertThat(kept.get("kind").asText()).isEqualTo("APPROVAL_REQUEST");
            assertThat(kept.get("channel").asText()).isEqualTo("EMAIL");
            assertThat(kept.get("subject").asText()).isEqualTo("Acme invites Globex to share #outbox-demo");
            String text = kept.get("text").asText();
            String invite = text.substring(text.indexOf("/invite/")).lines().findFirst().orElseThrow().strip();
            assertThat(gatehouse.send("GET", invite, "alice", null).statusCode()).as("the kept link opens").isEqualTo(200);

            JsonNode request = JSON.readTree(gatehouse.send("GET", "/api/access-requests/" + id, "alice", null).body());
            assertThat(request.get("inviteUrl").asText()).as("nothing sends it: the requester hands it on").endsWith(invite);
            assertThat(outbox(gatehouse, "alice")).anySatisfy(m -> assertThat(m.get("text").asText()).contains(invite));

            for (String user : new String[] {"alice", "bob", "aude", "lena"}) {
                assertThat(gatehouse.send("GET", "/api/outbox", user, null).statusCode()).as(user).isEqualTo(403);
            }
        }
    }

    private static JsonNode outbox(ChildApplication gatehouse, String recipient) throws Exception {
        var answer = gatehouse.send("GET", "/api/outbox?recipient=" + recipient, "admin", null);
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        return JSON.readTree(answer.body());
    }
}

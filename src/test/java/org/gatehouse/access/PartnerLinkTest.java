package org.gatehouse.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

import org.gatehouse.FlakyChannelGateway;
import org.gatehouse.HttpTest;
import org.gatehouse.TestDatabase;
import org.gatehouse.channels.LocalChannelGateway;
import org.gatehouse.channels.OutboxMessages;
import org.gatehouse.channels.OutboxMessages.Sent;
import org.gatehouse.platform.SingleUseLinks;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The partner's link is the partner's credential: whoever holds it accepts "as the partner". The requester alone
 * sees it, to hand it on, and only while no channel delivers it; admins, Legal and auditors find it nowhere they can
 * read (the request, its timeline, the list, process variables and their history, Tasklist's tasks and forms, their
 * own messages).
 */
class PartnerLinkTest extends HttpTest {

    @Autowired FlakyChannelGateway gateway;
    @Autowired LocalChannelGateway platform;
    @Autowired OutboxMessages outbox;
    @Autowired JdbcClient jdbc;
    @Value("${gatehouse.links.secret}") String secret;

    @AfterEach
    void heal() {
        gateway.heal();
    }

    @Test
    void onlyThePartnersContactIsSentTheLinkAndNoRoleFindsTheToken() {
        AccessRequestView request = awaitingPartner();
        String instance = fixtures.instance(request.id()).getId();
        String token = fixtures.token(request);
        assertThat(api.get("/invite/" + token).getStatusCode()).as("the link works").isEqualTo(HttpStatus.OK);

        for (String viewer : List.of("alice", "bob", "lena", "aude")) {
            JsonNode view = api.as(viewer).get("/api/access-requests/" + request.id()).getBody();
            assertThat(view.get("status").asText()).as(viewer + " reads the request").isEqualTo("AWAITING_APPROVAL");
            // mail carries the link here: the requester has nothing to hand on (the demo's outbox shows the other case)
            assertThat(view.get("inviteUrl").isNull()).as(viewer + " gets no link").isTrue();
            assertThat(view.toString()).as(viewer + ": request and timeline").doesNotContain(token);
            assertThat(api.as(viewer).get("/api/access-requests?partner=Globex").getBody().toString()).doesNotContain(token);
            for (String path : List.of("/engine-rest/variable-instance?processInstanceIdIn=" + instance,
                    "/engine-rest/history/variable-instance?processInstanceId=" + instance,
                    "/engine-rest/history/detail?processInstanceId=" + instance,
                    "/engine-rest/task?processInstanceBusinessKey=" + request.id())) {
                ResponseEntity<JsonNode> read = api.as(viewer).get(path + "&maxResults=100");
                assertThat(read.getStatusCode()).as(viewer + ": " + path).isEqualTo(HttpStatus.OK);
                assertThat(read.getBody().toString()).as(viewer + ": " + path).doesNotContain(token);
            }
            assertThat(bodies(outbox.to(viewer))).as(viewer + "'s messages").noneMatch(b -> b.contains(token));
        }
        JsonNode task = api.as("bob").get("/engine-rest/task?maxResults=5&processInstanceBusinessKey=" + request.id())
                .getBody().get(0);
        assertThat(api.as("bob").get("/engine-rest/task/" + task.get("id").asText() + "/form-variables").getBody()
                .toString()).as("the host admin's Tasklist form").doesNotContain(token);
        assertThat(api.as("alice").get("/api/access-requests?requester=alice").getBody().toString())
                .as("the requester's list").doesNotContain(token);
        assertThat(bodies(outbox.to("alice"))).as("the requester is told what never to post")
                .anyMatch(b -> b.contains("Never post"));
    }

    @Test
    void theLinkIsKeyedWithThisInstallationsSecretAndTheOldDemoKeyOpensNothing() throws IOException {
        AccessRequestView request = awaitingPartner();
        String token = fixtures.token(request);
        String invitation = jdbc.sql("select id from invitation where request_id = ?").param(request.id())
                .query(String.class).single();
        if (!TestDatabase.postgres()) {
            assertThat(secret).as("the secret generated for the test installation")
                    .isEqualTo(Files.readString(Path.of("target/test-secrets/link-secret")));
        }
        assertThat(SingleUseLinks.token(secret, "invitation", invitation)).isEqualTo(token);

        String demoKey = "demo-only-invitation-secret-change-me-0123456789";
        assertThat(api.get("/invite/" + SingleUseLinks.token(demoKey, "invitation", invitation)).getStatusCode())
                .as("a link computed with the key the repository used to ship").isEqualTo(HttpStatus.NOT_FOUND);
    }

    /** A request to Globex (NDA on file) after the host admin's approval task and the partner's link are out. */
    /** The page's form answers with the words of the page its process deployed, under the page's own policy. */
    @Test
    void theFormAnswersWithThePagesOwnWords() {
        AccessRequestView request = awaitingPartner();
        String token = fixtures.token(request);
        String policy = api.getText("/invite/" + token, MediaType.TEXT_HTML).getHeaders()
                .getFirst("Content-Security-Policy");

        ResponseEntity<String> answered = api.postForm("/invite/" + token + "/decline", "reason=No+budget+this+year");

        assertThat(answered.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(answered.getBody()).contains("Your answer is recorded: the invitation is declined.")
                .doesNotContain("Thank you").doesNotContain("<form");
        assertThat(answered.getHeaders().getFirst("Content-Security-Policy")).isEqualTo(policy).contains("'sha256-");
        assertThat(api.postForm("/invite/" + token + "/decline", "reason=Again").getStatusCode())
                .as("the link is spent").isNotEqualTo(HttpStatus.OK);
    }

    private AccessRequestView awaitingPartner() {
        AccessRequestView request = fixtures.submit("alice", "Globex", LocalDate.now().plusMonths(1));
        driver.runJobs(fixtures.instance(request.id()).getId());
        return request;
    }

    private static List<String> bodies(List<Sent> deliveries) {
        return deliveries.stream().map(Sent::body).toList();
    }
}

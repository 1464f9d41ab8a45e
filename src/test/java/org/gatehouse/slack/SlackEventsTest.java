package org.gatehouse.slack;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;

import org.gatehouse.HttpTest;
import org.gatehouse.TestSlack;
import org.gatehouse.directory.Person;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * {@code POST /slack/events} as Slack calls it: Bolt answers Slack's URL check and refuses what Slack did not sign,
 * before anything is stored; an event Slack sends again changes nothing; a direct message to the app becomes a
 * ticket answered in its thread, and a mention from someone who is no employee waits for review.
 */
class SlackEventsTest extends HttpTest {

    @Autowired SlackFixtures slack;
    @Autowired JdbcClient jdbc;

    @BeforeEach
    void resetSlack() {
        TestSlack.reset();
    }

    @Test
    void slacksUrlCheckIsAnswered() {
        var answer = slack.post(SlackFixtures.json(Map.of("token", "unused", "challenge", "3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P",
                "type", "url_verification")));
        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(answer.getBody()).isEqualTo("3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P");
    }

    @Test
    void whatSlackDidNotSignIsRefusedAndNothingIsStored() {
        String eventId = SlackFixtures.newEventId();
        String ts = SlackFixtures.newTs();
        String body = SlackFixtures.envelope(eventId, SlackFixtures.directMessage(SlackFixtures.newUserId(), "D0UNSIGNED",
                ts, null, "Please reset my password"));
        long now = Instant.now().getEpochSecond();

        assertThat(slack.post(body, MediaType.APPLICATION_JSON, Map.of()).getStatusCode()).as("no signature")
                .isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(slack.post(body, MediaType.APPLICATION_JSON, Map.of("X-Slack-Request-Timestamp", Long.toString(now),
                "X-Slack-Signature", TestSlack.signature("another-secret", now, body))).getStatusCode())
                .as("signed with another secret").isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(slack.post(body, MediaType.APPLICATION_JSON, Map.of("X-Slack-Request-Timestamp", Long.toString(now),
                "X-Slack-Signature", TestSlack.signedHeaders(body.replace("reset", "leak"), now).get("X-Slack-Signature")))
                .getStatusCode()).as("the signature of another body").isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(slack.post(body, MediaType.APPLICATION_JSON, TestSlack.signedHeaders(body, now - 6 * 60)).getStatusCode())
                .as("rightly signed, six minutes ago: a replay").isEqualTo(HttpStatus.UNAUTHORIZED);

        assertThat(jdbc.sql("select count(*) from slack_event where id = ?").param(eventId).query(Long.class).single())
                .isZero();
        assertThat(jdbc.sql("select count(*) from inbound_message where message_id = ?")
                .param(new SlackMessageId("D0UNSIGNED", ts).id()).query(Long.class).single()).isZero();
    }

    @Test
    void anEventSlackSendsAgainIsTakenOnce() {
        String eventId = SlackFixtures.newEventId();
        String body = SlackFixtures.envelope(eventId, Map.of("type", "reaction_added", "user", SlackFixtures.newUserId(),
                "reaction", "eyes", "item", Map.of("type", "message", "channel", "C0GENERAL", "ts", SlackFixtures.newTs()),
                "event_ts", SlackFixtures.newTs()));

        assertThat(slack.post(body).getStatusCode()).as("an event nobody handles is answered all the same")
                .isEqualTo(HttpStatus.OK);
        var retry = new HashMap<>(TestSlack.signedHeaders(body));
        retry.put("X-Slack-Retry-Num", "1");
        retry.put("X-Slack-Retry-Reason", "http_timeout");
        assertThat(slack.post(body, MediaType.APPLICATION_JSON, retry).getStatusCode()).isEqualTo(HttpStatus.OK);

        assertThat(jdbc.sql("select event_type from slack_event where id = ?").param(eventId).query(String.class).list())
                .containsExactly("reaction_added");
    }

    /** What became of the Slack message: its status in the intake and its ticket, once handled. */
    private Map<String, Object> handled(String channel, String ts) {
        String messageId = new SlackMessageId(channel, ts).id();
        return await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100)).until(() -> jdbc
                .sql("select status, ticket_id from inbound_message where message_id = ?").param(messageId)
                .query((rs, row) -> {
                    Map<String, Object> outcome = new HashMap<>();
                    outcome.put("status", rs.getString("status"));
                    outcome.put("ticket", rs.getObject("ticket_id") == null ? null : rs.getLong("ticket_id"));
                    return outcome;
                }).optional().orElse(Map.of("status", "RECEIVED")), outcome -> !"RECEIVED".equals(outcome.get("status")));
    }

    @Test
    void aDirectMessageBecomesATicketThatIsAnsweredInItsThread() {
        Person requester = slack.newSlackEmployee();
        String words = "zq" + UUID.randomUUID().toString().substring(0, 8);
        String ts = SlackFixtures.newTs();
        TestSlack.answer("chat.postMessage", "\"channel\":\"D0THREAD1\",\"ts\":\"" + SlackFixtures.newTs() + "\"");

        assertThat(slack.post(SlackFixtures.envelope(SlackFixtures.newEventId(), SlackFixtures.directMessage(
                requester.slackUserId(), "D0THREAD1", ts, null, "My salary slip is wrong &amp; late " + words)))
                .getStatusCode()).isEqualTo(HttpStatus.OK);
        Map<String, Object> outcome = handled("D0THREAD1", ts);
        assertThat(outcome.get("status")).isEqualTo("TICKET");
        long ticket = (Long) outcome.get("ticket");
        JsonNode filed = api.as(requester.id()).get("/api/tickets/" + ticket).getBody();
        assertThat(filed.get("channel").asText()).isEqualTo("SLACK");
        assertThat(filed.get("messages").get(0).get("body").asText()).isEqualTo("My salary slip is wrong & late " + words);

        String pi = driver.instance(Long.toString(ticket)).getId();
        driver.runJobs(pi);
        TestSlack.server().verify(postRequestedFor(urlPathEqualTo("/api/chat.postMessage"))
                .withFormParam("channel", equalTo("D0THREAD1")).withFormParam("thread_ts", equalTo(ts))
                .withFormParam("text", containing("We received your request T-" + ticket)));

        api.as("hana").post("/api/tickets/" + ticket + "/claim", null);
        api.as("hana").post("/api/tickets/" + ticket + "/replies", Map.of("body", "We are checking " + words));
        driver.runJobs(pi);
        TestSlack.server().verify(postRequestedFor(urlPathEqualTo("/api/chat.postMessage"))
                .withFormParam("channel", equalTo("D0THREAD1")).withFormParam("thread_ts", equalTo(ts))
                .withFormParam("text", containing("We are checking " + words)));

        // the requester answers in the thread: the answer is the ticket's
        String answerTs = SlackFixtures.newTs();
        slack.post(SlackFixtures.envelope(SlackFixtures.newEventId(), SlackFixtures.directMessage(requester.slackUserId(),
                "D0THREAD1", answerTs, ts, "Thanks " + words)));
        assertThat(handled("D0THREAD1", answerTs)).containsEntry("status", "APPENDED").containsEntry("ticket", ticket);

        for (String history : List.of("variable-instance?includeDeleted=true&processInstanceId=", "detail?processInstanceId=")) {
            assertThat(api.as("admin").get("/engine-rest/history/" + history + pi + "&maxResults=2000").getBody().toString())
                    .as("what was written in Slack stays out of the engine's history").doesNotContain(words);
        }
    }

    @Test
    void anEventSlackSendsAgainOpensNoSecondTicket() {
        Person requester = slack.newSlackEmployee();
        String ts = SlackFixtures.newTs();
        String body = SlackFixtures.envelope(SlackFixtures.newEventId(), SlackFixtures.directMessage(requester.slackUserId(),
                "D0REPLAY1", ts, null, "Where is my laptop?"));
        assertThat(slack.post(body).getStatusCode()).isEqualTo(HttpStatus.OK);
        handled("D0REPLAY1", ts);
        var retry = new HashMap<>(TestSlack.signedHeaders(body));
        retry.put("X-Slack-Retry-Num", "1");
        assertThat(slack.post(body, MediaType.APPLICATION_JSON, retry).getStatusCode()).isEqualTo(HttpStatus.OK);

        assertThat(jdbc.sql("select count(*) from inbound_message where message_id = ?")
                .param(new SlackMessageId("D0REPLAY1", ts).id()).query(Long.class).single()).isEqualTo(1);
        assertThat(api.as(requester.id()).get("/api/tickets").getBody()).hasSize(1);
    }

    @Test
    void aMentionByAnOutsideMemberOfASharedChannelWaitsForReview() {
        String ts = SlackFixtures.newTs();
        assertThat(slack.post(SlackFixtures.envelope(SlackFixtures.newEventId(), SlackFixtures.mention(
                SlackFixtures.newUserId(), "C0SHARED9", ts, "Can you send us the contract?"))).getStatusCode())
                .isEqualTo(HttpStatus.OK);

        assertThat(handled("C0SHARED9", ts)).containsEntry("status", "REVIEW");
        assertThat(jdbc.sql("select body from inbound_message where message_id = ?")
                .param(new SlackMessageId("C0SHARED9", ts).id()).query(String.class).single())
                .as("the app's mention is not part of the request").isEqualTo("Can you send us the contract?");
    }

    @Test
    void aFormBodyReachesBoltUnreadByAnyFilter() {
        String command = "token=unused&team_id=" + TestSlack.TEAM + "&channel_id=C0GENERAL&user_id="
                + SlackFixtures.newUserId() + "&command=%2Funknown&text=hello&response_url=https%3A%2F%2Fhooks.slack.com"
                + "%2Fcommands%2F1&trigger_id=13345224609.738474920.8088930838d88f008e0";
        assertThat(slack.postForm(command).getStatusCode()).as("the signature holds over the body as sent")
                .isNotEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(slack.post(command, MediaType.APPLICATION_FORM_URLENCODED, TestSlack.signedHeaders(command + "&x=1"))
                .getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    }

    @Test
    void aMessageThatCannotBeHandledIsAnsweredAllTheSameAndKeptWithItsReason() {
        Person requester = slack.newSlackEmployee();
        String ts = SlackFixtures.newTs();
        assertThat(slack.post(SlackFixtures.envelope(SlackFixtures.newEventId(), SlackFixtures.directMessage(
                requester.slackUserId(), "D0TOOLONG", ts, null, "x".repeat(20_001)))).getStatusCode())
                .isEqualTo(HttpStatus.OK);

        assertThat(handled("D0TOOLONG", ts)).containsEntry("status", "REFUSED");
        assertThat(api.as(requester.id()).get("/api/tickets").getBody()).isEmpty();
    }

    @Test
    void anOversizedBodyIsRefusedBeforeAnythingReadsIt() {
        String eventId = SlackFixtures.newEventId();
        String body = SlackFixtures.envelope(eventId, SlackFixtures.directMessage(SlackFixtures.newUserId(), "D0HUGE",
                SlackFixtures.newTs(), null, "x".repeat(300 * 1024)));

        assertThat(slack.post(body).getStatusCode()).isEqualTo(HttpStatus.PAYLOAD_TOO_LARGE);
        assertThat(jdbc.sql("select count(*) from slack_event where id = ?").param(eventId).query(Long.class).single())
                .isZero();
    }
}

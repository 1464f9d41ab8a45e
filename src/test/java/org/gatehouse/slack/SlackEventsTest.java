package org.gatehouse.slack;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Map;

import org.gatehouse.HttpTest;
import org.gatehouse.TestSlack;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * {@code POST /slack/events} as Slack calls it: Bolt answers Slack's URL check and refuses what Slack did not sign,
 * before anything is stored; an event Slack sends again changes nothing.
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
        var retry = new java.util.HashMap<>(TestSlack.signedHeaders(body));
        retry.put("X-Slack-Retry-Num", "1");
        retry.put("X-Slack-Retry-Reason", "http_timeout");
        assertThat(slack.post(body, MediaType.APPLICATION_JSON, retry).getStatusCode()).isEqualTo(HttpStatus.OK);

        assertThat(jdbc.sql("select event_type from slack_event where id = ?").param(eventId).query(String.class).list())
                .containsExactly("reaction_added");
    }
}

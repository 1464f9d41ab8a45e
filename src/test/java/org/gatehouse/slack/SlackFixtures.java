package org.gatehouse.slack;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.gatehouse.TestSlack;
import org.gatehouse.directory.Person;
import org.gatehouse.directory.PersonService;
import org.gatehouse.experts.ExpertFixtures;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

/**
 * Slack's side of the tests: people with a Slack account, and requests to {@code /slack/events} as Slack sends them
 * (Events API envelopes, signed with the app's signing secret unless a test says otherwise).
 */
@Component
public class SlackFixtures {

    public static final String EVENTS = "/slack/events";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final AtomicInteger COUNTER = new AtomicInteger();

    @Autowired TestRestTemplate rest;
    @Autowired PersonService people;
    @Autowired ExpertFixtures experts;

    /** An active employee (as {@link ExpertFixtures#newEmployee}) known on Slack as the returned user id. */
    public Person newSlackEmployee() {
        Person person = people.get(experts.newEmployee());
        Person onSlack = new Person(person.id(), person.employeeId(), person.firstName(), person.lastName(),
                person.email(), person.position(), person.department(), person.supervisorId(), person.office(),
                person.timeZone(), person.status(), person.kind(), person.organisationId(), newUserId(), null);
        people.save(onSlack);
        return onSlack;
    }

    /** A Slack employee the demo's sharing policy lets share channels (a member of {@code external-sharers}). */
    public Person newSlackSharer() {
        Person person = newSlackEmployee();
        people.grantRole(person.id(), "external-sharers", "admin");
        return person;
    }

    public static String newUserId() {
        return "U0" + String.format("%07d", COUNTER.incrementAndGet());
    }

    public static String newEventId() {
        return "Ev" + UUID.randomUUID().toString().replace("-", "").substring(0, 12).toUpperCase();
    }

    /** A message ts, unique in the run, as Slack writes them. */
    public static String newTs() {
        return Instant.now().getEpochSecond() + "." + String.format("%06d", COUNTER.incrementAndGet());
    }

    /** An Events API envelope around {@code event}, as Slack delivers it to the app's workspace. */
    public static String envelope(String eventId, Map<String, Object> event) {
        Map<String, Object> envelope = new LinkedHashMap<>();
        envelope.put("token", "verification-token-unused");
        envelope.put("team_id", TestSlack.TEAM);
        envelope.put("api_app_id", "A0GATEHOUSE");
        envelope.put("event", event);
        envelope.put("type", "event_callback");
        envelope.put("event_id", eventId);
        envelope.put("event_time", Instant.now().getEpochSecond());
        envelope.put("authorizations", List.of(Map.of("team_id", TestSlack.TEAM, "user_id", TestSlack.BOT_USER,
                "is_bot", true, "is_enterprise_install", false)));
        return json(envelope);
    }

    /** {@code message.im}: {@code user} writes to the app; {@code threadTs} null for a new conversation. */
    public static Map<String, Object> directMessage(String user, String channel, String ts, String threadTs, String text) {
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("type", "message");
        event.put("channel", channel);
        event.put("user", user);
        event.put("text", text);
        event.put("ts", ts);
        if (threadTs != null) {
            event.put("thread_ts", threadTs);
        }
        event.put("event_ts", ts);
        event.put("channel_type", "im");
        return event;
    }

    /** {@code app_mention}: {@code user} mentions the app in a channel. */
    public static Map<String, Object> mention(String user, String channel, String ts, String text) {
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("type", "app_mention");
        event.put("user", user);
        event.put("text", "<@" + TestSlack.BOT_USER + "> " + text);
        event.put("ts", ts);
        event.put("channel", channel);
        event.put("event_ts", ts);
        return event;
    }

    /** A trigger id as Slack gives one to an interaction, to open a modal within three seconds. */
    public static String newTriggerId() {
        return COUNTER.incrementAndGet() + ".738474920." + UUID.randomUUID().toString().replace("-", "");
    }

    /** The slash command {@code command} typed by {@code user}, form-encoded as Slack posts it. */
    public static String slashCommand(String user, String command, String text, String triggerId) {
        return form(Map.of("token", "verification-token-unused", "team_id", TestSlack.TEAM, "team_domain", "acme",
                "channel_id", "C0GENERAL", "user_id", user,
                "command", command, "text", text, "api_app_id", "A0GATEHOUSE", "response_url",
                "https://hooks.slack.com/commands/T0ACME0001/1/abc", "trigger_id", triggerId));
    }

    /** An interaction (a shortcut, a button, a modal's submission): {@code payload=} its JSON, as Slack posts it. */
    public static String interaction(Map<String, Object> payload) {
        return form(Map.of("payload", json(payload)));
    }

    /** The common fields of an interaction by {@code user}. */
    public static Map<String, Object> interactionBy(String type, String user, String triggerId) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("type", type);
        payload.put("token", "verification-token-unused");
        payload.put("team", Map.of("id", TestSlack.TEAM, "domain", "acme"));
        payload.put("user", Map.of("id", user, "username", "someone", "name", "someone", "team_id", TestSlack.TEAM));
        payload.put("api_app_id", "A0GATEHOUSE");
        payload.put("trigger_id", triggerId);
        return payload;
    }

    private static String form(Map<String, String> fields) {
        StringBuilder body = new StringBuilder();
        fields.forEach((name, value) -> body.append(body.isEmpty() ? "" : "&").append(name).append('=')
                .append(URLEncoder.encode(value, StandardCharsets.UTF_8)));
        return body.toString();
    }

    public static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }

    /** Posts {@code body} (JSON) as Slack does, signed now. */
    public ResponseEntity<String> post(String body) {
        return post(body, MediaType.APPLICATION_JSON, TestSlack.signedHeaders(body));
    }

    /** Posts a form-encoded body (a slash command, an interaction) as Slack does, signed now. */
    public ResponseEntity<String> postForm(String body) {
        return post(body, MediaType.APPLICATION_FORM_URLENCODED, TestSlack.signedHeaders(body));
    }

    public ResponseEntity<String> post(String body, MediaType type, Map<String, String> headers) {
        HttpHeaders http = new HttpHeaders();
        http.setContentType(type);
        headers.forEach(http::set);
        return rest.exchange(EVENTS, HttpMethod.POST, new HttpEntity<>(body, http), String.class);
    }
}

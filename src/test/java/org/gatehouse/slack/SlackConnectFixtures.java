package org.gatehouse.slack;

import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.gatehouse.TestSlack;
import org.gatehouse.channels.ChannelGateway;
import org.gatehouse.directory.OrganisationService;
import org.gatehouse.directory.PersonService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * Slack Connect as the tests' Slack plays it: the Slack gateway against WireMock (with or without Enterprise Grid),
 * Slack's documented answers to the methods Gatehouse calls, the events Slack sends about an invitation (posted
 * signed to {@code /slack/events}), and what Gatehouse asked of Slack's Web API.
 */
@Component
public class SlackConnectFixtures {

    /** The partner's Slack team, which accepts the invitations. */
    public static final String PARTNER_TEAM = "T0PARTNER01";

    private static final AtomicInteger COUNTER = new AtomicInteger();

    @Autowired SlackWebApi web;
    @Autowired SlackChannels channels;
    @Autowired SlackInviteRequests inviteRequests;
    @Autowired SlackProperties settings;
    @Autowired OrganisationService organisations;
    @Autowired PersonService people;
    @Autowired SlackFixtures slack;

    /** The Slack gateway against the tests' Slack; {@code enterpriseGrid} as {@code gatehouse.slack.enterprise-grid}. */
    public ChannelGateway gateway(boolean enterpriseGrid) {
        SlackProperties on = new SlackProperties(settings.apiUrl(), settings.botToken(), settings.adminToken(),
                settings.signingSecret(), enterpriseGrid);
        return new SlackChannelGateway(web, channels, organisations, people,
                new SlackConnect(web, channels, inviteRequests, on));
    }

    /** The Slack channel and invitation one test's request gets: Slack's ids, new for each. */
    public record Invitation(String channelId, String inviteId) {
    }

    /**
     * Forgets what the tests' Slack was asked before, and answers every method of a request's way through Slack
     * Connect as Slack documents it: a new channel created, the invitation sent, approved and declined, the note
     * posted and pinned, the topic set, the channel archived and disconnected.
     */
    public Invitation answerSlackConnect() {
        TestSlack.reset();
        int n = COUNTER.incrementAndGet();
        Invitation invitation = new Invitation(String.format("C0CONNECT%03d", n), String.format("I0INVITE%03d", n));
        TestSlack.answer("conversations.create", "\"channel\":{\"id\":\"" + invitation.channelId() + "\",\"name\":\"new\","
                + "\"is_channel\":true,\"is_private\":false,\"is_member\":true,\"created\":" + Instant.now().getEpochSecond()
                + ",\"creator\":\"" + TestSlack.BOT_USER + "\"}");
        TestSlack.answer("conversations.inviteShared", "\"invite_id\":\"" + invitation.inviteId()
                + "\",\"is_legacy_shared_channel\":false");
        TestSlack.answer("conversations.approveSharedInvite", "");
        TestSlack.answer("conversations.declineSharedInvite", "");
        TestSlack.answer("chat.postMessage", "\"channel\":\"" + invitation.channelId() + "\",\"ts\":\""
                + SlackFixtures.newTs() + "\"");
        TestSlack.answer("pins.add", "");
        TestSlack.answer("conversations.setTopic", "\"channel\":{\"id\":\"" + invitation.channelId() + "\"}");
        TestSlack.answer("conversations.archive", "");
        TestSlack.answer("admin.conversations.disconnectShared", "");
        return invitation;
    }

    /** {@code shared_channel_invite_accepted}: the partner's {@code email} accepted, with or without Slack's approval. */
    public void accepted(Invitation invitation, String channelName, String email, boolean approvalRequired) {
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("type", "shared_channel_invite_accepted");
        event.put("approval_required", approvalRequired);
        event.put("invite", invite(invitation, email));
        event.put("channel", channel(invitation, channelName));
        event.put("teams_in_channel", List.of(team(TestSlack.TEAM, "Acme"), team(PARTNER_TEAM, "Partner")));
        event.put("accepting_user", Map.of("id", "U0PARTNER01", "team_id", PARTNER_TEAM, "name", "partner-admin",
                "updated", 1608081902, "profile", Map.of("real_name", "Pat Partner-Admin", "display_name", "Pat",
                        "team", PARTNER_TEAM, "email", email)));
        event.put("event_ts", SlackFixtures.newTs());
        send(event);
    }

    /** {@code shared_channel_invite_declined}: the partner declined. */
    public void declined(Invitation invitation, String channelName, String email) {
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("type", "shared_channel_invite_declined");
        event.put("invite", invite(invitation, email));
        event.put("channel", channel(invitation, channelName));
        event.put("declining_team_id", PARTNER_TEAM);
        event.put("teams_in_channel", List.of(team(TestSlack.TEAM, "Acme")));
        event.put("declining_user", Map.of("id", "U0PARTNER01", "team_id", PARTNER_TEAM, "name", "partner-admin"));
        event.put("event_ts", SlackFixtures.newTs());
        send(event);
    }

    /** {@code shared_channel_invite_approved} by {@code approvingTeam}. */
    public void approved(Invitation invitation, String channelName, String email, String approvingTeam) {
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("type", "shared_channel_invite_approved");
        event.put("invite", invite(invitation, email));
        event.put("channel", channel(invitation, channelName));
        event.put("approving_team_id", approvingTeam);
        event.put("teams_in_channel", List.of(team(TestSlack.TEAM, "Acme"), team(PARTNER_TEAM, "Partner")));
        event.put("approving_user", Map.of("id", "U0HOSTADMIN", "team_id", approvingTeam, "name", "host-admin"));
        event.put("event_ts", SlackFixtures.newTs());
        send(event);
    }

    /** {@code channel_shared}: the channel is shared with {@code team}. */
    public void channelShared(Invitation invitation, String team) {
        send(Map.of("type", "channel_shared", "connected_team_id", team, "channel", invitation.channelId(),
                "event_ts", SlackFixtures.newTs()));
    }

    /** {@code channel_unshared}: the channel is no longer shared with {@code team}. */
    public void channelUnshared(Invitation invitation, String team) {
        send(Map.of("type", "channel_unshared", "previously_connected_team_id", team, "channel",
                invitation.channelId(), "is_ext_shared", false, "event_ts", SlackFixtures.newTs()));
    }

    /** The calls of {@code method} Slack received, oldest first, each as its form parameters. */
    public List<Map<String, String>> calls(String method) {
        return TestSlack.server().findAll(postRequestedFor(urlPathEqualTo("/api/" + method))).stream()
                .map(request -> form(request.getBodyAsString())).toList();
    }

    /** The token the calls of {@code method} came with. */
    public List<String> tokens(String method) {
        return TestSlack.server().findAll(postRequestedFor(urlPathEqualTo("/api/" + method))).stream()
                .map(request -> request.getHeader("Authorization")).toList();
    }

    private void send(Map<String, Object> event) {
        assertThat(slack.post(SlackFixtures.envelope(SlackFixtures.newEventId(), event)).getStatusCode())
                .as("Slack's %s is answered 200", event.get("type")).isEqualTo(HttpStatus.OK);
    }

    private static Map<String, Object> invite(Invitation invitation, String email) {
        return Map.of("id", invitation.inviteId(), "date_created", 1626876000, "date_invalid", 1628085600,
                "inviting_team", team(TestSlack.TEAM, "Acme"), "inviting_user", Map.of("id", "U0GATEHOUSE",
                        "team_id", TestSlack.TEAM, "name", "gatehouse"), "recipient_email", email);
    }

    private static Map<String, Object> channel(Invitation invitation, String name) {
        return Map.of("id", invitation.channelId(), "is_private", false, "is_im", false, "name", name);
    }

    private static Map<String, Object> team(String id, String name) {
        return Map.of("id", id, "name", name, "is_verified", false, "domain", name.toLowerCase(),
                "date_created", 1480946400, "requires_sponsorship", false);
    }

    private static Map<String, String> form(String body) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (String pair : body.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                fields.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return fields;
    }
}

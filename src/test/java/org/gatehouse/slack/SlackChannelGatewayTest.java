package org.gatehouse.slack;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import com.slack.api.Slack;

import org.gatehouse.GatehouseTest;
import org.gatehouse.TestSlack;
import org.gatehouse.channels.Channel;
import org.gatehouse.directory.OrganisationService;
import org.gatehouse.directory.Person;
import org.gatehouse.directory.PersonService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The Slack gateway against the tests' Slack, built here as the slack gateway's set-up builds it (the shared context
 * runs the local one): each of the gateway's calls is the Web API method Slack documents, answered as Slack answers,
 * and each is safe to repeat.
 */
@GatehouseTest
class SlackChannelGatewayTest {

    private static final AtomicInteger COUNTER = new AtomicInteger();

    @Autowired Slack slackClient;
    @Autowired SlackWebApi web;
    @Autowired SlackChannels slackChannels;
    @Autowired SlackInviteRequests inviteRequests;
    @Autowired OrganisationService organisations;
    @Autowired PersonService people;
    @Autowired SlackFixtures slack;
    @Autowired SlackConnectFixtures connect;

    private SlackChannelGateway gateway;

    @BeforeEach
    void slackGateway() {
        TestSlack.reset();
        gateway = (SlackChannelGateway) connect.gateway(true);
    }

    private static Channel channel(String partnerId) {
        return new Channel(UUID.randomUUID().toString(), "acme-main", "project-slack-" + COUNTER.incrementAndGet(),
                partnerId, partnerId == null ? null : "their-side", null, null, null);
    }

    /** {@code conversations.create}'s answer, as Slack documents it. */
    private static String created(String id, String name) {
        return "\"channel\":{\"id\":\"" + id + "\",\"name\":\"" + name + "\",\"is_channel\":true,\"is_group\":false,"
                + "\"is_im\":false,\"created\":1700000000,\"creator\":\"" + TestSlack.BOT_USER + "\",\"is_archived\":false,"
                + "\"is_general\":false,\"name_normalized\":\"" + name + "\",\"is_shared\":false,\"is_ext_shared\":false,"
                + "\"is_org_shared\":false,\"is_private\":false,\"is_member\":true,"
                + "\"topic\":{\"value\":\"\",\"creator\":\"\",\"last_set\":0},"
                + "\"purpose\":{\"value\":\"\",\"creator\":\"\",\"last_set\":0}}";
    }

    /** One entry of {@code conversations.list}. */
    private static String listed(String id, String name, boolean member) {
        return "{\"id\":\"" + id + "\",\"name\":\"" + name + "\",\"is_channel\":true,\"is_private\":false,"
                + "\"is_archived\":false,\"is_member\":" + member + ",\"num_members\":4}";
    }

    private Channel created(Channel channel, String slackId) {
        TestSlack.answer("conversations.create", created(slackId, channel.name()));
        gateway.createChannel(channel);
        return channel;
    }

    @Test
    void aNewChannelIsCreatedOnceInSlack() {
        Channel channel = channel(null);
        created(channel, "C0NEW0001");
        gateway.createChannel(channel);

        TestSlack.server().verify(1, postRequestedFor(urlPathEqualTo("/api/conversations.create"))
                .withHeader("Authorization", equalTo("Bearer " + TestSlack.BOT_TOKEN))
                .withFormParam("name", equalTo(channel.name())));
        assertThat(slackChannels.find(channel.id()).orElseThrow().slackChannelId()).isEqualTo("C0NEW0001");
    }

    @Test
    void aTakenNameIsFoundPageByPageAndTheBotJoinsIt() {
        Channel channel = channel(null);
        TestSlack.refuse("conversations.create", "name_taken");
        TestSlack.server().stubFor(post(urlPathEqualTo("/api/conversations.list")).withFormParam("cursor", absent())
                .willReturn(okJson("{\"ok\":true,\"channels\":[" + listed("C0OTHER01", "general", true)
                        + "],\"response_metadata\":{\"next_cursor\":\"dGVhbTpDMDYxRkE1UEI=\"}}")));
        TestSlack.server().stubFor(post(urlPathEqualTo("/api/conversations.list"))
                .withFormParam("cursor", equalTo("dGVhbTpDMDYxRkE1UEI="))
                .willReturn(okJson("{\"ok\":true,\"channels\":[" + listed("C0FOUND01", channel.name(), false)
                        + "],\"response_metadata\":{\"next_cursor\":\"\"}}")));
        TestSlack.answer("conversations.join", created("C0FOUND01", channel.name()));

        gateway.createChannel(channel);

        TestSlack.server().verify(2, postRequestedFor(urlPathEqualTo("/api/conversations.list"))
                .withFormParam("exclude_archived", equalTo("1")));
        TestSlack.server().verify(postRequestedFor(urlPathEqualTo("/api/conversations.join"))
                .withFormParam("channel", equalTo("C0FOUND01")));
        assertThat(slackChannels.find(channel.id()).orElseThrow().slackChannelId()).isEqualTo("C0FOUND01");
    }

    @Test
    void aPrivateChannelTheBotIsNotInMustBeInvitedFirst() {
        Channel channel = channel(null);
        TestSlack.refuse("conversations.create", "name_taken");
        TestSlack.answer("conversations.list", "\"channels\":[" + listed("C0OTHER01", "general", true)
                + "],\"response_metadata\":{\"next_cursor\":\"\"}");

        assertThatThrownBy(() -> gateway.createChannel(channel)).hasMessageContaining("#" + channel.name())
                .hasMessageContaining("private channel").hasMessageContaining("/invite @Gatehouse");
        assertThat(slackChannels.find(channel.id())).isEmpty();
    }

    @Test
    void theHouseRulesArePostedOncePinnedAndTheTopicNamesThePartner() {
        Channel channel = created(channel("globex"), "C0SHARED1");
        TestSlack.answer("chat.postMessage", "\"channel\":\"C0SHARED1\",\"ts\":\"1700000000.000200\","
                + "\"message\":{\"type\":\"message\",\"user\":\"" + TestSlack.BOT_USER + "\",\"text\":\"House rules\","
                + "\"ts\":\"1700000000.000200\"}");
        TestSlack.answer("pins.add", "");
        TestSlack.answer("conversations.setTopic", "");

        gateway.pin(channel, "House rules: answers within 4 working hours");
        TestSlack.refuse("pins.add", "already_pinned");
        gateway.pin(channel, "House rules: answers within 4 working hours");

        TestSlack.server().verify(1, postRequestedFor(urlPathEqualTo("/api/chat.postMessage"))
                .withFormParam("channel", equalTo("C0SHARED1"))
                .withFormParam("text", equalTo("House rules: answers within 4 working hours")));
        TestSlack.server().verify(2, postRequestedFor(urlPathEqualTo("/api/pins.add"))
                .withFormParam("channel", equalTo("C0SHARED1")).withFormParam("timestamp", equalTo("1700000000.000200")));
        TestSlack.server().verify(postRequestedFor(urlPathEqualTo("/api/conversations.setTopic"))
                .withFormParam("channel", equalTo("C0SHARED1"))
                .withFormParam("topic", equalTo("Shared with Globex: everyone there reads what is posted here")));
    }

    @Test
    void theInvitationGoesOnceToThePartnersContact() {
        Channel channel = created(channel("globex"), "C0INVITE1");
        TestSlack.answer("conversations.inviteShared", "\"invite_id\":\"I0INVITE1\",\"is_legacy_shared_channel\":false");

        assertThat(gateway.invite(channel, "contact@globex.example")).isEqualTo("I0INVITE1");
        assertThat(gateway.invite(channel, "contact@globex.example")).as("a retry sends nothing again").isEqualTo("I0INVITE1");

        TestSlack.server().verify(1, postRequestedFor(urlPathEqualTo("/api/conversations.inviteShared"))
                .withFormParam("channel", equalTo("C0INVITE1")).withFormParam("emails", equalTo("contact@globex.example")));
    }

    /** A10 with direct messages disabled: each Slack team of the partner that accepted a channel is disconnected. */
    @Test
    void endingTheConnectionDisconnectsThePartnersTeams() {
        Channel channel = created(channel("umbrella"), "C0ENDING1");
        slackChannels.accepted(channel.id(), "T0UMBRELLA");
        TestSlack.answer("admin.conversations.disconnectShared", "");
        gateway.disconnect(channel);
        TestSlack.answer("team.externalTeams.disconnect", "");

        gateway.endConnection(organisations.get("umbrella"));
        TestSlack.refuse("team.externalTeams.disconnect", "team_not_found");
        gateway.endConnection(organisations.get("umbrella"));

        TestSlack.server().verify(2, postRequestedFor(urlPathEqualTo("/api/team.externalTeams.disconnect"))
                .withFormParam("target_team", equalTo("T0UMBRELLA")));
    }

    @Test
    void disconnectingTakesEnterpriseGridAndTheOrgAdminsToken() {
        Channel channel = created(channel("globex"), "C0GRID001");
        TestSlack.refuse("admin.conversations.disconnectShared", "not_an_enterprise");
        assertThatThrownBy(() -> gateway.disconnect(channel)).isInstanceOf(SlackRefusedException.class)
                .hasMessageContaining("admin.conversations.disconnectShared").hasMessageContaining("Enterprise Grid")
                .hasMessageContaining("a workspace admin does this in Slack itself");
        TestSlack.server().verify(postRequestedFor(urlPathEqualTo("/api/admin.conversations.disconnectShared"))
                .withHeader("Authorization", equalTo("Bearer " + TestSlack.ADMIN_TOKEN))
                .withFormParam("channel_id", equalTo("C0GRID001")));

        TestSlack.answer("admin.conversations.disconnectShared", "");
        gateway.disconnect(channel);
        TestSlack.refuse("admin.conversations.disconnectShared", "no_teams_to_disconnect");
        gateway.disconnect(channel);

        var settings = new SlackProperties(TestSlack.server().baseUrl() + "/api/", TestSlack.BOT_TOKEN, null,
                TestSlack.SIGNING_SECRET, true);
        var noAdminToken = new SlackWebApi(slackClient, settings);
        assertThatThrownBy(() -> new SlackChannelGateway(noAdminToken, slackChannels, organisations, people,
                new SlackConnect(noAdminToken, slackChannels, inviteRequests, settings)).disconnect(channel))
                .hasMessageContaining("gatehouse.slack.admin-token");
    }

    @Test
    void archivingAndRenamingAreSlacksAndAnArchivedChannelStaysArchived() {
        Channel channel = created(channel(null), "C0ARCHIVE");
        TestSlack.answer("conversations.rename", created("C0ARCHIVE", "renamed"));
        gateway.rename(channel, "renamed");
        TestSlack.refuse("conversations.archive", "already_archived");
        gateway.archive(channel);

        TestSlack.server().verify(postRequestedFor(urlPathEqualTo("/api/conversations.rename"))
                .withFormParam("channel", equalTo("C0ARCHIVE")).withFormParam("name", equalTo("renamed")));
        TestSlack.server().verify(postRequestedFor(urlPathEqualTo("/api/conversations.archive"))
                .withFormParam("channel", equalTo("C0ARCHIVE")));
    }

    @Test
    void aDirectMessageGoesToThePersonsSlackAccount() {
        Person person = slack.newSlackEmployee();
        TestSlack.answer("conversations.open", "\"channel\":{\"id\":\"D0DIRECT1\"}");
        TestSlack.answer("chat.postMessage", "\"channel\":\"D0DIRECT1\",\"ts\":\"1700000000.000300\"");

        assertThat(gateway.reaches(person)).isTrue();
        gateway.sendMessage(person.id(), "Your request was approved");

        TestSlack.server().verify(postRequestedFor(urlPathEqualTo("/api/conversations.open"))
                .withFormParam("users", equalTo(person.slackUserId())));
        TestSlack.server().verify(postRequestedFor(urlPathEqualTo("/api/chat.postMessage"))
                .withFormParam("channel", equalTo("D0DIRECT1")).withFormParam("text", equalTo("Your request was approved")));
        assertThat(gateway.reaches(people.get("alice"))).as("no Slack account").isFalse();
    }
}

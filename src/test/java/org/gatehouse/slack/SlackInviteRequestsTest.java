package org.gatehouse.slack;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.gatehouse.FlakyChannelGateway;
import org.gatehouse.HttpTest;
import org.gatehouse.TestSlack;
import org.gatehouse.access.AccessRequestDraft;
import org.gatehouse.access.AccessRequestFixtures;
import org.gatehouse.access.AccessRequestService;
import org.gatehouse.access.AccessRequestStatus;
import org.gatehouse.access.AccessRequestView;
import org.gatehouse.directory.Person;
import org.gatehouse.slack.SlackConnectFixtures.Invitation;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Slack's own invitation requests: a member invites an outsider from Slack's menu; Gatehouse sends them the button
 * that opens the request's modal prefilled; the request they complete goes through the NDA check and the approvals,
 * and Slack hears the outcome: approved once, or denied with the reason.
 */
class SlackInviteRequestsTest extends HttpTest {

    @Autowired SlackFixtures slack;
    @Autowired SlackConnectFixtures slackConnect;
    @Autowired FlakyChannelGateway gateway;
    @Autowired AccessRequestService requests;
    @Autowired JdbcClient jdbc;

    @BeforeEach
    void resetSlack() {
        TestSlack.reset();
        answerTheMember();
    }

    @AfterEach
    void localPlatformAgain() {
        gateway.useLocal();
    }

    private static void answerTheMember() {
        TestSlack.answer("views.open", "\"view\":{\"id\":\"V0MODAL02\",\"type\":\"modal\"}");
        TestSlack.answer("conversations.open", "\"channel\":{\"id\":\"D0INVITES\"}");
        TestSlack.answer("chat.postMessage", "\"channel\":\"D0INVITES\",\"ts\":\"" + SlackFixtures.newTs() + "\"");
    }

    /**
     * On Slack, the request filed for Slack's invitation request sends no invitation of its own: once the NDA check
     * passed and the host admin approved, Slack is told to send its own, and the partner's acceptance, Gatehouse's
     * approval and Slack's confirmation follow as for any invitation.
     */
    @Test
    void onSlackTheRequestTakesSlacksPendingInvitationWhichSlackSendsOnceTheHostApproved() throws Exception {
        AccessRequestDraft draft = fixtures.draft("Globex", LocalDate.now().plusMonths(2));
        Invitation invitation = onSlackWithTheMembersChannel(draft);
        String inviteId = invitation.inviteId();
        AccessRequestView request = complete(slack.newSlackSharer(), draft, inviteId, invitation);
        ProcessInstance pi = fixtures.instance(request);
        assertThat(slackConnect.calls("conversations.inviteShared")).as("Slack's invitation is the request's").isEmpty();
        assertThat(requests.get(request.id()).inviteId()).isEqualTo(inviteId);
        assertThat(requests.get(request.id()).status()).isEqualTo(AccessRequestStatus.AWAITING_APPROVAL);
        ProcessInstance answer = driver.instance(inviteId);
        driver.runJobs(answer.getId());
        assertThat(slackConnect.calls("conversations.requestSharedInvite.approve")).as("not before the approval").isEmpty();

        driver.complete(task("hostAdminApproval", pi), "bob", Map.of("approved", true));
        driver.runJobs(answer.getId());
        assertThat(slackConnect.calls("conversations.requestSharedInvite.approve")).singleElement()
                .satisfies(call -> assertThat(call).containsOnlyKeys("invite_id").containsEntry("invite_id", inviteId));

        String admin = AccessRequestFixtures.partnerAdmin(request);
        slackConnect.accepted(invitation, draft.channelName(), admin, true);
        driver.runJobs(pi.getId());
        assertThat(slackConnect.calls("conversations.approveSharedInvite")).singleElement()
                .satisfies(call -> assertThat(call).containsEntry("invite_id", inviteId));
        slackConnect.approved(invitation, draft.channelName(), admin, TestSlack.TEAM);
        driver.runJobs(pi.getId());
        assertThat(requests.get(request.id()).status()).isEqualTo(AccessRequestStatus.CONNECTED);
        assertThat(slackConnect.calls("pins.add")).hasSize(1);
        assertThat(slackConnect.calls("conversations.requestSharedInvite.approve")).hasSize(1);
        assertThat(slackConnect.calls("conversations.requestSharedInvite.deny")).isEmpty();
        assertThat(slackConnect.calls("conversations.inviteShared")).isEmpty();
    }

    /**
     * A request withdrawn before Slack was told to send the invitation: the answer process denies Slack's invitation
     * request, and the request's own tidying declines nothing, nor archives a channel it did not make.
     */
    @Test
    void onSlackAWithdrawnRequestDeniesSlacksInvitationRequestAndDeclinesNothing() throws Exception {
        AccessRequestDraft draft = fixtures.draft("Globex", LocalDate.now().plusMonths(2));
        Invitation invitation = onSlackWithTheMembersChannel(draft);
        String inviteId = invitation.inviteId();
        Person member = slack.newSlackSharer();
        AccessRequestView request = complete(member, draft, inviteId, invitation);
        ProcessInstance pi = fixtures.instance(request);

        api.as(member.id()).post("/api/access-requests/" + request.id() + "/withdraw", Map.of());
        driver.runJobs(pi.getId());
        assertThat(requests.get(request.id()).status()).isEqualTo(AccessRequestStatus.WITHDRAWN);
        driver.runJobs(driver.instance(inviteId).getId());
        assertThat(slackConnect.calls("conversations.requestSharedInvite.deny")).singleElement()
                .satisfies(call -> assertThat(call).containsEntry("invite_id", inviteId)
                        .extractingByKey("message").asString().contains(request.id(), "withdrawn"));
        assertThat(slackConnect.calls("conversations.declineSharedInvite")).isEmpty();
        assertThat(slackConnect.calls("conversations.archive")).isEmpty();
        assertThat(slackConnect.calls("conversations.requestSharedInvite.approve")).isEmpty();
    }

    /**
     * On Slack: the member's invitation request from Slack's menu in the channel of {@code invitation}, the request
     * they file for it, and its process up to the approvals; Slack answers approvals and denials of it.
     */
    private AccessRequestView complete(Person member, AccessRequestDraft draft, String inviteId, Invitation invitation) {
        invitationRequested(member, draft, invitation.channelId(), inviteId);
        AccessRequestView request = complete(member, draft, inviteId);
        TestSlack.answer("conversations.requestSharedInvite.approve", "\"invite_id\":\"" + inviteId + "\"");
        TestSlack.answer("conversations.requestSharedInvite.deny", "\"invite_id\":\"" + inviteId + "\"");
        driver.runJobs(fixtures.instance(request).getId());
        return request;
    }

    /** The Slack gateway, with the member's channel existing in Slack (Gatehouse finds it by name and joins it). */
    private Invitation onSlackWithTheMembersChannel(AccessRequestDraft draft) {
        Invitation invitation = fixtures.onSlack(false);
        answerTheMember();
        TestSlack.refuse("conversations.create", "name_taken");
        TestSlack.answer("conversations.list", "\"channels\":[{\"id\":\"" + invitation.channelId() + "\",\"name\":\""
                + draft.channelName() + "\",\"is_channel\":true,"
                + "\"is_private\":false,\"is_member\":true}],\"response_metadata\":{\"next_cursor\":\"\"}");
        return invitation;
    }

    @Test
    void anInvitationRequestCompletedAndApprovedIsApprovedInSlackOnce() throws Exception {
        Person member = slack.newSlackSharer();
        AccessRequestDraft draft = fixtures.draft("Globex", LocalDate.now().plusMonths(2));
        String inviteId = invitationRequested(member, draft);

        AccessRequestView request = complete(member, draft, inviteId);
        TestSlack.answer("conversations.requestSharedInvite.approve", "\"invite_id\":\"" + inviteId + "\"");
        ProcessInstance pi = fixtures.instance(request);
        driver.runJobs(pi.getId());
        fixtures.approveBothSides(pi, request, "bob");
        assertThat(requests.get(request.id()).status()).isEqualTo(AccessRequestStatus.CONNECTED);

        ProcessInstance answer = driver.instance(inviteId);
        driver.runJobs(answer.getId());
        TestSlack.server().verify(1, postRequestedFor(urlPathEqualTo("/api/conversations.requestSharedInvite.approve"))
                .withFormParam("invite_id", equalTo(inviteId)));
        TestSlack.server().verify(0, postRequestedFor(urlPathEqualTo("/api/conversations.requestSharedInvite.deny")));
        assertThat(jdbc.sql("select answered_at from slack_invite_request where invite_id = ?").param(inviteId)
                .query(Object.class).single()).isNotNull();
    }

    @Test
    void anInvitationRequestWhoseRequestIsRejectedIsDeniedWithTheReason() throws Exception {
        Person member = slack.newSlackSharer();
        AccessRequestDraft draft = fixtures.draft("Globex", LocalDate.now().plusMonths(2));
        String inviteId = invitationRequested(member, draft);

        AccessRequestView request = complete(member, draft, inviteId);
        TestSlack.answer("conversations.requestSharedInvite.deny", "\"invite_id\":\"" + inviteId + "\"");
        ProcessInstance pi = fixtures.instance(request);
        driver.runJobs(pi.getId());
        driver.complete(task("hostAdminApproval", pi), "carol", Map.of("approved", false, "comment", "Not this quarter"));
        driver.runJobs(pi.getId());
        assertThat(requests.get(request.id()).status()).isEqualTo(AccessRequestStatus.REJECTED);

        driver.runJobs(driver.instance(inviteId).getId());
        TestSlack.server().verify(1, postRequestedFor(urlPathEqualTo("/api/conversations.requestSharedInvite.deny"))
                .withFormParam("invite_id", equalTo(inviteId))
                .withFormParam("message", containing("Gatehouse did not approve this invitation"))
                .withFormParam("message", containing(request.id())));
        TestSlack.server().verify(0, postRequestedFor(urlPathEqualTo("/api/conversations.requestSharedInvite.approve")));
    }

    @Test
    void onlyTheMemberWhoInvitedCompletesTheRequestAndOnlyOnce() throws Exception {
        Person member = slack.newSlackSharer();
        Person colleague = slack.newSlackSharer();
        AccessRequestDraft draft = fixtures.draft("Globex", LocalDate.now().plusMonths(2));
        String inviteId = invitationRequested(member, draft);

        assertThat(SlackRequestModalTest.errors(slack.postForm(SlackFixtures.interaction(
                SlackRequestModalTest.submission(colleague.slackUserId(), draft, inviteId)))).get("channelName").asText())
                .contains("not yours");
        AccessRequestDraft otherContact = new AccessRequestDraft(draft.workspace(), draft.channelName(),
                draft.partnerOrganisation(), draft.partnerContactName(), "someone-else@globex.example",
                draft.projectName(), draft.endDate(), draft.purpose());
        assertThat(SlackRequestModalTest.errors(slack.postForm(SlackFixtures.interaction(
                SlackRequestModalTest.submission(member.slackUserId(), otherContact, inviteId))))
                .get("partnerContactEmail").asText()).as("Slack would invite the e-mail it holds")
                .contains(draft.partnerContactEmail());
        complete(member, draft, inviteId);
        AccessRequestDraft again = fixtures.draft("Globex", LocalDate.now().plusMonths(2));
        assertThat(SlackRequestModalTest.errors(slack.postForm(SlackFixtures.interaction(
                SlackRequestModalTest.submission(member.slackUserId(), again, inviteId)))).get("channelName").asText())
                .contains("filed already");
        assertThat(api.as(member.id()).get("/api/access-requests").getBody()).hasSize(1);
        assertThat(api.as(colleague.id()).get("/api/access-requests").getBody()).isEmpty();
    }

    /**
     * Slack's {@code shared_channel_invite_requested} for the draft's channel and contact: the member gets the button,
     * whose press opens the modal prefilled. Answers the invite id.
     */
    private String invitationRequested(Person member, AccessRequestDraft draft) {
        String inviteId = "I0" + SlackFixtures.newUserId().substring(2) + "INV";
        return invitationRequested(member, draft, "C0" + inviteId.substring(2), inviteId);
    }

    /** The same in the Slack channel {@code slackChannelId}, for Slack's invitation {@code inviteId}. */
    private String invitationRequested(Person member, AccessRequestDraft draft, String slackChannelId, String inviteId) {
        // as the Events API sends it: the channel as an object, the member with their profile
        Map<String, Object> event = Map.of("type", "shared_channel_invite_requested",
                "channel", Map.of("id", slackChannelId, "is_im", false, "is_private", false, "date_created", 1564642828,
                        "message_latest_counted_timestamp", 1564642836000009L, "name", draft.channelName()),
                "actor", Map.of("id", member.slackUserId(), "team_id", TestSlack.TEAM, "name", "member",
                        "updated", 1564642800, "who_can_share_contact_card", "EVERYONE",
                        "profile", Map.of("real_name", "A Member", "display_name", "member", "team", TestSlack.TEAM)),
                "is_external_limited", true,
                "target_users", List.of(Map.of("invite_id", inviteId, "email", draft.partnerContactEmail())),
                "teams_in_channel", List.of(Map.of("id", TestSlack.TEAM, "name", "Acme", "domain", "acme",
                        "is_verified", false, "date_created", 1564642800, "requires_sponsorship", false)));
        String body = SlackFixtures.envelope(SlackFixtures.newEventId(), event);
        assertThat(slack.post(body).getStatusCode()).isEqualTo(HttpStatus.OK);

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> TestSlack.server().verify(
                postRequestedFor(urlPathEqualTo("/api/chat.postMessage")).withFormParam("channel", equalTo("D0INVITES"))
                        .withFormParam("blocks", containing("\"action_id\":\"" + SlackRequestModal.OPEN_BUTTON + "\""))
                        .withFormParam("blocks", containing("\"value\":\"" + inviteId + "\""))));

        String trigger = SlackFixtures.newTriggerId();
        Map<String, Object> press = SlackFixtures.interactionBy("block_actions", member.slackUserId(), trigger);
        press.put("container", Map.of("type", "message", "message_ts", SlackFixtures.newTs(), "channel_id", "D0INVITES",
                "is_ephemeral", false));
        press.put("channel", Map.of("id", "D0INVITES", "name", "directmessage"));
        press.put("actions", List.of(Map.of("action_id", SlackRequestModal.OPEN_BUTTON, "block_id", "b1",
                "text", Map.of("type", "plain_text", "text", "Complete the request"), "value", inviteId,
                "type", "button", "action_ts", SlackFixtures.newTs())));
        assertThat(slack.postForm(SlackFixtures.interaction(press)).getStatusCode()).isEqualTo(HttpStatus.OK);
        TestSlack.server().verify(1, postRequestedFor(urlPathEqualTo("/api/views.open"))
                .withFormParam("trigger_id", equalTo(trigger))
                .withFormParam("view", containing("\"private_metadata\":\"" + inviteId + "\""))
                .withFormParam("view", containing("\"initial_value\":\"" + draft.channelName() + "\""))
                .withFormParam("view", containing("\"initial_value\":\"" + draft.partnerContactEmail() + "\"")));
        return inviteId;
    }

    /** The member submits the modal with the rest of the request: it is filed and tied to the invitation request. */
    private AccessRequestView complete(Person member, AccessRequestDraft draft, String inviteId) {
        var answer = slack.postForm(SlackFixtures.interaction(SlackRequestModalTest.submission(member.slackUserId(),
                draft, inviteId)));
        assertThat(answer.getBody()).isNullOrEmpty();
        String requestId = jdbc.sql("select request_id from slack_invite_request where invite_id = ?").param(inviteId)
                .query(String.class).single();
        assertThat(requests.get(requestId).requester()).isEqualTo(member.id());
        return requests.view(requestId, member.id());
    }
}

package org.gatehouse.slack;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.notContaining;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.gatehouse.HttpTest;
import org.gatehouse.TestSlack;
import org.gatehouse.access.AccessRequestDraft;
import org.gatehouse.access.AccessRequestService;
import org.gatehouse.access.OffboardingFixtures;
import org.gatehouse.directory.Person;
import org.gatehouse.directory.PersonService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * Asking from Slack: the slash command and the shortcut open the request's modal; its submission files the request as
 * the Slack user's directory person, or answers the modal's fields with their errors and files nothing.
 */
class SlackRequestModalTest extends HttpTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Autowired SlackFixtures slack;
    @Autowired AccessRequestService requests;
    @Autowired PersonService people;
    @Autowired OffboardingFixtures partnerships;

    @BeforeEach
    void resetSlack() {
        TestSlack.reset();
        TestSlack.answer("views.open", "\"view\":{\"id\":\"V0MODAL01\",\"type\":\"modal\"}");
        TestSlack.answer("conversations.open", "\"channel\":{\"id\":\"D0REQUESTS\"}");
        TestSlack.answer("chat.postMessage", "\"channel\":\"D0REQUESTS\",\"ts\":\"" + SlackFixtures.newTs() + "\"");
    }

    @Test
    void theSlashCommandOpensTheModalWithItsTrigger() {
        Person member = slack.newSlackSharer();
        String trigger = SlackFixtures.newTriggerId();

        assertThat(slack.postForm(SlackFixtures.slashCommand(member.slackUserId(), "/gatehouse", "", trigger))
                .getStatusCode()).isEqualTo(HttpStatus.OK);

        TestSlack.server().verify(1, postRequestedFor(urlPathEqualTo("/api/views.open"))
                .withFormParam("trigger_id", equalTo(trigger))
                .withFormParam("view", containing("\"callback_id\":\"" + SlackRequestModal.CALLBACK + "\""))
                .withFormParam("view", containing("\"block_id\":\"partnerContactEmail\""))
                .withFormParam("view", containing("\"type\":\"datepicker\"")));
    }

    @Test
    void theGlobalShortcutOpensTheModal() {
        Person member = slack.newSlackSharer();
        String trigger = SlackFixtures.newTriggerId();
        Map<String, Object> shortcut = SlackFixtures.interactionBy("shortcut", member.slackUserId(), trigger);
        shortcut.put("callback_id", SlackRequestModal.SHORTCUT);
        shortcut.put("action_ts", SlackFixtures.newTs());

        assertThat(slack.postForm(SlackFixtures.interaction(shortcut)).getStatusCode()).isEqualTo(HttpStatus.OK);
        TestSlack.server().verify(1, postRequestedFor(urlPathEqualTo("/api/views.open"))
                .withFormParam("trigger_id", equalTo(trigger)));
    }

    @Test
    void aSlackUserTheDirectoryDoesNotKnowIsToldSoAndFilesNothing() throws Exception {
        String stranger = SlackFixtures.newUserId();
        var answer = slack.postForm(SlackFixtures.slashCommand(stranger, "/gatehouse", "", SlackFixtures.newTriggerId()));
        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(answer.getBody()).contains("Gatehouse does not know your Slack account").contains(stranger);
        TestSlack.server().verify(0, postRequestedFor(urlPathEqualTo("/api/views.open")));

        // a submission all the same (a modal opened before the person left the directory, say): refused, on the form
        AccessRequestDraft draft = fixtures.draft("Globex", LocalDate.now().plusMonths(2));
        JsonNode refused = errors(submit(stranger, draft, null));
        assertThat(refused.get("workspace").asText()).contains("Gatehouse does not know your Slack account");
        assertThat(requestsFor(draft.channelName())).isZero();
    }

    @Test
    void anEmployeeTheSharingPolicyDoesNotLetShareIsRefused() throws Exception {
        Person member = slack.newSlackEmployee();
        var answer = slack.postForm(SlackFixtures.slashCommand(member.slackUserId(), "/gatehouse", "",
                SlackFixtures.newTriggerId()));
        assertThat(answer.getBody()).contains("The sharing policy does not let you share channels");
        TestSlack.server().verify(0, postRequestedFor(urlPathEqualTo("/api/views.open")));

        // the shortcut, which has no answer of its own, opens a modal that only says why
        String trigger = SlackFixtures.newTriggerId();
        Map<String, Object> shortcut = SlackFixtures.interactionBy("shortcut", member.slackUserId(), trigger);
        shortcut.put("callback_id", SlackRequestModal.SHORTCUT);
        shortcut.put("action_ts", SlackFixtures.newTs());
        assertThat(slack.postForm(SlackFixtures.interaction(shortcut)).getStatusCode()).isEqualTo(HttpStatus.OK);
        TestSlack.server().verify(1, postRequestedFor(urlPathEqualTo("/api/views.open"))
                .withFormParam("trigger_id", equalTo(trigger))
                .withFormParam("view", containing("The sharing policy does not let you share channels"))
                .withFormParam("view", notContaining(SlackRequestModal.CALLBACK)));

        AccessRequestDraft draft = fixtures.draft("Globex", LocalDate.now().plusMonths(2));
        assertThat(errors(submit(member.slackUserId(), draft, null)).get("workspace").asText())
                .contains("The sharing policy does not let you share channels");
        assertThat(requestsFor(draft.channelName())).isZero();
    }

    @Test
    void anInactiveEmployeeIsRefused() throws Exception {
        Person member = slack.newSlackSharer();
        people.setStatus(member.id(), Person.Status.INACTIVE);
        AccessRequestDraft draft = fixtures.draft("Globex", LocalDate.now().plusMonths(2));

        assertThat(errors(submit(member.slackUserId(), draft, null)).get("workspace").asText())
                .contains("Only active employees");
        assertThat(requestsFor(draft.channelName())).isZero();
    }

    @Test
    void badFieldsComeBackOnTheirBlocksAndNothingIsFiled() throws Exception {
        Person member = slack.newSlackSharer();
        AccessRequestDraft good = fixtures.draft("Globex", LocalDate.now().plusMonths(2));
        AccessRequestDraft bad = new AccessRequestDraft(good.workspace(), "Not A Channel!", good.partnerOrganisation(),
                good.partnerContactName(), "not-an-address", good.projectName(), good.endDate(), good.purpose());

        JsonNode errors = errors(submit(member.slackUserId(), bad, null));
        assertThat(errors.get("channelName").asText()).contains("must be a channel name");
        assertThat(errors.has("partnerContactEmail")).isTrue();
        assertThat(errors.has("purpose")).isFalse();

        // Gatehouse's own rule, past Bean Validation: the end date lies ahead
        AccessRequestDraft past = new AccessRequestDraft(good.workspace(), good.channelName(), good.partnerOrganisation(),
                good.partnerContactName(), good.partnerContactEmail(), good.projectName(), LocalDate.now(), good.purpose());
        assertThat(errors(submit(member.slackUserId(), past, null)).get("endDate").asText())
                .contains("must lie in the future");
        // an unknown workspace is the workspace's error
        AccessRequestDraft nowhere = new AccessRequestDraft("no-such-workspace", good.channelName(),
                good.partnerOrganisation(), good.partnerContactName(), good.partnerContactEmail(), good.projectName(),
                good.endDate(), good.purpose());
        assertThat(errors(submit(member.slackUserId(), nowhere, null)).get("workspace").asText())
                .contains("no-such-workspace");

        assertThat(requestsFor(good.channelName())).isZero();
        TestSlack.server().verify(0, postRequestedFor(urlPathEqualTo("/api/chat.postMessage")));
    }

    @Test
    void aGoodSubmissionFilesTheRequestAsTheSlackUsersPersonAndTellsThem() {
        Person member = slack.newSlackSharer();
        AccessRequestDraft draft = fixtures.draft("Globex", LocalDate.now().plusMonths(2));

        var answer = submit(member.slackUserId(), draft, null);
        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(answer.getBody()).as("an empty answer closes the modal").isNullOrEmpty();

        JsonNode mine = api.as(member.id()).get("/api/access-requests").getBody();
        assertThat(mine).hasSize(1);
        String id = mine.get(0).get("id").asText();
        assertThat(requests.get(id).requester()).isEqualTo(member.id());
        assertThat(requests.get(id).channelName()).isEqualTo(draft.channelName());
        assertThat(driver.instance(id)).as("the request's process started").isNotNull();

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> TestSlack.server().verify(
                postRequestedFor(urlPathEqualTo("/api/chat.postMessage")).withFormParam("channel", equalTo("D0REQUESTS"))
                        .withFormParam("text", containing(id))));
        TestSlack.server().verify(postRequestedFor(urlPathEqualTo("/api/conversations.open"))
                .withFormParam("users", equalTo(member.slackUserId())));
    }

    @Test
    void aPartnerWhosePartnershipIsBeingEndedIsRefusedOnItsField() throws Exception {
        Person member = slack.newSlackSharer();
        var partnership = partnerships.partnership(0, 0);
        String offboarding = api.as("bob").post("/api/partners/" + partnership.partnerId() + "/disconnect",
                Map.of("reason", "The campaign is over")).getBody().get("id").asText();
        AccessRequestDraft draft = fixtures.draft(partnership.partnerName(), LocalDate.now().plusMonths(2));

        assertThat(errors(submit(member.slackUserId(), draft, null)).get("partnerOrganisation").asText())
                .contains("being ended", offboarding);
        assertThat(requestsFor(draft.channelName())).isZero();
    }

    /** The modal's submission by {@code user} with the draft's values, as Slack posts it. */
    ResponseEntity<String> submit(String user, AccessRequestDraft draft, String inviteId) {
        return slack.postForm(SlackFixtures.interaction(submission(user, draft, inviteId)));
    }

    static Map<String, Object> submission(String user, AccessRequestDraft draft, String inviteId) {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("workspace", text(draft.workspace()));
        values.put("channelName", text(draft.channelName()));
        values.put("partnerOrganisation", text(draft.partnerOrganisation()));
        values.put("partnerContactName", text(draft.partnerContactName()));
        values.put("partnerContactEmail", text(draft.partnerContactEmail()));
        values.put("projectName", text(draft.projectName()));
        values.put("endDate", Map.of(SlackRequestModal.VALUE, Map.of("type", "datepicker", "selected_date",
                draft.endDate().toString())));
        values.put("purpose", text(draft.purpose()));
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("id", "V0MODAL01");
        view.put("team_id", TestSlack.TEAM);
        view.put("type", "modal");
        view.put("callback_id", SlackRequestModal.CALLBACK);
        view.put("private_metadata", inviteId == null ? "" : inviteId);
        view.put("blocks", List.of());
        view.put("state", Map.of("values", values));
        view.put("hash", "1605802226.a5oYxp4b");
        view.put("title", Map.of("type", "plain_text", "text", "Share a channel"));
        Map<String, Object> payload = SlackFixtures.interactionBy("view_submission", user, SlackFixtures.newTriggerId());
        payload.put("view", view);
        payload.put("response_urls", List.of());
        return payload;
    }

    private static Map<String, Object> text(String value) {
        return Map.of(SlackRequestModal.VALUE, Map.of("type", "plain_text_input", "value", value));
    }

    /** Slack's {@code response_action: errors} answer: the errors by block id. */
    static JsonNode errors(ResponseEntity<String> answer) throws Exception {
        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.OK);
        JsonNode body = JSON.readTree(answer.getBody());
        assertThat(body.get("response_action").asText()).isEqualTo("errors");
        return body.get("errors");
    }

    private long requestsFor(String channelName) {
        return requests.list(null, null, null, "admin").stream().filter(r -> r.channelName().equals(channelName)).count();
    }
}

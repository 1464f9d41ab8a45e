package org.gatehouse.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.gatehouse.Api.variables;

import java.time.LocalDate;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;

import org.gatehouse.Api;
import org.gatehouse.FlakyChannelGateway;
import org.gatehouse.HttpTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/** What Tasklist does through the engine REST API: load each task's Camunda Form and start a request from its form. */
class TasklistFormsTest extends HttpTest {

    /** A Camunda Forms template in a form's text, as form-js fills it from the task's variables. */
    private static final Pattern TEMPLATE = Pattern.compile("\\{\\{\\s*(.*?)\\s*}}");

    @Autowired AccessRequestService requests;
    @Autowired FlakyChannelGateway gateway;

    @Test
    void everyUserTaskOpensItsForm() {
        var nda = fixtures.submit("alice", fixtures.newPartner(), LocalDate.now().plusMonths(1));
        assertForm("lena", nda.id(), "obtain-nda");

        var approval = fixtures.submit("alice", "Globex", LocalDate.now().plusMonths(1));
        driver.runJobs(fixtures.instance(approval).getId());
        assertForm("bob", approval.id(), "host-admin-approval");

        var connected = fixtures.connected("alice", "Globex", LocalDate.now().plusMonths(1));
        driver.fireTimer(connected.getId(), "Event_EndDate");
        assertForm("alice", connected.getBusinessKey(), "renew-or-end");

        JsonNode startForm = api.as("alice").get("/engine-rest/process-definition/key/external-access-request/deployed-start-form")
                .getBody();
        assertThat(startForm.get("id").asText()).isEqualTo("access-request-start");
    }

    @Test
    void aStartFromTheTasklistFormBelongsToTheSignedInMember() {
        var draft = fixtures.draft("Globex", LocalDate.now().plusMonths(2));
        ResponseEntity<JsonNode> started = api.as("dave").post(
                "/engine-rest/process-definition/key/external-access-request/submit-form", variables(Map.of(
                        "workspace", draft.workspace(), "channelName", draft.channelName(),
                        "partnerOrganisation", draft.partnerOrganisation(), "partnerContactName", draft.partnerContactName(),
                        "partnerContactEmail", draft.partnerContactEmail(), "projectName", draft.projectName(),
                        "endDate", draft.endDate().toString(), "purpose", draft.purpose())));
        assertThat(started.getStatusCode()).isEqualTo(HttpStatus.OK);
        String id = started.getBody().get("businessKey").asText();
        AccessRequest request = requests.get(id);
        assertThat(request.requester()).isEqualTo("dave");
        assertThat(request.status()).isEqualTo(AccessRequestStatus.SUBMITTED);
    }

    @Test
    void withoutEnterpriseGridTheSlackRemovalTaskOpensItsForm() {
        try {
            var slack = fixtures.onSlack(false);
            var request = fixtures.submit("alice", "Globex", LocalDate.now().plusMonths(1));
            var connected = fixtures.connectedOnSlack(request, slack);
            fixtures.workflow().disconnect(request.id(), "carol");
            driver.runJobs(connected.getId());
            assertForm("bob", request.id(), "remove-partner");
            // a request left waiting for the partner's removal would stay CONNECTED for the tests after
            driver.complete(task("removePartnerEarly", connected), "bob", Map.of());
        } finally {
            gateway.useLocal();
        }
    }

    @Test
    void aTasklistStartWithBadInputStartsNothing() {
        ResponseEntity<JsonNode> refused = api.as("dave").post(
                "/engine-rest/process-definition/key/external-access-request/submit-form",
                variables(Map.of("workspace", "acme-main", "channelName", "x", "endDate", "not-a-date")));
        assertThat(refused.getStatusCode().is2xxSuccessful()).isFalse();
        assertThat(refused.getBody().get("message").asText()).contains("endDate");
    }

    private void assertForm(String user, String requestId, String formId) {
        JsonNode task = api.as(user).get("/engine-rest/task?processInstanceBusinessKey=" + requestId + "&maxResults=5")
                .getBody().get(0);
        ResponseEntity<JsonNode> form = api.as(user).get("/engine-rest/task/" + task.get("id").asText() + "/deployed-form");
        assertThat(form.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(form.getBody().get("id").asText()).isEqualTo(formId);
        assertThat(form.getBody().get("components").findValuesAsText("key")).isNotEmpty();
        // Tasklist hands form-js the task's form variables: each value a text template shows is among them
        JsonNode variables = api.as(user).get("/engine-rest/task/" + task.get("id").asText() + "/form-variables")
                .getBody();
        for (String text : form.getBody().get("components").findValuesAsText("text")) {
            Matcher named = TEMPLATE.matcher(text);
            while (named.find()) {
                JsonNode value = variables.path(named.group(1)).path("value");
                assertThat(value.isMissingNode() || value.isNull()).as(formId + " shows " + named.group(1)).isFalse();
            }
        }
    }
}

package org.gatehouse.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gatehouse.Api.variables;

import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

import org.camunda.bpm.engine.ProcessEngine;
import org.gatehouse.HttpTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;

/**
 * What people wrote on an access request (the partner contact, the purpose, the host admin's comment) stays in the
 * request's own record: the engine's history keeps that it was set, not what it said.
 */
class AccessRequestHistoryPrivacyTest extends HttpTest {

    @Autowired ProcessEngine engine;

    @Test
    void theEnginesHistoryKeepsNoneOfWhatPeopleWrote() {
        String marker = "private-" + UUID.randomUUID();
        Map<String, Object> body = AccessRequestFixtures.fields(fixtures.draft("Globex", LocalDate.now().plusMonths(2)));
        body.put("purpose", "Purpose " + marker);
        body.put("partnerContactName", "Contact " + marker);
        var filed = api.as("alice").post("/api/access-requests", body);
        assertThat(filed.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        String id = filed.getBody().get("id").asText();
        String instance = fixtures.instance(id).getId();
        driver.runJobs(instance);
        String task = engine.getTaskService().createTaskQuery().processInstanceId(instance)
                .taskDefinitionKey("hostAdminApproval").singleResult().getId();
        assertThat(api.as("bob").post("/engine-rest/task/" + task + "/submit-form",
                variables(Map.of("approved", false, "comment", "Comment " + marker))).getStatusCode())
                .isEqualTo(HttpStatus.NO_CONTENT);

        for (String path : new String[] {"/engine-rest/history/variable-instance?maxResults=500&processInstanceId=" + instance,
                "/engine-rest/history/detail?maxResults=500&processInstanceId=" + instance}) {
            String history = api.as("admin").getText(path, org.springframework.http.MediaType.APPLICATION_JSON).getBody();
            assertThat(history).as(path).contains("purpose", "comment").doesNotContain(marker);
        }
        // the request's own record keeps them, for those who may read it
        String request = api.as("alice").getText("/api/access-requests/" + id,
                org.springframework.http.MediaType.APPLICATION_JSON).getBody();
        assertThat(request).contains("Purpose " + marker, "Comment " + marker);
    }
}

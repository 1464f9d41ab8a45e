package org.gatehouse.legal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gatehouse.Api.assertProblem;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.gatehouse.HttpTest;
import org.gatehouse.WebappSession;
import org.gatehouse.access.AccessRequestView;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/** Legal puts an NDA on file ahead of any request (A3), and the request's NDA check then asks Legal nothing. */
class NdaRegisterApiTest extends HttpTest {

    private static final AtomicInteger COUNTER = new AtomicInteger();

    @Autowired HistoryService history;
    @LocalServerPort int port;

    @Test
    void anNdaOnFileAheadOfARequestSparesLegalTheTask() {
        String partner = newPartner();
        LocalDate today = LocalDate.now();
        ResponseEntity<JsonNode> recorded = api.as("lena").post("/api/ndas", nda(partner, today.minusDays(3),
                today.plusYears(2), "NDA-" + partner));

        assertThat(recorded.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        String id = recorded.getBody().get("id").asText();
        assertThat(recorded.getHeaders().getLocation()).hasToString("/api/ndas/" + id);
        assertThat(recorded.getBody().get("recordedBy").asText()).as("the signed-in user, whatever the body says")
                .isEqualTo("lena");
        assertThat(api.as("bob").get("/api/ndas/" + id).getBody().get("documentRef").asText()).isEqualTo("NDA-" + partner);
        JsonNode listed = api.as("aude").get("/api/ndas?organisation=" + partner).getBody();
        assertThat(listed.get("total").asLong()).isEqualTo(1);
        assertThat(listed.get("entries").findValuesAsText("id")).containsExactly(id);

        AccessRequestView request = fixtures.submit("alice", "Partner " + partner, today.plusMonths(6));
        ProcessInstance pi = fixtures.instance(request);
        driver.runJobs(pi.getId());
        var nda = history.createHistoricProcessInstanceQuery().superProcessInstanceId(pi.getId())
                .processDefinitionKey("nda-assurance").singleResult();
        assertThat(nda.getEndTime()).as("the NDA was assured").isNotNull();
        assertThat(history.createHistoricActivityInstanceQuery().processInstanceId(nda.getId()).activityId("obtainNda")
                .count()).as("the register answered: no task for Legal").isZero();
        assertThat(api.as("alice").get("/api/access-requests/" + request.id()).getBody().get("status").asText())
                .isEqualTo("AWAITING_APPROVAL");
    }

    @Test
    void badNdasAreRefusedFieldByFieldAndNothingIsFiled() {
        String partner = newPartner();
        LocalDate today = LocalDate.now();
        assertProblem(api.as("lena").post("/api/ndas", nda(partner, today, today.minusDays(1), "NDA-X")),
                HttpStatus.BAD_REQUEST, "expiresOn");
        assertProblem(api.as("lena").post("/api/ndas", nda(partner, today.plusDays(1), today.plusYears(1), "NDA-X")),
                HttpStatus.BAD_REQUEST, "signedOn");
        assertProblem(api.as("lena").post("/api/ndas", nda(partner, today, today.plusYears(1), " ")),
                HttpStatus.BAD_REQUEST, "documentRef");
        assertProblem(api.as("lena").post("/api/ndas", nda("acme", today, today.plusYears(1), "NDA-X")),
                HttpStatus.BAD_REQUEST, "organisationId");
        assertProblem(api.as("lena").post("/api/ndas", nda("nobody-" + partner, today, today.plusYears(1), "NDA-X")),
                HttpStatus.BAD_REQUEST, "organisationId");
        Map<String, Object> missing = nda(partner, today, today.plusYears(1), "NDA-X");
        missing.remove("signedOn");
        assertProblem(api.as("lena").post("/api/ndas", missing), HttpStatus.BAD_REQUEST, "signedOn");
        assertThat(api.as("alice").post("/api/ndas", nda(partner, today, today.plusYears(1), "NDA-X")).getStatusCode())
                .as("a requester files nothing").isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(api.as("bob").post("/api/ndas", nda(partner, today, today.plusYears(1), "NDA-X")).getStatusCode())
                .as("a workspace admin reads the register, Legal keeps it").isEqualTo(HttpStatus.FORBIDDEN);

        assertThat(api.as("lena").get("/api/ndas?organisation=" + partner).getBody().get("total").asLong()).isZero();
        assertProblem(api.as("lena").get("/api/ndas?size=201"), HttpStatus.BAD_REQUEST, "size");
        assertThat(api.as("lena").get("/api/ndas/no-such-nda").getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    }

    @Test
    void theRegisterPagesLatestExpiryFirst() {
        String partner = newPartner();
        LocalDate today = LocalDate.now();
        for (int years = 1; years <= 3; years++) {
            api.as("admin").post("/api/ndas", nda(partner, today.minusYears(4), today.minusYears(4).plusYears(years * 2L),
                    "NDA-" + years));
        }
        JsonNode first = api.as("lena").get("/api/ndas?organisation=" + partner + "&size=2").getBody();
        JsonNode second = api.as("lena").get("/api/ndas?organisation=" + partner + "&size=2&page=1").getBody();

        assertThat(first.get("total").asLong()).isEqualTo(3);
        assertThat(first.get("entries").findValuesAsText("documentRef")).containsExactly("NDA-3", "NDA-2");
        assertThat(second.get("entries").findValuesAsText("documentRef")).containsExactly("NDA-1");
    }

    /** Cockpit's NDA view keeps the register with the webapps' session, its CSRF token on every call (README). */
    @Test
    void theRegisterIsKeptFromCockpitWithTheSessionAndItsToken() throws Exception {
        String partner = newPartner();
        LocalDate today = LocalDate.now();
        var json = new ObjectMapper();
        String good = json.writeValueAsString(nda(partner, today.minusDays(1), today.plusYears(2), "NDA-COCKPIT-" + partner));
        var admin = WebappSession.signIn(port, "admin", "cockpit");

        assertThat(admin.gatehouseWithoutToken("POST", "/api/ndas", good).statusCode()).as("without the CSRF token")
                .isEqualTo(403);
        var bad = admin.gatehouse("POST", "/api/ndas",
                json.writeValueAsString(nda(partner, today, today.minusDays(1), "NDA-X")));
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(json.readTree(bad.body()).get("errors").findValuesAsText("field")).containsExactly("expiresOn");
        var recorded = admin.gatehouse("POST", "/api/ndas", good);
        assertThat(recorded.statusCode()).as(recorded.body()).isEqualTo(201);
        assertThat(json.readTree(recorded.body()).get("recordedBy").asText()).isEqualTo("admin");
        var listed = json.readTree(admin.gatehouse("GET", "/api/ndas?organisation=" + partner, null).body());
        assertThat(listed.get("entries").findValuesAsText("documentRef")).as("filed once")
                .containsExactly("NDA-COCKPIT-" + partner);

        var workspaceAdmin = WebappSession.signIn(port, "bob", "cockpit");
        assertThat(workspaceAdmin.gatehouse("GET", "/api/ndas?organisation=" + partner, null).statusCode()).isEqualTo(200);
        assertThat(workspaceAdmin.gatehouse("POST", "/api/ndas", good).statusCode()).as("Legal and admins file NDAs")
                .isEqualTo(403);
        assertThat(WebappSession.signIn(port, "alice", "tasklist").gatehouse("GET", "/api/ndas", null).statusCode())
                .as("an employee's session").isEqualTo(403);
    }

    private String newPartner() {
        String id = "ndaco-" + COUNTER.incrementAndGet() + "-" + System.nanoTime() % 100000;
        assertThat(api.as("admin").post("/api/organisations", Map.of("id", id, "name", "Partner " + id, "kind", "PARTNER",
                "timeZone", "Europe/Berlin", "workingHours", "09:00-17:00")).getStatusCode()).isEqualTo(HttpStatus.CREATED);
        return id;
    }

    private static Map<String, Object> nda(String organisation, LocalDate signedOn, LocalDate expiresOn, String reference) {
        Map<String, Object> nda = new HashMap<>();
        nda.put("organisationId", organisation);
        nda.put("signedOn", signedOn.toString());
        nda.put("expiresOn", expiresOn.toString());
        nda.put("documentRef", reference);
        nda.put("recordedBy", "someone-else");
        return nda;
    }
}

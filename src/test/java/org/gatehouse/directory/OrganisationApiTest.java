package org.gatehouse.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gatehouse.Api.assertProblem;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.JsonNode;

import org.gatehouse.HttpTest;
import org.gatehouse.access.AccessRequestDraft;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/** Admins set up the host's partners and workspaces through the API; every member reads them. */
class OrganisationApiTest extends HttpTest {

    private static final AtomicInteger COUNTER = new AtomicInteger();

    @Test
    void membersReadTheHostAndItsPartners() {
        JsonNode organisations = api.as("alice").get("/api/organisations").getBody();
        assertThat(organisations.get(0).get("kind").asText()).isEqualTo("HOST");
        assertThat(organisations.findValuesAsText("id")).contains("acme", "globex", "initech", "umbrella");
        assertThat(api.as("alice").get("/api/workspaces").getBody().findValuesAsText("id")).contains("acme-main", "acme-sales");
    }

    @Test
    void adminsSetUpAPartnerAndAWorkspaceThatRequestsCanUse() {
        int n = COUNTER.incrementAndGet();
        Map<String, Object> partner = partner("hooli-" + n, "Hooli " + n);
        assertThat(api.as("carol").post("/api/organisations", partner).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        ResponseEntity<JsonNode> created = api.as("admin").post("/api/organisations", partner);
        assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(created.getBody().get("timeZone").asText()).isEqualTo("America/Los_Angeles");

        String workspace = "acme-lab-" + n;
        assertThat(api.as("admin").post("/api/workspaces", Map.of("id", workspace, "name", "Acme Lab")).getStatusCode())
                .isEqualTo(HttpStatus.CREATED);
        assertProblem(api.as("admin").post("/api/workspaces", Map.of("id", workspace, "name", "Again")), HttpStatus.CONFLICT, "id");

        // the Slack workspace it is: a Slack team id, and one Gatehouse workspace each
        String team = "T0LAB" + n;
        ResponseEntity<JsonNode> onSlack = api.as("admin").post("/api/workspaces", Map.of("id", workspace + "-slack",
                "name", "Acme Lab on Slack", "slackTeamId", team));
        assertThat(onSlack.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(onSlack.getBody().get("slackTeamId").asText()).isEqualTo(team);
        assertProblem(api.as("admin").post("/api/workspaces", Map.of("id", workspace + "-again", "name", "Again",
                "slackTeamId", team)), HttpStatus.CONFLICT, "slackTeamId");
        assertProblem(api.as("admin").post("/api/workspaces", Map.of("id", workspace + "-bad", "name", "Bad",
                "slackTeamId", "acme")), HttpStatus.BAD_REQUEST, "slackTeamId");

        var draft = fixtures.draft("Hooli " + n, LocalDate.now().plusMonths(1));
        var request = fixtures.workflow().submit(new AccessRequestDraft(workspace, draft.channelName(), draft.partnerOrganisation(),
                draft.partnerContactName(), draft.partnerContactEmail(), draft.projectName(), draft.endDate(), draft.purpose()),
                "alice");
        assertThat(request.workspace()).isEqualTo(workspace);
        assertThat(request.status()).isEqualTo("AWAITING_NDA");
    }

    @Test
    void badOrDuplicateOrganisationsAreRefusedAndNamed() {
        int n = COUNTER.incrementAndGet();
        assertProblem(api.as("admin").post("/api/organisations", partner("globex", "Another Globex")), HttpStatus.CONFLICT, "id");
        assertProblem(api.as("admin").post("/api/organisations", partner("globex-2-" + n, "Globex")), HttpStatus.CONFLICT, "name");
        Map<String, Object> host = partner("second-host-" + n, "Second Host " + n);
        host.put("kind", "HOST");
        assertProblem(api.as("admin").post("/api/organisations", host), HttpStatus.CONFLICT, "kind");
        Map<String, Object> bad = partner("Bad Id", "");
        bad.put("timeZone", "Mars/Olympus");
        bad.put("workingHours", "nine to five");
        assertProblem(api.as("admin").post("/api/organisations", bad), HttpStatus.BAD_REQUEST, "id", "name", "workingHours");
        Map<String, Object> zone = partner("zone-" + n, "Zone " + n);
        zone.put("timeZone", "Mars/Olympus");
        assertProblem(api.as("admin").post("/api/organisations", zone), HttpStatus.BAD_REQUEST, "timeZone");
        Map<String, Object> domain = partner("domain-" + n, "Domain " + n);
        domain.put("emailDomain", "globex.example");
        assertProblem(api.as("admin").post("/api/organisations", domain), HttpStatus.CONFLICT, "emailDomain");
        assertThat(api.as("alice").get("/api/organisations").getBody().findValuesAsText("id")).doesNotContain("domain-" + n);
    }

    private static Map<String, Object> partner(String id, String name) {
        Map<String, Object> partner = new HashMap<>();
        partner.put("id", id);
        partner.put("name", name);
        partner.put("kind", "PARTNER");
        partner.put("timeZone", "America/Los_Angeles");
        partner.put("workingHours", "09:00-17:00");
        return partner;
    }
}

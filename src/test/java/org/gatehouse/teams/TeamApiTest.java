package org.gatehouse.teams;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gatehouse.teams.TeamFixtures.team;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;

import org.camunda.bpm.engine.IdentityService;
import org.gatehouse.HttpTest;
import org.gatehouse.directory.PersonService;
import org.gatehouse.experts.ExpertFixtures;
import org.gatehouse.platform.ConfigurationVersion;
import org.gatehouse.platform.ConfigurationVersions;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/** C8 over HTTP: experts create and edit teams, each a Camunda group team-<slug>, and add experts to them. */
class TeamApiTest extends HttpTest {

    private static final AtomicInteger TEAM = new AtomicInteger();

    @Autowired ExpertFixtures experts;
    @Autowired IdentityService identity;
    @Autowired ConfigurationVersions versions;

    @Test
    void anExpertCreatesEditsAndStaffsATeam() {
        String expert = experts.newExpert();
        String colleague = experts.newExpert();
        String slug = "hr-france-" + TEAM.incrementAndGet();

        ResponseEntity<JsonNode> created = api.as(expert).post("/api/teams", team(slug, "HR France", List.of(expert)));
        assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(created.getHeaders().getLocation()).hasPath("/api/teams/" + slug);
        JsonNode team = created.getBody();
        assertThat(team.get("group").asText()).isEqualTo("team-" + slug);
        assertThat(team.get("firstResponseTarget").asText()).isEqualTo("PT4H");
        assertThat(team.get("resolutionTarget").asText()).isEqualTo("P2D");
        assertThat(team.get("members").findValuesAsText("id")).containsExactly(expert);
        assertThat(team.get("createdBy").asText()).isEqualTo(expert);
        assertThat(identity.createGroupQuery().groupId("team-" + slug).singleResult().getName()).isEqualTo("HR France");
        assertThat(identity.createUserQuery().memberOfGroup("team-" + slug).list()).extracting(u -> u.getId())
                .containsExactly(expert);

        assertThat(api.as(expert).put("/api/teams/" + slug + "/members/" + colleague, null).getBody()
                .get("members").findValuesAsText("id")).containsExactlyInAnyOrder(expert, colleague);
        assertThat(identity.createUserQuery().memberOfGroup("team-" + slug).userId(colleague).count()).isOne();

        Map<String, Object> edit = team(null, "HR France and Benelux", List.of(colleague));
        edit.put("businessHours", "08:30-18:00");
        edit.put("timeZone", "Europe/Brussels");
        edit.put("firstResponseTarget", "PT2H");
        ResponseEntity<JsonNode> edited = api.as(colleague).put("/api/teams/" + slug, edit);
        assertThat(edited.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(edited.getBody().get("name").asText()).isEqualTo("HR France and Benelux");
        assertThat(edited.getBody().get("businessHours").asText()).isEqualTo("08:30-18:00");
        assertThat(edited.getBody().get("timeZone").asText()).isEqualTo("Europe/Brussels");
        assertThat(edited.getBody().get("updatedBy").asText()).isEqualTo(colleague);
        assertThat(edited.getBody().get("members").findValuesAsText("id")).containsExactly(colleague);
        assertThat(identity.createUserQuery().memberOfGroup("team-" + slug).userId(expert).count()).as("left the team").isZero();
        assertThat(identity.createGroupQuery().groupId("team-" + slug).singleResult().getName()).isEqualTo("HR France and Benelux");

        assertThat(api.as(expert).get("/api/teams/" + slug).getBody().get("name").asText()).isEqualTo("HR France and Benelux");
        assertThat(api.as(expert).get("/api/teams").getBody().findValuesAsText("slug")).contains(slug);
        rest.withBasicAuth(expert, expert).delete("/api/teams/" + slug + "/members/" + colleague);
        assertThat(api.as(expert).get("/api/teams/" + slug).getBody().get("members").size()).isZero();
    }

    @Test
    void everyChangeToATeamIsAVersionAndAnEditThatChangesNothingIsNone() {
        String expert = experts.newExpert();
        String colleague = experts.newExpert();
        String slug = "payroll-versions-" + TEAM.incrementAndGet();
        api.as(expert).post("/api/teams", team(slug, "Payroll", List.of(expert)));
        api.as(expert).put("/api/teams/" + slug + "/members/" + expert, null);
        JsonNode unchanged = api.as(colleague).put("/api/teams/" + slug, team(null, "Payroll", null)).getBody();
        assertThat(unchanged.get("updatedBy").asText()).as("no change: the last one still names its author").isEqualTo(expert);
        api.as(expert).put("/api/teams/" + slug + "/members/" + colleague, null);
        Map<String, Object> edit = team(null, "Payroll and pensions", null);
        edit.put("lead", colleague);
        api.as(colleague).put("/api/teams/" + slug, edit);
        rest.withBasicAuth(colleague, colleague).delete("/api/teams/" + slug + "/members/" + expert);

        List<ConfigurationVersion> history = versions.versions(Team.VERSION_KIND, slug);
        List<String> both = Stream.of(expert, colleague).sorted().toList();
        assertThat(history).extracting(ConfigurationVersion::version).containsExactly(1, 2, 3, 4);
        assertThat(history).extracting(ConfigurationVersion::actor).containsExactly(expert, expert, colleague, colleague);
        assertThat(history).extracting(v -> texts(v.content().get("members")))
                .containsExactly(List.of(expert), both, both, List.of(colleague));
        assertThat(history.get(0).content().toString()).isEqualTo("{\"businessHours\":\"09:00-17:00\",\"firstResponseTarget\":"
                + "\"PT4H\",\"lead\":null,\"members\":[\"" + expert + "\"],\"name\":\"Payroll\",\"resolutionTarget\":\"P2D\","
                + "\"timeZone\":\"Europe/Paris\"}");
        assertThat(history.get(2).content().get("name").asText()).isEqualTo("Payroll and pensions");
        assertThat(history.get(2).content().get("lead").asText()).isEqualTo(colleague);

        assertThat(versions.versions(PersonService.ROLES_VERSION_KIND, expert))
                .as("joining and leaving the team change the expert's roles")
                .extracting(v -> v.actor() + " " + v.content().get("roles"))
                .containsExactly("admin [\"experts\"]", expert + " [\"experts\",\"team-" + slug + "\"]",
                        colleague + " [\"experts\"]");
    }

    @Test
    void aTakenSlugIsAConflictNamingTheSlug() {
        String slug = "finance-" + TEAM.incrementAndGet();
        assertThat(api.as("admin").post("/api/teams", team(slug, "Finance", List.of())).getStatusCode())
                .isEqualTo(HttpStatus.CREATED);
        ResponseEntity<JsonNode> taken = api.as("admin").post("/api/teams", team(slug, "Finance again", List.of()));
        assertThat(taken.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(taken.getHeaders().getContentType().toString()).startsWith("application/problem+json");
        assertThat(taken.getBody().get("errors").findValuesAsText("field")).containsExactly("slug");
        assertThat(api.as("admin").get("/api/teams/" + slug).getBody().get("name").asText()).isEqualTo("Finance");
    }

    @Test
    void theLeadIsAMemberOfTheTeam() {
        String lead = experts.newExpert();
        String outsider = experts.newExpert();
        String slug = "payroll-" + TEAM.incrementAndGet();
        Map<String, Object> draft = team(slug, "Payroll", List.of(lead));
        draft.put("lead", outsider);
        assertField(api.as("admin").post("/api/teams", draft), HttpStatus.BAD_REQUEST, "lead");
        draft.put("lead", lead);
        assertThat(api.as("admin").post("/api/teams", draft).getBody().get("lead").asText()).isEqualTo(lead);

        Map<String, Object> withoutLead = team(null, "Payroll", List.of(outsider));
        withoutLead.put("lead", lead);
        assertField(api.as("admin").put("/api/teams/" + slug, withoutLead), HttpStatus.BAD_REQUEST, "lead");
        assertThat(api.as("admin").get("/api/teams/" + slug).getBody().get("members").findValuesAsText("id"))
                .as("the refused edit changed nothing").containsExactly(lead);
    }

    @Test
    void nonExpertsAreRefused() {
        String slug = "legal-" + TEAM.incrementAndGet();
        assertThat(api.as("alice").post("/api/teams", team(slug, "Legal", List.of())).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(api.as("bob").get("/api/teams").getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(api.as("alice").put("/api/teams/" + slug + "/members/alice", null).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(api.as("admin").get("/api/teams/" + slug).getStatusCode()).as("never created").isEqualTo(HttpStatus.NOT_FOUND);
    }

    @Test
    void badInputNamesTheFieldAndChangesNothing() {
        String expert = experts.newExpert();
        String notAnExpert = experts.newEmployee();
        String slug = "it-" + TEAM.incrementAndGet();
        assertField(api.as(expert).post("/api/teams", team("Not A Slug", "IT", List.of())), HttpStatus.BAD_REQUEST, "slug");
        assertField(api.as(expert).post("/api/teams", with(team(slug, "IT", List.of()), "timeZone", "Mars/Olympus")),
                HttpStatus.BAD_REQUEST, "timeZone");
        assertField(api.as(expert).post("/api/teams", with(team(slug, "IT", List.of()), "businessHours", "18:00-09:00")),
                HttpStatus.BAD_REQUEST, "businessHours");
        assertField(api.as(expert).post("/api/teams", with(team(slug, "IT", List.of()), "businessHours", "9 to 5")),
                HttpStatus.BAD_REQUEST, "businessHours");
        assertField(api.as(expert).post("/api/teams", with(team(slug, "IT", List.of()), "firstResponseTarget", "4 hours")),
                HttpStatus.BAD_REQUEST, "firstResponseTarget");
        assertField(api.as(expert).post("/api/teams", with(team(slug, "IT", List.of()), "resolutionTarget", "PT1H")),
                HttpStatus.BAD_REQUEST, "resolutionTarget");
        assertField(api.as(expert).post("/api/teams", team(slug, "IT", List.of(expert, notAnExpert))), HttpStatus.CONFLICT,
                "members");
        assertField(api.as(expert).post("/api/teams", team(slug, "IT", List.of("nobody-at-all"))), HttpStatus.BAD_REQUEST,
                "members");
        assertThat(api.as(expert).get("/api/teams/" + slug).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(identity.createGroupQuery().groupId("team-" + slug).count()).isZero();
        assertThat(identity.createUserQuery().userId(expert).memberOfGroup("team-" + slug).count()).isZero();

        api.as(expert).post("/api/teams", team(slug, "IT", List.of(expert)));
        assertField(api.as(expert).put("/api/teams/" + slug + "/members/" + notAnExpert, null), HttpStatus.CONFLICT, "personId");
        assertField(api.as(expert).put("/api/teams/" + slug, team("other-slug", "IT", null)), HttpStatus.BAD_REQUEST, "slug");
        assertThat(api.as(expert).get("/api/teams/" + slug).getBody().get("members").findValuesAsText("id"))
                .containsExactly(expert);
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(item -> texts.add(item.asText()));
        return texts;
    }

    private static Map<String, Object> with(Map<String, Object> body, String field, Object value) {
        body.put(field, value);
        return body;
    }

    private static void assertField(ResponseEntity<JsonNode> response, HttpStatus status, String field) {
        assertThat(response.getStatusCode()).as(response.getBody() == null ? "" : response.getBody().toString()).isEqualTo(status);
        assertThat(response.getBody().get("errors").findValuesAsText("field")).containsExactly(field);
    }
}

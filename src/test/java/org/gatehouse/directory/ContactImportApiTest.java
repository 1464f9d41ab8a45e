package org.gatehouse.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gatehouse.directory.ImportAssertions.assertRefused;

import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.JsonNode;

import org.camunda.bpm.engine.IdentityService;
import org.gatehouse.HttpTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Chat contacts imported through the API (C5): Slack's users.list and a Teams member export, outside contacts included. */
class ContactImportApiTest extends HttpTest {

    private static final AtomicInteger BATCH = new AtomicInteger();
    private static final String HR_HEADER = "Employee ID,First name,Last name,Email,Status\n";

    @Autowired JdbcClient jdbc;
    @Autowired IdentityService identity;
    @Autowired OrganisationService organisations;

    /** A users.list answer as Slack gives it, for workspace T0ACME; {@code b} keeps each test's people apart. */
    private static String slackExport(String b) {
        String u = b.toUpperCase();
        return """
                {"ok": true, "members": [
                  {"id": "U%1$sEMP", "team_id": "T0ACME", "name": "emma", "deleted": false, "is_bot": false,
                   "real_name": "Emma Employee", "tz": "Europe/Paris", "is_restricted": false, "is_ultra_restricted": false,
                   "profile": {"email": "%2$s.Emma@ACME.example", "first_name": "Emma", "last_name": "Employee",
                               "real_name": "Emma Employee", "title": "Accountant"}},
                  {"id": "U%1$sHOST", "team_id": "T0ACME", "name": "hugo", "deleted": false, "is_bot": false,
                   "real_name": "Hugo Host", "profile": {"email": "%2$s.hugo@acme.example", "first_name": "",
                   "last_name": "", "real_name": "Hugo de la Host", "title": ""}},
                  {"id": "U%1$sGINA", "team_id": "T0GLOBEX", "name": "gina", "deleted": false, "is_bot": false,
                   "is_stranger": true, "real_name": "Gina Globex",
                   "profile": {"email": "%2$s.gina@globex.example", "first_name": "Gina", "last_name": "Globex"}},
                  {"id": "U%1$sHANK", "team_id": "T0HOOLI", "name": "hank", "deleted": false, "is_bot": false,
                   "real_name": "Hank Hooli", "tz": "America/Los_Angeles",
                   "profile": {"email": "hank@%2$shooli.example", "first_name": "Hank", "last_name": "Hooli"}},
                  {"id": "U%1$sGUS", "team_id": "T0ACME", "name": "gus", "deleted": false, "is_bot": false,
                   "is_restricted": true, "real_name": "Gus Guest",
                   "profile": {"email": "gus@%2$shooli.example", "first_name": "Gus", "last_name": "Guest"}},
                  {"id": "USLACKBOT", "team_id": "T0ACME", "name": "slackbot", "deleted": false, "is_bot": false,
                   "profile": {"first_name": "slackbot", "real_name": "Slackbot"}},
                  {"id": "U%1$sBOT", "team_id": "T0ACME", "name": "deploybot", "deleted": false, "is_bot": true,
                   "profile": {"real_name": "Deploy bot", "bot_id": "B1"}},
                  {"id": "U%1$sGONE", "team_id": "T0ACME", "name": "gone", "deleted": true,
                   "profile": {"email": "%2$s.gone@acme.example", "real_name": "Gone Person"}}
                ], "cache_ts": 1700000000, "response_metadata": {"next_cursor": ""}}""".formatted(u, b);
    }

    @Test
    void aSlackExportBringsContactsWithTheirOrganisationsAndJoinsEmployeesByEmail() {
        String b = batchWithEmma("cs");
        String u = b.toUpperCase();
        long organisationCount = count("organisation");

        ResponseEntity<JsonNode> imported = upload("slack", slackExport(b), MediaType.APPLICATION_JSON);
        assertThat(imported.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        JsonNode report = imported.getBody();
        assertThat(report.get("kind").asText()).isEqualTo("SLACK_CONTACTS");
        assertThat(report.get("totalRows").asInt()).isEqualTo(8);
        assertThat(report.get("created").asInt()).as("hugo, gina, hank, gus").isEqualTo(4);
        assertThat(report.get("updated").asInt()).as("emma joins the employee").isEqualTo(1);
        assertThat(report.get("skipped").asInt()).as("Slackbot, a bot, a deleted account").isEqualTo(3);
        assertThat(report.get("processed").asInt()).isEqualTo(8);

        JsonNode emma = person(b + "-emma");
        assertThat(emma.get("slackUserId").asText()).isEqualTo("U" + u + "EMP");
        assertThat(emma.get("kind").asText()).isEqualTo("EMPLOYEE");
        assertThat(emma.get("position").isNull()).as("HR's details stay HR's").isTrue();
        assertThat(identity.createUserQuery().userId(b + "-emma").memberOfGroup("requesters").count()).isEqualTo(1);

        JsonNode hugo = person("slack-U" + u + "HOST");
        assertThat(hugo.get("kind").asText()).isEqualTo("CONTACT");
        assertThat(hugo.get("organisationId").asText()).isEqualTo("acme");
        assertThat(hugo.get("firstName").asText() + "|" + hugo.get("lastName").asText()).isEqualTo("Hugo de la|Host");
        assertThat(person("slack-U" + u + "GINA").get("organisationId").asText()).as("Slack Connect user").isEqualTo("globex");

        Organisation hooli = organisations.findByEmailDomain(b + "hooli.example").orElseThrow();
        assertThat(hooli.kind()).isEqualTo(Organisation.Kind.PARTNER);
        assertThat(hooli.name()).isEqualTo(b + "hooli.example");
        JsonNode hank = person("slack-U" + u + "HANK");
        assertThat(hank.get("organisationId").asText()).as("another team").isEqualTo(hooli.id());
        assertThat(hank.get("timeZone").asText()).isEqualTo("America/Los_Angeles");
        assertThat(person("slack-U" + u + "GUS").get("organisationId").asText()).as("a guest").isEqualTo(hooli.id());
        assertThat(count("organisation")).as("one new partner for the new domain").isEqualTo(organisationCount + 1);

        JsonNode ginaEntry = api.as("admin").get("/api/directory/people/slack-U" + u + "GINA").getBody();
        assertThat(ginaEntry.get("groups").size()).isZero();
        assertThat(ginaEntry.get("source").asText()).isEqualTo("SLACK_IMPORT");
        assertThat(api.as("admin").get("/api/directory/people/" + b + "-emma").getBody().get("source").asText())
                .as("joined, still from HR").isEqualTo("HR_IMPORT");
        assertThat(api.as("admin").get("/api/directory/people/alice").getBody().get("source").asText()).isEqualTo("MANUAL");
        assertThat(identity.createUserQuery().userIdIn("slack-U" + u + "HOST", "slack-U" + u + "GINA").count())
                .as("contacts never get an account").isZero();
        assertThat(api.as("admin").get("/api/directory/people/slack-U" + u + "BOT").getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(api.as("admin").get("/api/directory/people/slack-USLACKBOT").getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);

        String id = imported.getHeaders().getLocation().getPath();
        assertThat(api.as("admin").get(id).getBody().get("status").asText()).isEqualTo("COMPLETED");

        JsonNode again = upload("slack", slackExport(b), MediaType.APPLICATION_JSON).getBody();
        assertThat(again.get("unchanged").asInt()).isEqualTo(5);
        assertThat(again.get("created").asInt() + again.get("updated").asInt()).isZero();
        assertThat(again.get("skipped").asInt()).isEqualTo(3);
        assertThat(count("organisation")).isEqualTo(organisationCount + 1);
    }

    @Test
    void aTeamsExportMarksGuestsAsOutsideContactsAndJoinsPeopleTheDirectoryKnows() {
        String b = batchWithEmma("ct");
        String u = b.toUpperCase();
        upload("slack", slackExport(b), MediaType.APPLICATION_JSON);
        // Entra object ids, one series per test: <prefix>-0000-4000-8000-00000000000<n>
        String ids = String.format("%08x", b.hashCode());
        String csv = """
                Id,Display Name,Mail,User Principal Name,User Type,Job Title,Account Enabled,Usage Location
                %1$s-0000-4000-8000-000000000001,Emma Employee,%2$s.emma@acme.example,%2$s.emma@acme.example,Member,Accountant,true,FR
                %1$s-0000-4000-8000-000000000002,Tom Teams,,%2$s.tom@acme.example,Member,Engineer,true,FR
                %1$s-0000-4000-8000-000000000003,Ivy Initech,,ivy.%2$s_initech.example#EXT#@acme.onmicrosoft.com,Guest,,true,US
                %1$s-0000-4000-8000-000000000004,Gina Globex,%2$s.gina@globex.example,gina_globex.example#EXT#@acme.onmicrosoft.com,Guest,,true,US
                %1$s-0000-4000-8000-000000000005,Old Account,%2$s.old@acme.example,%2$s.old@acme.example,Member,,false,FR
                """.formatted(ids, b);

        ResponseEntity<JsonNode> imported = upload("teams", csv, MediaType.parseMediaType("text/csv"));
        assertThat(imported.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        JsonNode report = imported.getBody();
        assertThat(report.get("kind").asText()).isEqualTo("TEAMS_CONTACTS");
        assertThat(report.get("created").asInt()).as("tom, ivy").isEqualTo(2);
        assertThat(report.get("updated").asInt()).as("emma and gina join").isEqualTo(2);
        assertThat(report.get("skipped").asInt()).as("a disabled account").isEqualTo(1);

        assertThat(person(b + "-emma").get("teamsUserId").asText()).isEqualTo(ids + "-0000-4000-8000-000000000001");
        JsonNode gina = person("slack-U" + u + "GINA");
        assertThat(gina.get("teamsUserId").asText()).as("the Slack contact, now known on Teams too").isEqualTo(ids + "-0000-4000-8000-000000000004");
        String tomId = "teams-" + ids + "-0000-4000-8000-000000000002";
        assertThat(person(tomId).get("organisationId").asText()).isEqualTo("acme");
        assertThat(person(tomId).get("email").asText()).as("the UPN when there is no mail").isEqualTo(b + ".tom@acme.example");
        JsonNode ivy = person("teams-" + ids + "-0000-4000-8000-000000000003");
        assertThat(ivy.get("email").asText()).as("a guest's UPN stands for their address").isEqualTo("ivy." + b + "@initech.example");
        assertThat(ivy.get("organisationId").asText()).isEqualTo("initech");
        assertThat(ivy.get("kind").asText()).isEqualTo("CONTACT");

        JsonNode again = upload("teams", csv, MediaType.parseMediaType("text/csv")).getBody();
        assertThat(again.get("unchanged").asInt()).isEqualTo(4);
        assertThat(again.get("created").asInt() + again.get("updated").asInt()).isZero();
    }

    @Test
    void badExportsAreRefusedWithLineAndReasonAndChangeNothing() {
        String b = batchWithEmma("cx");
        String u = b.toUpperCase();
        long people = count("person");
        long organisations = count("organisation");

        ResponseEntity<JsonNode> refused = upload("slack", """
                {"ok": true, "members": [
                  {"id": "U%1$sA", "team_id": "T0ACME", "profile": {"email": "%2$s.a@acme.example", "real_name": "A A"}},
                  {"id": "U%1$sB", "team_id": "T0ACME", "profile": {"real_name": "No Email"}},
                  {"id": "U%1$sA", "team_id": "T0ACME", "profile": {"email": "%2$s.a2@acme.example", "real_name": "A Again"}},
                  {"id": "U%1$sC", "team_id": "T0ACME", "profile": {"email": "not-an-address", "real_name": "C C"}},
                  {"id": "U%1$sD", "team_id": "T0NEW", "profile": {"email": "d@%2$snew.example", "real_name": "D D"}}
                ]}""".formatted(u, b), MediaType.APPLICATION_JSON);
        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat(refused.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        JsonNode report = refused.getBody().get("report");
        assertThat(report.get("status").asText()).isEqualTo("REFUSED");
        assertThat(report.get("refusals").findValuesAsText("line")).containsExactly("2", "3", "4");
        assertThat(report.get("refusals").get(0).get("reason").asText()).contains("email must not be blank");
        assertThat(report.get("refusals").get(1).get("reason").asText()).contains("id U" + u + "A is also on line 1");
        assertThat(report.get("refusals").get(2).get("reason").asText()).contains("email");
        assertThat(refused.getBody().get("errors").get(0).get("field").asText()).isEqualTo("line 2");

        assertRefused(upload("slack", "{\"ok\": false, \"error\": \"missing_scope\"}", MediaType.APPLICATION_JSON),
                "1", "missing_scope");
        assertRefused(upload("slack", "{\"ok\": true, \"members\": [", MediaType.APPLICATION_JSON), null, "Malformed JSON");
        assertRefused(upload("slack", "[{\"employee_id\": \"x\"}]", MediaType.APPLICATION_JSON), "1", "email must not be blank");
        assertRefused(upload("teams", "Id,Display Name,Mail\nabc,Tom,tom@acme.example\n", MediaType.parseMediaType("text/csv")),
                "1", "Missing columns: user type or role");
        assertRefused(upload("teams", "Display Name,Mail,User Type\nTom,tom@acme.example,Member\n",
                MediaType.parseMediaType("text/csv")), "1", "Missing columns: id");
        assertRefused(upload("teams", "Id,Mail,User Type\n" + b + "-1,\"tom@acme.example,Member\n",
                MediaType.parseMediaType("text/csv")), null, "Malformed CSV");
        assertRefused(upload("teams", "Id,Mail,User Type\n{not a guid},tom@acme.example,Member\n",
                MediaType.parseMediaType("text/csv")), "2", "id must be letters and digits");

        assertThat(count("person")).as("nothing half-imported").isEqualTo(people);
        assertThat(count("organisation")).as("no partner created for a refused file").isEqualTo(organisations);
    }

    @Test
    void aContactWhoseEmailBelongsToSomeoneElseOnThePlatformIsRefused() {
        String b = batchWithEmma("cy");
        String u = b.toUpperCase();
        upload("slack", slackExport(b), MediaType.APPLICATION_JSON);
        JsonNode report = upload("slack", """
                {"ok": true, "members": [{"id": "U%sOTHER", "team_id": "T0ACME",
                  "profile": {"email": "%s.emma@acme.example", "real_name": "Emma Impostor"}}]}""".formatted(u, b),
                MediaType.APPLICATION_JSON).getBody().get("report");
        assertThat(report.get("refusals").get(0).get("reason").asText())
                .contains("belongs to " + b + "-emma, who is Slack user U" + u + "EMP already");
    }

    @Test
    void onlyAdminsImportContactsAndTheKindMustBeKnown() {
        assertThat(api.as("carol").postRaw("/api/directory/imports?kind=slack", "{\"ok\": true, \"members\": []}")
                .getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(api.as("alice").postRaw("/api/directory/imports?kind=teams", "Id\n", MediaType.parseMediaType("text/csv"))
                .getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        ResponseEntity<JsonNode> unknown = upload("discord", "[]", MediaType.APPLICATION_JSON);
        assertThat(unknown.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(unknown.getBody().get("errors").get(0).get("field").asText()).isEqualTo("kind");
    }

    /** A prefix for one test's people, and its employee Emma ({@code <b>-emma}, {@code <b>.emma@acme.example}) from HR. */
    private String batchWithEmma(String prefix) {
        String b = prefix + BATCH.incrementAndGet();
        assertThat(api.as("admin").postRaw("/api/directory/imports?source=test", HR_HEADER + b + "-emma,Emma,Employee," + b
                + ".emma@acme.example,active\n", MediaType.parseMediaType("text/csv")).getStatusCode()).isEqualTo(HttpStatus.CREATED);
        return b;
    }

    private ResponseEntity<JsonNode> upload(String kind, String body, MediaType type) {
        return api.as("admin").postRaw("/api/directory/imports?source=test&kind=" + kind, body, type);
    }

    private JsonNode person(String id) {
        ResponseEntity<JsonNode> response = api.as("admin").get("/api/directory/people/" + id);
        assertThat(response.getStatusCode()).as(id).isEqualTo(HttpStatus.OK);
        return response.getBody().get("person");
    }

    private long count(String table) {
        return ImportAssertions.count(jdbc, table);
    }
}

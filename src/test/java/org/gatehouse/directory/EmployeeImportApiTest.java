package org.gatehouse.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gatehouse.directory.ImportAssertions.assertRefused;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;

import com.fasterxml.jackson.databind.JsonNode;

import org.camunda.bpm.engine.IdentityService;
import org.gatehouse.HttpTest;
import org.gatehouse.experts.ExpertFixtures;
import org.gatehouse.platform.ConfigurationVersions;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

/** HR imports through the API, the directory as the source of identity, and deactivation. */
class EmployeeImportApiTest extends HttpTest {

    private static final AtomicInteger BATCH = new AtomicInteger();
    private static final String HEADER = "Employee ID,First name,Last name,Email,Position,Department,Supervisor,Office,Time zone,Status";

    @Autowired JdbcClient jdbc;
    @Autowired IdentityService identity;
    @Autowired ExpertFixtures experts;
    @Autowired ConfigurationVersions versions;

    @Test
    void twoThousandEmployeesWithBadRowsAreRefusedByLineThenImportedOnceCorrected() {
        String batch = "b" + BATCH.incrementAndGet();
        IntFunction<String> row = i -> String.join(",", batch + "-" + i, "First" + i, "Last" + i,
                batch + "." + i + "@acme.example", "Analyst", i % 2 == 0 ? "Finance" : "HR", i == 1 ? "" : batch + "-1",
                "Paris", "Europe/Paris", i % 10 == 0 ? "inactive" : "active");
        StringBuilder bad = new StringBuilder(HEADER).append('\n');
        StringBuilder good = new StringBuilder(HEADER).append('\n');
        for (int i = 1; i <= 2000; i++) {
            String line = row.apply(i);
            good.append(line).append('\n');
            bad.append(switch (i) {
                case 500 -> line.replace(batch + ".500@acme.example", "not-an-address");
                case 1500 -> line.replace("Europe/Paris", "Mars/Olympus");
                default -> line;
            }).append('\n');
        }
        long people = count("person");

        ResponseEntity<JsonNode> refused = upload(bad.toString(), "text/csv");
        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        JsonNode report = refused.getBody().get("report");
        assertThat(report.get("status").asText()).isEqualTo("REFUSED");
        assertThat(report.get("refused").asInt()).isEqualTo(2);
        assertThat(report.get("refusals").findValuesAsText("line")).containsExactly("501", "1501");
        assertThat(report.get("refusals").get(0).get("reason").asText()).contains("email");
        assertThat(report.get("refusals").get(1).get("reason").asText()).contains("Mars/Olympus");
        assertThat(count("person")).as("nothing half-imported").isEqualTo(people);

        ResponseEntity<JsonNode> imported = upload(good.toString(), "text/csv");
        assertThat(imported.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(imported.getBody().get("created").asInt()).isEqualTo(2000);
        assertThat(imported.getBody().get("processed").asInt()).isEqualTo(2000);
        assertThat(count("person")).isEqualTo(people + 2000);
        assertThat(identity.createUserQuery().userId(batch + "-9").memberOfGroup("requesters").count()).isEqualTo(1);
        assertThat(identity.createUserQuery().userId(batch + "-10").count()).as("inactive: no access").isZero();
        String id = imported.getHeaders().getLocation().getPath();
        assertThat(api.as("admin").get(id).getBody().get("status").asText()).isEqualTo("COMPLETED");

        JsonNode again = upload(good.toString(), "text/csv").getBody();
        assertThat(again.get("unchanged").asInt()).isEqualTo(2000);
        assertThat(again.get("created").asInt() + again.get("updated").asInt()).isZero();

        JsonNode changed = upload(HEADER + "\n" + row.apply(1) + "\n" + row.apply(2).replace("Analyst", "Manager") + "\n",
                "text/csv").getBody();
        assertThat(changed.get("updated").asInt()).isEqualTo(1);
        assertThat(changed.get("unchanged").asInt()).isEqualTo(1);
        assertThat(api.as("admin").get("/api/directory/people/" + batch + "-2").getBody().get("person").get("position")
                .asText()).isEqualTo("Manager");
    }

    @Test
    void jsonExportsImportLikeCsv() {
        String id = "j" + BATCH.incrementAndGet();
        ResponseEntity<JsonNode> imported = upload("""
                [{"employee_id": "%s", "first_name": "Jo", "last_name": "Json", "email": "%s@acme.example",
                  "department": "IT", "time_zone": "Europe/Berlin", "status": "Active"}]""".formatted(id, id), "application/json");
        assertThat(imported.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(identity.createUserQuery().userId(id).singleResult().getEmail()).isEqualTo(id + "@acme.example");
    }

    @Test
    void badFilesAreRefusedWholeAndChangeNothing() {
        String b = "x" + BATCH.incrementAndGet();
        long people = count("person");
        assertRefused(upload(HEADER + ",Shoe size\n" + b + "-1,A,B," + b + "@acme.example,,,,,,active,42\n", "text/csv"),
                "1", "Unknown columns: Shoe size");
        assertRefused(upload(HEADER + "\n" + b + "-1,\"A,B," + b + "@acme.example,,,,,,active\n", "text/csv"), null, "Malformed CSV");
        assertRefused(upload(HEADER + "\n" + b + "-1,A,B," + b + "a@acme.example,,,,,,active\n"
                + b + "-1,C,D," + b + "b@acme.example,,,,,,active\n", "text/csv"), "3", "is also on line 2");
        assertRefused(upload(HEADER + "\n" + b + "-1,A,B,not-an-email,,,,,,active\n", "text/csv"), "2", "email");
        assertRefused(upload(HEADER + "\n" + b + "-1,A,B," + b + "@acme.example,,,nobody-here,,,active\n", "text/csv"), "2",
                "supervisor nobody-here");
        assertRefused(upload("[{\"employee_id\": ", "application/json"), null, "Malformed JSON");
        assertThat(count("person")).isEqualTo(people);
    }

    @Test
    void onlyAdminsImport() {
        assertThat(upload(HEADER + "\n", "text/csv", "carol").getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    }

    @Test
    void aDeactivatedPersonLosesAccessAtOnceAndKeepsTheirHistory() {
        String id = "d" + BATCH.incrementAndGet();
        upload(HEADER + "\n" + id + ",Dee,Active," + id + "@acme.example,,,,,,active\n", "text/csv");
        experts.setPassword(id);
        assertThat(api.as(id).get("/api/sharing-policy").getStatusCode()).isEqualTo(HttpStatus.OK);

        assertThat(api.as("admin").post("/api/directory/people/" + id + "/deactivate", null).getStatusCode())
                .isEqualTo(HttpStatus.OK);
        assertThat(api.as(id).get("/api/sharing-policy").getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        JsonNode person = api.as("admin").get("/api/directory/people/" + id).getBody();
        assertThat(person.get("person").get("status").asText()).isEqualTo("INACTIVE");
        assertThat(person.get("groups").size()).isZero();
    }

    @Test
    void rolesGrantedInTheDirectoryAreTheEnginesGroups() {
        String id = "r" + BATCH.incrementAndGet();
        upload(HEADER + "\n" + id + ",Rae,Role," + id + "@acme.example,,,,,,active\n", "text/csv");
        assertThat(api.as("admin").put("/api/directory/people/" + id + "/roles/legal", null).getBody().toString())
                .contains("legal", "requesters");
        assertThat(identity.createUserQuery().userId(id).memberOfGroup("legal").count()).isEqualTo(1);
        assertThat(api.as("admin").put("/api/directory/people/" + id + "/roles/Not A Group", null).getStatusCode())
                .isEqualTo(HttpStatus.BAD_REQUEST);
        rest.withBasicAuth("admin", "admin").delete("/api/directory/people/" + id + "/roles/legal");
        assertThat(identity.createUserQuery().userId(id).memberOfGroup("legal").count()).isZero();
        assertThat(api.as("admin").put("/api/directory/people/" + id + "/roles/auditors", null).getBody().toString())
                .as("auditors read history and nothing else").doesNotContain("requesters");
    }

    @Test
    void aGrantAndARevocationAreEachAVersionOfThePersonsRolesNamingTheAdmin() {
        String id = "v" + BATCH.incrementAndGet();
        upload(HEADER + "\n" + id + ",Vic,Version," + id + "@acme.example,,,,,,active\n", "text/csv");
        assertThat(versions.versions(PersonService.ROLES_VERSION_KIND, id)).as("an import grants no role").isEmpty();

        api.as("admin").put("/api/directory/people/" + id + "/roles/legal", null);
        api.as("admin").put("/api/directory/people/" + id + "/roles/legal", null);
        rest.withBasicAuth("admin", "admin").delete("/api/directory/people/" + id + "/roles/legal");
        rest.withBasicAuth("admin", "admin").delete("/api/directory/people/" + id + "/roles/legal");

        assertThat(versions.versions(PersonService.ROLES_VERSION_KIND, id))
                .as("granting a role held, or revoking one not held, is no change")
                .extracting(v -> v.version() + " " + v.actor() + " " + v.content())
                .containsExactly("1 admin {\"roles\":[\"legal\"]}", "2 admin {\"roles\":[]}");
        assertThat(jdbc.sql("select count(*) from person_role where person_id = ?").param(id).query(Long.class).single())
                .as("the role is gone; its grant and revocation are in the versions").isZero();
    }

    private ResponseEntity<JsonNode> upload(String body, String contentType) {
        return upload(body, contentType, "admin");
    }

    private ResponseEntity<JsonNode> upload(String body, String contentType, String user) {
        return api.as(user).postRaw("/api/directory/imports?source=test", body, MediaType.parseMediaType(contentType));
    }

    private long count(String table) {
        return ImportAssertions.count(jdbc, table);
    }
}

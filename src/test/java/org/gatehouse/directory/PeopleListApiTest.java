package org.gatehouse.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gatehouse.Api.assertProblem;

import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;

import org.gatehouse.HttpTest;
import org.gatehouse.WebappSession;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatus;

/** Admins page through the directory and the imports, with search and filters, and see each person's groups. */
class PeopleListApiTest extends HttpTest {

    @Autowired PersonService people;
    @LocalServerPort int port;

    @Test
    void theDirectoryIsSearchedFilteredAndPagedByName() {
        String tag = "Zq" + UUID.randomUUID().toString().substring(0, 6);
        List<String> ids = List.of(person(tag, "Adams"), person(tag, "Baker"), person(tag, "Clark"));
        api.as("admin").post("/api/directory/people/" + ids.get(1) + "/deactivate", null);
        api.as("admin").put("/api/directory/people/" + ids.get(2) + "/roles/legal", null);

        JsonNode first = list("?q=" + tag.toLowerCase() + "&size=2");
        assertThat(first.get("total").asLong()).as("the search ignores case").isEqualTo(3);
        assertThat(first.get("entries").findValuesAsText("id")).containsExactly(ids.get(0), ids.get(1));
        assertThat(list("?q=" + tag + "&size=2&page=1").get("entries").findValuesAsText("id")).containsExactly(ids.get(2));

        JsonNode inactive = list("?q=" + tag + "&status=INACTIVE");
        assertThat(inactive.get("entries").findValuesAsText("id")).containsExactly(ids.get(1));
        assertThat(inactive.get("entries").get(0).get("groups")).as("an inactive employee requests nothing").isEmpty();
        JsonNode legal = list("?q=" + tag + "&role=legal").get("entries");
        assertThat(legal.findValuesAsText("id")).containsExactly(ids.get(2));
        assertThat(legal.get(0).get("groups").toString()).contains("legal", "requesters");
        assertThat(list("?q=" + ids.get(0) + "@acme.example").get("entries").findValuesAsText("id"))
                .as("by e-mail").containsExactly(ids.get(0));
        assertThat(list("?q=" + tag.substring(0, 3) + "_" + tag.substring(4)).get("total").asLong())
                .as("_ is a character, not a wildcard").isZero();

        assertProblem(api.as("admin").get("/api/directory/people?size=0"), HttpStatus.BAD_REQUEST, "size");
        assertProblem(api.as("admin").get("/api/directory/people?page=-1"), HttpStatus.BAD_REQUEST, "page");
        assertThat(api.as("admin").get("/api/directory/people?status=GONE").getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(api.as("bob").get("/api/directory/people?q=" + tag).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    }

    @Test
    void theImportsAreListedNewestFirstWithTheirCounts() {
        String file = "employee id,first name,last name,email,status\n";
        String id = api.as("admin").postRaw("/api/directory/imports?source=list-test",
                file + "lt-" + UUID.randomUUID().toString().substring(0, 8) + ",Lia,Test,not-an-address,active\n",
                org.springframework.http.MediaType.parseMediaType("text/csv")).getBody().path("report").path("id").asText();

        JsonNode imports = api.as("admin").get("/api/directory/imports?size=5").getBody();
        JsonNode newest = imports.get("entries").get(0);
        assertThat(newest.get("id").asText()).isEqualTo(id);
        assertThat(newest.get("status").asText()).isEqualTo("REFUSED");
        assertThat(newest.get("refused").asInt()).isEqualTo(1);
        assertThat(newest.has("refusals")).as("the report has the refused rows").isFalse();
        assertThat(imports.get("total").asLong()).isPositive();
        assertThat(api.as("lena").get("/api/directory/imports").getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    }

    /** Cockpit's people and imports views use the admin's webapp session, its CSRF token on every call (README). */
    @Test
    void adminsManageTheDirectoryFromCockpitWithTheSessionAndItsToken() throws Exception {
        String id = person("Zs" + UUID.randomUUID().toString().substring(0, 6), "Session");
        var admin = WebappSession.signIn(port, "admin", "cockpit");

        var found = admin.gatehouse("GET", "/api/directory/people?q=" + id, null);
        assertThat(found.statusCode()).as(found.body()).isEqualTo(200);
        assertThat(found.body()).contains("\"id\":\"" + id + "\"");
        assertThat(admin.gatehouse("PUT", "/api/directory/people/" + id + "/roles/legal", null).body()).contains("legal");
        assertThat(admin.gatehouseWithoutToken("POST", "/api/directory/people/" + id + "/deactivate", null).statusCode())
                .as("without the CSRF token").isEqualTo(403);
        assertThat(people.get(id).status()).as("nothing done").isEqualTo(Person.Status.ACTIVE);
        assertThat(admin.gatehouse("POST", "/api/directory/people/" + id + "/deactivate", null).statusCode()).isEqualTo(200);
        assertThat(people.get(id).status()).isEqualTo(Person.Status.INACTIVE);
        assertThat(admin.gatehouse("GET", "/api/directory/imports?size=1", null).statusCode()).isEqualTo(200);
        assertThat(admin.gatehouse("POST", "/api/directory/imports", "[]").statusCode())
                .as("an import itself takes HTTP Basic alone").isEqualTo(401);

        var workspaceAdmin = WebappSession.signIn(port, "bob", "cockpit");
        assertThat(workspaceAdmin.gatehouse("GET", "/api/directory/people?q=" + id, null).statusCode())
                .as("only admins manage the directory").isEqualTo(403);
        assertThat(WebappSession.signIn(port, "alice", "tasklist")
                .gatehouse("POST", "/api/directory/people/" + id + "/activate", null).statusCode())
                .as("an employee's session").isEqualTo(403);
        assertThat(people.get(id).status()).isEqualTo(Person.Status.INACTIVE);
    }

    private String person(String tag, String lastName) {
        String id = "pl-" + UUID.randomUUID().toString().substring(0, 8);
        people.save(new Person(id, id, tag, lastName, id + "@acme.example", "Analyst", "HR", null, "Paris", "Europe/Paris",
                Person.Status.ACTIVE, Person.Kind.EMPLOYEE, "acme", null, null));
        return id;
    }

    private JsonNode list(String query) {
        return api.as("admin").get("/api/directory/people" + query).getBody();
    }
}

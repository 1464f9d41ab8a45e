package org.gatehouse.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gatehouse.Api.assertProblem;

import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;

import org.gatehouse.HttpTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;

/** Admins page through the directory and the imports, with search and filters, and see each person's groups. */
class PeopleListApiTest extends HttpTest {

    @Autowired PersonService people;

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

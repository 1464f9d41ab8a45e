package org.gatehouse.directory;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import org.gatehouse.HttpTest;
import org.gatehouse.platform.ConfigurationVersion;
import org.gatehouse.platform.ConfigurationVersions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;

/** C2: what experts see about a requester is what admins chose, on every endpoint that shows one. */
class RequesterProfilesApiTest extends HttpTest {

    /** A place that shows a requester to an expert: a path, and where in its answer the requester is. */
    private record Shown(String path, String pointer) {
    }

    private static Long aliceTicket;

    @Autowired ConfigurationVersions versions;

    /** Every endpoint that shows a requester to an expert; each must follow the attribute policy. */
    private List<Shown> requesterEndpoints() {
        if (aliceTicket == null) {
            aliceTicket = api.as("alice").post("/api/tickets", Map.of("body", "Where is the expense policy?"))
                    .getBody().get("id").asLong();
        }
        return List.of(new Shown("/api/directory/requesters/alice", ""),
                new Shown("/api/tickets/" + aliceTicket, "/requesterProfile"));
    }

    private JsonNode requester(Shown shown) {
        return api.as("admin").get(shown.path()).getBody().at(shown.pointer());
    }

    private static final List<String> DEFAULT = List.of("name", "position", "department", "profile");

    @AfterEach
    void restoreDefault() {
        assertThat(api.as("admin").put("/api/directory/requester-attributes", Map.of("attributes", DEFAULT))
                .getStatusCode()).isEqualTo(HttpStatus.OK);
    }

    @Test
    void byDefaultExpertsSeeNamePositionDepartmentAndTheProfileLink() {
        for (Shown endpoint : requesterEndpoints()) {
            JsonNode requester = requester(endpoint);
            assertThat(fields(requester)).as(endpoint.path()).containsExactly("id", "name", "position", "department", "profile");
            assertThat(requester.get("name").asText()).isEqualTo("Alice Martin");
            assertThat(requester.get("profile").asText()).isEqualTo("/api/directory/requesters/alice");
        }
    }

    @Test
    void everyEndpointShowsWhatAdminsChoseAndNothingElse() {
        JsonNode changed = api.as("admin").put("/api/directory/requester-attributes",
                Map.of("attributes", List.of("name", "email"))).getBody();
        assertThat(changed.get("changedBy").asText()).isEqualTo("admin");
        for (Shown endpoint : requesterEndpoints()) {
            JsonNode requester = requester(endpoint);
            assertThat(fields(requester)).as(endpoint.path()).containsExactly("id", "name", "email");
            assertThat(requester.toString()).doesNotContain("Sales", "Account manager");
        }
    }

    @Test
    void eachChoiceIsAVersionAndTheSameChoiceAgainIsNone() {
        int count = versions.versions(RequesterProfiles.VERSION_KIND, "").size();
        assertThat(api.as("admin").put("/api/directory/requester-attributes", Map.of("attributes", DEFAULT))
                .getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(versions.versions(RequesterProfiles.VERSION_KIND, "")).hasSize(count);

        api.as("admin").put("/api/directory/requester-attributes", Map.of("attributes", List.of("email", "name")));
        List<ConfigurationVersion> changed = versions.versions(RequesterProfiles.VERSION_KIND, "");
        assertThat(changed).hasSize(count + 1);
        ConfigurationVersion last = changed.get(count);
        assertThat(last.actor()).isEqualTo("admin");
        assertThat(last.content().toString()).as("in display order").isEqualTo("{\"attributes\":[\"email\",\"name\"]}");
        assertThat(changed.get(count - 1).content().get("attributes").toString()).as("what it replaced")
                .isEqualTo("[\"name\",\"position\",\"department\",\"profile\"]");
    }

    @Test
    void onlyAdminsChooseAndOnlyExpertsLook() {
        assertThat(api.as("carol").put("/api/directory/requester-attributes", Map.of("attributes", List.of("email")))
                .getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        var unknown = api.as("admin").put("/api/directory/requester-attributes", Map.of("attributes", List.of("salary")));
        assertThat(unknown.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(unknown.getBody().get("errors").findValuesAsText("field")).containsExactly("attributes");
        assertThat(api.as("admin").put("/api/directory/requester-attributes", Map.of("attributes", List.of()))
                .getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        for (Shown endpoint : requesterEndpoints()) {
            // a ticket that is not yours does not exist for you
            assertThat(api.as("dave").get(endpoint.path()).getStatusCode()).as(endpoint.path())
                    .isIn(HttpStatus.FORBIDDEN, HttpStatus.NOT_FOUND);
        }
        assertThat(api.as("admin").get("/api/directory/requesters/nobody-at-all").getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    }

    private static List<String> fields(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}

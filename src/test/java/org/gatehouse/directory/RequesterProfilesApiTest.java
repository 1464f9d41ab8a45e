package org.gatehouse.directory;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import org.gatehouse.HttpTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;

/** C2: what experts see about a requester is what admins chose, on every endpoint that shows one. */
class RequesterProfilesApiTest extends HttpTest {

    /** Every endpoint that shows a requester to an expert; each must follow the attribute policy. */
    private static final List<String> REQUESTER_ENDPOINTS = List.of("/api/directory/requesters/alice");

    private static final List<String> DEFAULT = List.of("name", "position", "department", "profile");

    @AfterEach
    void restoreDefault() {
        assertThat(api.as("admin").put("/api/directory/requester-attributes", Map.of("attributes", DEFAULT))
                .getStatusCode()).isEqualTo(HttpStatus.OK);
    }

    @Test
    void byDefaultExpertsSeeNamePositionDepartmentAndTheProfileLink() {
        for (String endpoint : REQUESTER_ENDPOINTS) {
            JsonNode requester = api.as("admin").get(endpoint).getBody();
            assertThat(fields(requester)).containsExactly("id", "name", "position", "department", "profile");
            assertThat(requester.get("name").asText()).isEqualTo("Alice Martin");
            assertThat(requester.get("profile").asText()).isEqualTo("/api/directory/requesters/alice");
        }
    }

    @Test
    void everyEndpointShowsWhatAdminsChoseAndNothingElse() {
        JsonNode changed = api.as("admin").put("/api/directory/requester-attributes",
                Map.of("attributes", List.of("name", "email"))).getBody();
        assertThat(changed.get("changedBy").asText()).isEqualTo("admin");
        for (String endpoint : REQUESTER_ENDPOINTS) {
            JsonNode requester = api.as("admin").get(endpoint).getBody();
            assertThat(fields(requester)).as(endpoint).containsExactly("id", "name", "email");
            assertThat(requester.toString()).doesNotContain("Sales", "Account manager");
        }
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
        for (String endpoint : REQUESTER_ENDPOINTS) {
            assertThat(api.as("dave").get(endpoint).getStatusCode()).as(endpoint).isEqualTo(HttpStatus.FORBIDDEN);
        }
        assertThat(api.as("admin").get("/api/directory/requesters/nobody-at-all").getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    }

    private static List<String> fields(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}

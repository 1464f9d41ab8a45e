package org.gatehouse.directory;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.JsonNode;

import org.gatehouse.Api;
import org.gatehouse.HttpTest;
import org.gatehouse.WebappSession;
import org.gatehouse.experts.ExpertFixtures;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * Identity is the directory's: nobody changes their own account, and what the directory owns (names, e-mail, groups,
 * existence) is changed through the directory's API only; the engine REST API and the webapps refuse, and say where.
 */
class IdentityOwnershipApiTest extends HttpTest {

    private static final AtomicInteger COUNTER = new AtomicInteger();

    @Autowired ExpertFixtures people;
    @LocalServerPort int port;

    @Test
    void aUserChangesNothingOfTheirOwnAccountThroughTheEngineRestApi() {
        JsonNode before = profile("alice");

        var renamed = api.as("alice").put("/engine-rest/user/alice/profile",
                Map.of("id", "alice", "firstName", "Mallory", "lastName", "Martin", "email", "mallory@evil.example"));
        assertThat(renamed.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        var repassword = api.as("alice").put("/engine-rest/user/alice/credentials",
                Map.of("password", "chosen-by-alice", "authenticatedUserPassword", "alice"));
        assertThat(repassword.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(api.as("alice").delete("/engine-rest/user/alice").getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);

        assertThat(profile("alice")).isEqualTo(before);
        assertThat(api.as("alice").get("/engine-rest/user/alice/profile").getStatusCode()).as("she still reads it")
                .isEqualTo(HttpStatus.OK);
        assertThat(api.as("alice").get("/api/sharing-policy").getStatusCode()).as("her password is unchanged")
                .isEqualTo(HttpStatus.OK);
        JsonNode own = api.as("admin").get("/engine-rest/authorization?userIdIn=alice&resourceType=1&resourceId=alice"
                + "&maxResults=10").getBody();
        assertThat(own.size()).isEqualTo(1);
        assertThat(own.get(0).get("permissions").toString()).as("her own account: read only").isEqualTo("[\"READ\"]");
    }

    @Test
    void aUserChangesNothingOfTheirOwnAccountThroughTheWebapps() throws Exception {
        JsonNode before = profile("alice");
        var webapp = WebappSession.signIn(port, "alice", "tasklist");
        var read = webapp.send("GET", "/api/engine/engine/default/user/alice/profile", null);
        assertThat(read.statusCode()).as(read.body()).isEqualTo(200);
        var renamed = webapp.send("PUT", "/api/engine/engine/default/user/alice/profile",
                "{\"id\":\"alice\",\"firstName\":\"Mallory\",\"lastName\":\"Martin\",\"email\":\"mallory@evil.example\"}");
        assertThat(renamed.statusCode()).as(renamed.body()).isEqualTo(403);

        // the webapp does not keep this session after the refusal: a new one for the next attempt
        webapp = WebappSession.signIn(port, "alice", "tasklist");
        var repassword = webapp.send("PUT", "/api/engine/engine/default/user/alice/credentials",
                "{\"password\":\"chosen-by-alice\",\"authenticatedUserPassword\":\"alice\"}");
        assertThat(repassword.statusCode()).as(repassword.body()).isEqualTo(403);

        assertThat(profile("alice")).isEqualTo(before);
        assertThat(api.as("alice").get("/api/sharing-policy").getStatusCode()).isEqualTo(HttpStatus.OK);
    }

    @Test
    void anAdminsChangeToWhatTheDirectoryOwnsIsRefusedAndSaysWhere() {
        String hana = "hana";
        JsonNode before = profile(hana);
        var email = api.as("admin").put("/engine-rest/user/hana/profile",
                Map.of("id", hana, "firstName", "Hana", "lastName", "Haddad", "email", "hana@elsewhere.example"));
        assertThat(email.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(email.getBody().get("message").asText()).contains("User 'admin' may not change the name or e-mail of hana")
                .contains("POST /api/directory/imports");
        assertThat(profile(hana)).isEqualTo(before);

        var leave = api.as("admin").delete("/engine-rest/group/experts/members/hana");
        assertThat(leave.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(leave.getBody().get("message").asText()).contains("/api/directory/people/hana/roles/{group}");
        assertThat(api.as("admin").put("/engine-rest/group/legal/members/hana", null).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(groupsOf(hana)).contains("experts", "team-hr").doesNotContain("legal");

        var delete = api.as("admin").delete("/engine-rest/user/hana");
        assertThat(delete.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(delete.getBody().get("message").asText()).contains("POST /api/directory/people/hana/deactivate");
        assertThat(api.as("admin").delete("/engine-rest/group/experts").getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(profile(hana)).isEqualTo(before);
        assertThat(api.as("hana").get("/api/sharing-policy").getStatusCode()).isEqualTo(HttpStatus.OK);
    }

    @Test
    void aDeactivatedPersonIsNotBroughtBackAroundTheDirectory() {
        String id = people.newEmployee();
        assertThat(api.as("admin").post("/api/directory/people/" + id + "/deactivate", null).getStatusCode())
                .isEqualTo(HttpStatus.OK);

        var recreated = api.as("admin").post("/engine-rest/user/create", Map.of(
                "profile", Map.of("id", id, "firstName", "Xena", "lastName", "Back", "email", id + "@acme.example"),
                "credentials", Map.of("password", "back-again")));
        assertThat(recreated.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(recreated.getBody().get("message").asText()).contains("/api/directory/people/" + id + "/activate");
        assertThat(api.as("admin").get("/engine-rest/user/" + id + "/profile").getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    }

    @Test
    void theDirectoryApiStillChangesRolesAndTheSyncAppliesThem() {
        String id = people.newEmployee();
        assertThat(api.as("admin").put("/api/directory/people/" + id + "/roles/legal", null).getStatusCode().is2xxSuccessful())
                .isTrue();
        assertThat(groupsOf(id)).contains("legal", "requesters");
        assertThat(api.as("admin").delete("/api/directory/people/" + id + "/roles/legal").getStatusCode().is2xxSuccessful())
                .isTrue();
        assertThat(groupsOf(id)).doesNotContain("legal").contains("requesters");
    }

    /** Passwords are not the directory's: an admin hands them out, and the person signs in with it. */
    @Test
    void anAdminSetsADirectoryPersonsPassword() {
        String id = people.newEmployee();
        assertThat(api.as("admin").put("/engine-rest/user/" + id + "/credentials",
                Map.of("password", "handed-out-" + id, "authenticatedUserPassword", "admin")).getStatusCode())
                .isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(new Api(rest.withBasicAuth(id, "handed-out-" + id)).get("/api/sharing-policy").getStatusCode())
                .isEqualTo(HttpStatus.OK);
    }

    /** A user the directory does not know is Camunda's to manage, as before. */
    @Test
    void anAccountOutsideTheDirectoryIsCamundas() {
        String id = "outside-" + COUNTER.incrementAndGet();
        assertThat(api.as("admin").post("/engine-rest/user/create", Map.of(
                "profile", Map.of("id", id, "firstName", "Out", "lastName", "Side", "email", id + "@acme.example"),
                "credentials", Map.of("password", id))).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(api.as("admin").put("/engine-rest/group/auditors/members/" + id, null).getStatusCode())
                .isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(api.as(id).put("/engine-rest/user/" + id + "/profile",
                Map.of("id", id, "firstName", "In", "lastName", "Side", "email", id + "@acme.example")).getStatusCode())
                .as("nobody changes their own account").isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(api.as("admin").delete("/engine-rest/user/" + id).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
    }

    /** The engine no longer locks accounts, so a signed-in user must not guess another's password through it. */
    @Test
    void nobodyChecksAnotherPersonsPassword() {
        var other = api.as("alice").post("/engine-rest/identity/verify", Map.of("username", "bob", "password", "bob"));
        assertThat(other.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        var own = api.as("alice").post("/engine-rest/identity/verify", Map.of("username", "alice", "password", "alice"));
        assertThat(own.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(own.getBody().get("authenticated").asBoolean()).isTrue();
    }

    private JsonNode profile(String user) {
        ResponseEntity<JsonNode> profile = api.as("admin").get("/engine-rest/user/" + user + "/profile");
        assertThat(profile.getStatusCode()).isEqualTo(HttpStatus.OK);
        return profile.getBody();
    }

    private java.util.List<String> groupsOf(String user) {
        return api.as("admin").get("/engine-rest/group?member=" + user + "&maxResults=100").getBody().findValuesAsText("id");
    }
}

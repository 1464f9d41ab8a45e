package org.gatehouse.channels;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.gatehouse.HttpTest;
import org.gatehouse.WebappSession;
import org.gatehouse.platform.ConfigurationVersion;
import org.gatehouse.platform.ConfigurationVersions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatus;

/** A1 through the API: who may share, create, modify, disconnect and archive, as admins set it. */
class SharingPolicyApiTest extends HttpTest {

    private static final Map<String, Object> DEMO_POLICY = Map.of("shareMode", "GROUPS",
            "allowedGroups", List.of("external-sharers"), "channelRules", Map.of(
                    "CREATE", Map.of("mode", "EVERYONE"), "MODIFY", Map.of("mode", "ADMINS_ONLY"),
                    "DISCONNECT", Map.of("mode", "ADMINS_ONLY"), "ARCHIVE", Map.of("mode", "ADMINS_ONLY")));

    @Autowired ChannelService channels;
    @Autowired ConfigurationVersions versions;
    @LocalServerPort int port;

    @AfterEach
    void restorePolicy() {
        assertThat(api.as("carol").put("/api/sharing-policy", DEMO_POLICY).getStatusCode()).isEqualTo(HttpStatus.OK);
    }

    /** Cockpit's policy view reads and changes it with the webapps' session, its CSRF token on every call (README). */
    @Test
    void workspaceAdminsChangeThePolicyFromCockpitWithTheSessionAndItsToken() throws Exception {
        var json = new ObjectMapper();
        String everyone = json.writeValueAsString(Map.of("shareMode", "EVERYONE"));
        var bob = WebappSession.signIn(port, "bob", "cockpit");

        assertThat(bob.gatehouseWithoutToken("PUT", "/api/sharing-policy", everyone).statusCode()).as("without the CSRF token")
                .isEqualTo(403);
        var refused = bob.gatehouse("PUT", "/api/sharing-policy", json.writeValueAsString(Map.of("shareMode", "GROUPS")));
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(json.readTree(refused.body()).get("errors").findValuesAsText("field")).containsExactly("allowedGroups");
        assertThat(api.as("bob").get("/api/sharing-policy").getBody().get("shareMode").asText()).as("nothing changed")
                .isEqualTo("GROUPS");
        var changed = bob.gatehouse("PUT", "/api/sharing-policy", everyone);
        assertThat(changed.statusCode()).as(changed.body()).isEqualTo(200);
        JsonNode newest = json.readTree(bob.gatehouse("GET", "/api/sharing-policy/versions", null).body()).get(0);
        assertThat(newest.get("actor").asText()).isEqualTo("bob");
        assertThat(newest.get("content").get("shareMode").asText()).isEqualTo("EVERYONE");

        var auditor = WebappSession.signIn(port, "aude", "cockpit");
        assertThat(auditor.gatehouse("GET", "/api/sharing-policy/versions", null).statusCode()).isEqualTo(200);
        assertThat(auditor.gatehouse("PUT", "/api/sharing-policy", everyone).statusCode()).as("auditors read").isEqualTo(403);
        assertThat(WebappSession.signIn(port, "alice", "tasklist").gatehouse("PUT", "/api/sharing-policy", everyone)
                .statusCode()).as("an employee's session").isEqualTo(403);
    }

    @Test
    void adminsChangeEveryRuleAndTheChangeNamesThem() {
        JsonNode policy = api.as("alice").get("/api/sharing-policy").getBody();
        assertThat(policy.get("shareMode").asText()).isEqualTo("GROUPS");
        assertThat(policy.get("channelRules").get("DISCONNECT").get("mode").asText()).isEqualTo("ADMINS_ONLY");

        assertThat(api.as("alice").put("/api/sharing-policy", Map.of("shareMode", "EVERYONE")).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        var groupsWithoutGroup = api.as("carol").put("/api/sharing-policy", Map.of("shareMode", "EVERYONE",
                "channelRules", Map.of("ARCHIVE", Map.of("mode", "GROUPS"))));
        assertThat(groupsWithoutGroup.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(groupsWithoutGroup.getBody().get("errors").findValuesAsText("field"))
                .containsExactly("channelRules.ARCHIVE.allowedGroups");
        assertThat(api.as("carol").get("/api/sharing-policy").getBody().get("shareMode").asText())
                .as("a refused change changes nothing").isEqualTo("GROUPS");
        assertThat(api.as("carol").put("/api/sharing-policy", Map.of("shareMode", "NOBODY")).getStatusCode())
                .isEqualTo(HttpStatus.BAD_REQUEST);

        JsonNode changed = api.as("carol").put("/api/sharing-policy", Map.of("shareMode", "EVERYONE",
                "channelRules", Map.of("DISCONNECT", Map.of("mode", "GROUPS", "allowedGroups", List.of("external-sharers")))))
                .getBody();
        assertThat(changed.get("changedBy").asText()).isEqualTo("carol");
        assertThat(changed.get("channelRules").get("DISCONNECT").get("allowedGroups").toString()).contains("external-sharers");
        assertThat(changed.get("channelRules").get("ARCHIVE").get("mode").asText()).as("untouched").isEqualTo("ADMINS_ONLY");
    }

    @Test
    void everyRealChangeIsAVersionNamingWhoMadeItAndTheSamePolicyAgainIsNone() {
        List<ConfigurationVersion> policies = versions.versions(SharingPolicy.VERSION_KIND, "");
        assertThat(policies.get(0).actor()).as("as installed, before any change").isEqualTo("gatehouse");
        assertThat(policies.get(0).content().get("shareMode").asText()).isEqualTo("ADMINS_ONLY");
        assertThat(policies.get(1).actor()).as("the demo's").isEqualTo("admin");
        int policyCount = policies.size();
        int ruleCount = versions.versions(SharingPolicy.CHANNEL_RULES_VERSION_KIND, "").size();

        JsonNode current = api.as("bob").get("/api/sharing-policy").getBody();
        JsonNode again = api.as("bob").put("/api/sharing-policy", current).getBody();
        assertThat(versions.versions(SharingPolicy.VERSION_KIND, "")).hasSize(policyCount);
        assertThat(versions.versions(SharingPolicy.CHANNEL_RULES_VERSION_KIND, "")).hasSize(ruleCount);
        assertThat(again.get("changedBy")).as("no change: the last one still names its author").isEqualTo(current.get("changedBy"));

        api.as("carol").put("/api/sharing-policy", Map.of("shareMode", "EVERYONE"));
        api.as("bob").put("/api/sharing-policy", Map.of("shareMode", "GROUPS", "allowedGroups", List.of("legal"),
                "channelRules", Map.of("ARCHIVE", Map.of("mode", "GROUPS", "allowedGroups", List.of("legal")))));

        List<ConfigurationVersion> changed = versions.versions(SharingPolicy.VERSION_KIND, "");
        assertThat(changed).hasSize(policyCount + 2);
        assertThat(changed.subList(policyCount, policyCount + 2)).extracting(v -> v.actor() + " " + v.content())
                .containsExactly("carol {\"allowedGroups\":[],\"shareMode\":\"EVERYONE\"}",
                        "bob {\"allowedGroups\":[\"legal\"],\"shareMode\":\"GROUPS\"}");
        List<ConfigurationVersion> rules = versions.versions(SharingPolicy.CHANNEL_RULES_VERSION_KIND, "");
        assertThat(rules).as("carol's change left the rules as they were").hasSize(ruleCount + 1);
        ConfigurationVersion rule = rules.get(ruleCount);
        assertThat(rule.actor()).isEqualTo("bob");
        assertThat(rule.content().get("ARCHIVE").toString()).isEqualTo("{\"allowedGroups\":[\"legal\"],\"mode\":\"GROUPS\"}");
        assertThat(rule.content().get("CREATE").get("mode").asText()).as("the whole set, untouched rules too").isEqualTo("EVERYONE");
        assertThat(rule.version()).isEqualTo(ruleCount + 1);

        JsonNode history = api.as("aude").get("/api/sharing-policy/versions").getBody();
        assertThat(history.get(0).get("actor").asText()).as("newest first, over HTTP").isEqualTo("bob");
        assertThat(history.findValuesAsText("kind")).contains("sharing-policy", "channel-rules");
        assertThat(history).hasSize(changed.size() + rules.size());
        assertThat(api.as("alice").get("/api/sharing-policy/versions").getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    }

    @Test
    void theDisconnectRuleDecidesWhoStopsSharing() {
        var pi = fixtures.connected("alice", "Globex", LocalDate.now().plusMonths(2));
        String disconnect = "/api/access-requests/" + pi.getBusinessKey() + "/disconnect";
        assertThat(api.as("alice").post(disconnect, null).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        api.as("carol").put("/api/sharing-policy", Map.of("shareMode", "GROUPS", "allowedGroups", List.of("external-sharers"),
                "channelRules", Map.of("DISCONNECT", Map.of("mode", "GROUPS", "allowedGroups", List.of("external-sharers")))));
        assertThat(api.as("alice").post(disconnect, null).getStatusCode()).isEqualTo(HttpStatus.OK);
    }

    @Test
    void theCreateRuleRefusesANewChannelButNotAnExistingOne() {
        api.as("carol").put("/api/sharing-policy", Map.of("shareMode", "GROUPS", "allowedGroups", List.of("external-sharers"),
                "channelRules", Map.of("CREATE", Map.of("mode", "ADMINS_ONLY"))));
        JsonNode refused = api.as("alice").get("/api/access-requests/" + fixtures.submit("alice", "Globex",
                LocalDate.now().plusMonths(1)).id()).getBody();
        assertThat(refused.get("status").asText()).isEqualTo("REJECTED");
        assertThat(refused.get("statusReason").asText()).contains("may not create channels");

        var existing = fixtures.draft("Globex", LocalDate.now().plusMonths(1));
        channels.create("acme-main", existing.channelName());
        assertThat(fixtures.workflow().submit(existing, "alice").status()).isEqualTo("SUBMITTED");
    }

    @Test
    void theModifyAndArchiveRulesGuardRenamingAndArchiving() {
        var pi = fixtures.connected("dave", "Globex", LocalDate.now().plusMonths(2));
        String channel = "/api/channels/" + api.as("dave").get("/api/access-requests/" + pi.getBusinessKey()).getBody()
                .get("channelId").asText();
        assertThat(api.as("dave").put(channel, Map.of("name", "renamed-by-dave")).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(api.as("carol").put(channel, Map.of("name", "Bad Name")).getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(api.as("carol").put(channel, Map.of("name", "general")).getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        String newName = "renamed-" + pi.getBusinessKey().substring(0, 8);
        assertThat(api.as("carol").put(channel, Map.of("name", newName)).getBody().get("name").asText()).isEqualTo(newName);

        assertThat(api.as("carol").post(channel + "/archive", null).getStatusCode()).as("shared").isEqualTo(HttpStatus.CONFLICT);
        fixtures.workflow().disconnect(pi.getBusinessKey(), "carol");
        driver.runJobs(pi.getId());
        assertThat(api.as("dave").post(channel + "/archive", null).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(api.as("carol").post(channel + "/archive", null).getBody().get("archivedAt").isNull()).isFalse();

        var again = fixtures.draft("Globex", LocalDate.now().plusMonths(1));
        var onArchived = new org.gatehouse.access.AccessRequestDraft(again.workspace(), newName, again.partnerOrganisation(),
                again.partnerContactName(), again.partnerContactEmail(), again.projectName(), again.endDate(), again.purpose());
        var refused = fixtures.workflow().submit(onArchived, "dave");
        assertThat(refused.status()).isEqualTo("REJECTED");
        assertThat(refused.statusReason()).contains("archived");
    }
}

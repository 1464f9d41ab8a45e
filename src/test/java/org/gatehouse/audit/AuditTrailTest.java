package org.gatehouse.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.gatehouse.Api.assertProblem;
import static org.gatehouse.Api.variables;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

import com.fasterxml.jackson.databind.JsonNode;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.gatehouse.FlakyChannelGateway;
import org.gatehouse.HttpTest;
import org.gatehouse.ProcessDriver;
import org.gatehouse.access.AccessRequestFixtures;
import org.gatehouse.channels.OutboxMessages;
import org.gatehouse.experts.ExpertFixtures;
import org.gatehouse.teams.TeamFixtures;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The auditors' trail over HTTP (issue 14): each record's history in order, merged from the engine and the features'
 * logs, with ticket content as experts see it and never the engine's copy; the search, paged and filtered; only
 * auditors and admins read it, and every read is recorded.
 */
class AuditTrailTest extends HttpTest {

    @Autowired OutboxMessages outbox;
    @Autowired ExpertFixtures experts;
    @Autowired FlakyChannelGateway gateway;
    @Autowired ProcessEngine engine;
    @Autowired JdbcClient jdbc;

    @Test
    void anAccessRequestsTrailNamesWhoDecidedWhatAndWhenInOrder() {
        String partner = fixtures.newPartner();
        Map<String, Object> body = AccessRequestFixtures.fields(fixtures.draft(partner, LocalDate.now().plusMonths(6)));
        String id = api.as("alice").post("/api/access-requests", body).getBody().get("id").asText();
        String instance = fixtures.instance(id).getId();
        LocalDate today = LocalDate.now();
        completeTask("lena", id, Map.of("ndaSigned", true, "ndaSignedOn", today.toString(),
                "ndaExpiresOn", today.plusYears(2).toString(), "ndaDocumentRef", "NDA-" + id));
        driver.runJobs(instance);
        completeTask("bob", id, Map.of("approved", true, "comment", "Fine by the workspace admins"));
        String token = outbox.linkToken(body.get("partnerContactEmail").toString(), "/invite/");
        assertThat(api.post("/invite/" + token + "/accept", Map.of("adminName", "Pia", "adminEmail", "pia@partner.example",
                "channelName", "acme-project")).getStatusCode()).isEqualTo(HttpStatus.OK);
        gateway.failNextConnects(1);
        String connect = driver.job(instance, "Activity_Connect").getId();
        assertThatThrownBy(() -> engine.getManagementService().executeJob(connect)).hasMessageContaining("unavailable");
        engine.getManagementService().executeJob(driver.job(instance, "Activity_Connect").getId());
        driver.runJobs(instance);
        assertThat(api.as("alice").get("/api/access-requests/" + id).getBody().get("status").asText()).isEqualTo("CONNECTED");

        JsonNode trail = read("aude", "/api/audit/access-requests/" + id);
        List<JsonNode> entries = list(trail.get("entries"));
        assertChronological(entries);
        int requester = index(entries, e -> change(e, "SUBMITTED") && actor(e, "alice"));
        int decision = index(entries, e -> is(e, "decision") && "nda-check".equals(detail(e, "decisionKey")));
        JsonNode nda = entries.get(decision).get("details");
        assertThat(nda.get("inputs").get(0).get("label").asText()).isEqualTo("NDA on file expires on");
        assertThat(nda.get("inputs").get(0).has("value")).as("no NDA on file: the value seen was null").isTrue();
        assertThat(nda.get("outputs").get(0).get("value").asText()).isEqualTo("MISSING");
        int legal = index(entries, e -> is(e, "task") && actor(e, "lena") && "obtainNda".equals(detail(e, "taskDefinitionKey")));
        int ndaRecorded = index(entries, e -> change(e, "NDA_RECORDED") && actor(e, "lena"));
        int hostTask = index(entries, e -> is(e, "task") && actor(e, "bob")
                && "hostAdminApproval".equals(detail(e, "taskDefinitionKey")));
        int hostDecision = index(entries, e -> change(e, "HOST_APPROVED") && actor(e, "bob")
                && "Fine by the workspace admins".equals(detail(e, "detail")));
        int partnerDecision = index(entries, e -> change(e, "PARTNER_ACCEPTED") && actor(e, "pia@partner.example"));
        int failure = index(entries, e -> is(e, "job-failure") && "Activity_Connect".equals(detail(e, "activityId"))
                && detail(e, "message").contains("unavailable"));
        int connected = index(entries, e -> change(e, "CONNECTED"));
        int pinned = index(entries, e -> change(e, "HOUSE_RULES_PINNED") && detail(e, "note").contains(partner));
        assertThat(List.of(requester, decision, legal, ndaRecorded, hostTask, partnerDecision, failure, connected, pinned))
                .isSorted();
        assertThat(hostDecision).isBetween(legal, partnerDecision);
        assertThat(entries.get(hostDecision).get("at").isNull()).isFalse();
        assertThat(entries.get(partnerDecision).get("at").isNull()).isFalse();
        assertThat(index(entries, e -> is(e, "process") && actor(e, "alice"))).as("alice started it").isLessThan(decision);

        JsonNode invitation = entries.get(index(entries, e -> is(e, "notification")
                && "partner-invitation".equals(detail(e, "template"))));
        assertThat(detail(invitation, "recipient")).isEqualTo(body.get("partnerContactEmail"));
        assertThat(trail.toString()).as("messages are shown without their texts, which carry the partner's link")
                .doesNotContain(token).doesNotContain("/invite/");

        assertThat(search("aude", "kind=audit-read&actor=aude&size=5").get("entries").get(0).get("subject").asText())
                .as("the read is recorded").isEqualTo("/api/audit/access-requests/" + id);
        assertThat(api.as("admin").get("/api/audit/access-requests/" + id).getStatusCode()).isEqualTo(HttpStatus.OK);
        for (String other : new String[] {"alice", "bob", "lena", "paul", "hana"}) {
            assertThat(api.as(other).get("/api/audit/access-requests/" + id).getStatusCode()).as(other)
                    .isEqualTo(HttpStatus.FORBIDDEN);
        }
        assertThat(api.get("/api/audit/access-requests/" + id).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(api.as("aude").get("/api/audit/access-requests/no-such-request").getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
    }

    @Test
    void aTicketsTrailShowsWhatExpertsSeeAndNothingOfTheEnginesCopy() {
        String requester = experts.newEmployee();
        String approver = experts.newImportedEmployee();
        String words = "zq" + UUID.randomUUID().toString().substring(0, 8);
        String request = "The VPN drops every hour " + words;
        long id = api.as(requester).post("/api/tickets", Map.of("subject", "VPN " + words, "body", request)).getBody()
                .get("id").asLong();
        String instance = driver.instance(Long.toString(id)).getId();
        driver.runJobs(instance);
        // history written before the values were withheld kept the routing text: the trail must not take it from there
        jdbc.sql("update ACT_HI_DEC_IN set TEXT_ = ? where CLAUSE_ID_ = 'Input_Text' and DEC_INST_ID_ in "
                + "(select ID_ from ACT_HI_DECINST where PROC_INST_ID_ = ?)").params("engine copy " + words, instance).update();

        api.as("ivy").post("/api/tickets/" + id + "/notes", Map.of("body", "Known issue " + words));
        api.as("ivy").post("/api/tickets/" + id + "/approvals", Map.of("approver", approver, "subject",
                "New VPN client " + words, "details", "12 EUR a month"));
        String approval = engine.getRuntimeService().createProcessInstanceQuery().superProcessInstanceId(instance)
                .singleResult().getId();
        driver.runJobs(approval);
        String token = experts.token(approver, "/approvals/");
        assertThat(api.post("/approvals/" + token + "/approve", Map.of("comment", "Budget is there")).getStatusCode())
                .isEqualTo(HttpStatus.OK);
        driver.runJobs(instance);
        api.as("ivy").post("/api/tickets/" + id + "/replies", Map.of("body", "Try the new client", "waitForRequester", true));
        driver.runJobs(instance);

        JsonNode trail = read("aude", "/api/audit/tickets/" + id);
        List<JsonNode> entries = list(trail.get("entries"));
        assertChronological(entries);
        int filed = index(entries, e -> is(e, "message") && "REQUEST".equals(e.get("what").asText())
                && request.equals(detail(e, "body")) && actor(e, requester));
        int routed = index(entries, e -> is(e, "decision") && "ticket-routing".equals(detail(e, "decisionKey")));
        JsonNode text = input(entries.get(routed), "Input_Text");
        assertThat(text.get("value").asText()).as("the ticket's own text, as the decision read it")
                .isEqualTo(("VPN " + words + "\n" + request).toLowerCase(Locale.ROOT));
        assertThat(text.get("source").asText()).isEqualTo("record");
        int note = index(entries, e -> is(e, "message") && "NOTE".equals(e.get("what").asText()) && actor(e, "ivy"));
        int asked = index(entries, e -> change(e, "REQUESTED") && actor(e, "ivy")
                && ("New VPN client " + words).equals(detail(e, "subject")));
        int approved = index(entries, e -> change(e, "APPROVED") && actor(e, approver)
                && "Budget is there".equals(detail(e, "comment")) && "LINK".equals(detail(e, "via")));
        int reply = index(entries, e -> is(e, "message") && "REPLY".equals(e.get("what").asText()) && actor(e, "ivy"));
        int pending = index(entries, e -> change(e, "STATUS") && detail(e, "detail").endsWith("PENDING"));
        assertThat(List.of(filed, routed, note, asked, approved)).isSorted();
        assertThat(Math.min(reply, pending)).isGreaterThan(approved);
        assertThat(index(entries, e -> is(e, "process") && "approval".equals(detail(e, "processKey"))))
                .as("the approval's own process is part of the ticket's").isBetween(note, approved);

        assertThat(trail.toString()).as("nothing from the engine's variables").doesNotContain("engine copy")
                .as("no link").doesNotContain(token);
        assertThat(api.as("ivy").get("/api/audit/tickets/" + id).getStatusCode()).as("experts work tickets; they do "
                + "not read the audit trail").isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(api.as(requester).get("/api/audit/tickets/" + id).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(api.as("aude").get("/api/audit/tickets/99999999").getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    }

    @Test
    void anApprovalsAndAnExpertInvitationsTrailsCarryTheAnswers() {
        String expert = experts.newExpert();
        String approver = experts.newEmployee();
        String approval = api.as(expert).post("/api/approvals", Map.of("approver", approver, "subject", "Overtime in May",
                "details", "Two weekends")).getBody().get("id").asText();
        driver.runJobs(driver.instance(approval).getId());
        String token = experts.token(approver, "/approvals/");
        api.post("/approvals/" + token + "/reject", Map.of("comment", "Not this month"));

        List<JsonNode> asked = list(read("aude", "/api/audit/approvals/" + approval).get("entries"));
        assertChronological(asked);
        int requested = index(asked, e -> change(e, "REQUESTED") && actor(e, expert)
                && "Overtime in May".equals(detail(e, "subject")) && "Two weekends".equals(detail(e, "details")));
        int sent = index(asked, e -> is(e, "notification") && "approval-request".equals(detail(e, "template"))
                && (approver + "@acme.example").equals(detail(e, "recipient")));
        int rejected = index(asked, e -> change(e, "REJECTED") && actor(e, approver)
                && "Not this month".equals(detail(e, "comment")));
        int ended = index(asked, e -> is(e, "process") && e.get("what").asText().contains("ended"));
        assertThat(List.of(requested, sent, rejected, ended)).isSorted();

        String colleague = experts.newEmployee();
        String invitation = api.as(expert).post("/api/experts/invitations", Map.of("personId", colleague)).getBody()
                .get("id").asText();
        String onboarding = driver.instance(invitation).getId();
        driver.runJobs(onboarding);
        api.post("/expert-invitations/" + experts.token(colleague) + "/accept", null);
        driver.runJobs(onboarding);

        List<JsonNode> invited = list(read("admin", "/api/audit/expert-invitations/" + invitation).get("entries"));
        assertChronological(invited);
        int named = index(invited, e -> change(e, "INVITED") && actor(e, expert) && colleague.equals(detail(e, "personId")));
        int accepted = index(invited, e -> change(e, "ACCEPTED") && actor(e, colleague) && "LINK".equals(detail(e, "via")));
        int granted = index(invited, e -> is(e, "activity") && "Activity_GrantExpertRole".equals(detail(e, "activityId")));
        assertThat(List.of(named, accepted, granted)).isSorted();
        assertThat(api.as(expert).get("/api/audit/expert-invitations/" + invitation).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
    }

    @Test
    void theSearchPagesFiltersAndCountsEveryChange() {
        String expert = experts.newExpert();
        List<String> approvals = new ArrayList<>();
        String slug = "audit-" + expert;
        for (int day = 1; day <= 3; day++) {
            ClockUtil.setCurrentTime(Date.from(LocalDateTime.of(2031, 3, day, 10, 0).toInstant(ZoneOffset.UTC)));
            approvals.add(api.as(expert).post("/api/approvals", Map.of("approver", experts.newEmployee(),
                    "subject", "Search " + day)).getBody().get("id").asText());
            if (day == 2) {
                ClockUtil.setCurrentTime(Date.from(LocalDateTime.of(2031, 3, day, 12, 0).toInstant(ZoneOffset.UTC)));
                assertThat(api.as(expert).post("/api/teams", TeamFixtures.team(slug, "Audited", List.of(expert)))
                        .getStatusCode()).isEqualTo(HttpStatus.CREATED);
            }
        }
        ProcessDriver.resetClock();

        JsonNode first = search("aude", "actor=" + expert + "&kind=approval&size=2");
        assertThat(first.get("total").asLong()).isEqualTo(3);
        assertThat(first.get("page").asInt()).isZero();
        assertThat(first.get("size").asInt()).isEqualTo(2);
        assertThat(first.get("entries").findValuesAsText("subject")).as("newest first")
                .containsExactly(approvals.get(2), approvals.get(1));
        assertThat(first.get("entries").findValuesAsText("trail")).contains("/api/audit/approvals/" + approvals.get(2));
        JsonNode second = search("aude", "actor=" + expert + "&kind=approval&size=2&page=1");
        assertThat(second.get("entries").findValuesAsText("subject")).containsExactly(approvals.get(0));
        assertThat(search("aude", "actor=" + expert + "&kind=approval&size=2&page=2").get("entries")).isEmpty();
        assertThat(search("aude", "actor=" + expert + "&kind=ticket").get("total").asLong()).isZero();

        JsonNode team = search("aude", "actor=" + expert + "&kind=teams");
        assertThat(team.get("total").asLong()).isEqualTo(1);
        assertThat(team.get("entries").get(0).get("subject").asText()).isEqualTo(slug);
        assertThat(team.get("entries").get(0).get("what").asText()).isEqualTo("VERSION 1");
        assertThat(team.get("entries").get(0).get("detail").asText()).contains("Audited");

        // every log at once: the approvals and the configuration versions, merged newest first, page after page
        JsonNode all = search("aude", "actor=" + expert + "&size=200");
        long total = all.get("total").asLong();
        assertThat(all.get("entries")).hasSize((int) total);
        assertThat(all.get("entries").findValuesAsText("kind")).contains("approval", "teams");
        List<String> subjects = all.get("entries").findValuesAsText("subject");
        assertThat(subjects.get(0)).isEqualTo(approvals.get(2));
        assertThat(subjects.indexOf(slug)).isBetween(1, subjects.indexOf(approvals.get(1)));
        assertThat(subjects.get(subjects.size() - 1)).isEqualTo(approvals.get(0));
        List<String> paged = new ArrayList<>();
        for (int page = 0; page * 2 < total; page++) {
            JsonNode cut = search("aude", "actor=" + expert + "&size=2&page=" + page);
            assertThat(cut.get("total").asLong()).isEqualTo(total);
            paged.addAll(cut.get("entries").findValuesAsText("subject"));
        }
        assertThat(paged).as("the pages cut the same list").isEqualTo(subjects);

        assertThat(search("aude", "actor=" + expert + "&kind=approval&from=2031-03-02").get("entries")
                .findValuesAsText("subject")).containsExactly(approvals.get(2), approvals.get(1));
        assertThat(search("aude", "actor=" + expert + "&kind=approval&to=2031-03-02").get("entries")
                .findValuesAsText("subject")).containsExactly(approvals.get(1), approvals.get(0));
        assertThat(search("aude", "actor=" + expert + "&from=2031-03-02T00:00:00Z&to=2031-03-02T11:00:00")
                .get("entries").findValuesAsText("subject")).containsExactly(approvals.get(1));

        String partner = fixtures.newPartner();
        String request = fixtures.submit("alice", partner, LocalDate.now().plusMonths(3)).id();
        JsonNode byPartner = search("aude", "partner=" + partner);
        assertThat(byPartner.get("total").asLong()).isPositive();
        assertThat(byPartner.get("entries").findValuesAsText("kind")).containsOnly("access-request");
        assertThat(byPartner.get("entries").findValuesAsText("subject")).containsOnly(request);
        assertThat(byPartner.get("entries").findValuesAsText("what")).contains("SUBMITTED");

        JsonNode reads = search("admin", "kind=audit-read&actor=aude&size=200");
        assertThat(reads.get("entries").findValuesAsText("detail")).as("the searches are recorded with their query")
                .contains("actor=" + expert + "&kind=approval&size=2");

        for (String bad : new String[] {"size=0", "size=201", "page=-1", "kind=nope", "from=yesterday", "to=2031-13-01",
                "partner=Nowhere", "page=abc"}) {
            String field = bad.substring(0, bad.indexOf('='));
            assertProblem(api.as("aude").get("/api/audit?" + bad), HttpStatus.BAD_REQUEST, field);
        }
        assertProblem(api.as("aude").get("/api/audit?from=2031-03-02&to=2031-03-01"), HttpStatus.BAD_REQUEST, "to");
        assertThat(api.as("bob").get("/api/audit").getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(api.get("/api/audit").getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    }

    // --- helpers

    private void completeTask(String user, String businessKey, Map<String, Object> values) {
        JsonNode tasks = api.as(user).get("/engine-rest/task?processInstanceBusinessKey=" + businessKey + "&maxResults=5")
                .getBody();
        assertThat(tasks).as("tasks of " + businessKey + " for " + user).hasSize(1);
        assertThat(api.as(user).post("/engine-rest/task/" + tasks.get(0).get("id").asText() + "/complete",
                variables(values)).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
    }

    private JsonNode read(String user, String path) {
        ResponseEntity<JsonNode> answer = api.as(user).get(path);
        assertThat(answer.getStatusCode()).as(path).isEqualTo(HttpStatus.OK);
        return answer.getBody();
    }

    private JsonNode search(String user, String query) {
        return read(user, "/api/audit?" + query);
    }

    private static List<JsonNode> list(JsonNode array) {
        List<JsonNode> entries = new ArrayList<>();
        array.forEach(entries::add);
        return entries;
    }

    private static void assertChronological(List<JsonNode> entries) {
        assertThat(entries.stream().map(e -> e.get("at").asText()).toList()).as("oldest first").isSorted();
    }

    /** The place of the first entry {@code wanted} finds; the audit's other tests look for entries alike. */
    static int index(List<JsonNode> entries, Predicate<JsonNode> wanted) {
        for (int i = 0; i < entries.size(); i++) {
            if (wanted.test(entries.get(i))) {
                return i;
            }
        }
        throw new AssertionError("No such entry in " + entries);
    }

    private static boolean is(JsonNode entry, String kind) {
        return kind.equals(entry.get("kind").asText());
    }

    private static boolean change(JsonNode entry, String what) {
        return is(entry, "change") && what.equals(entry.get("what").asText());
    }

    private static boolean actor(JsonNode entry, String actor) {
        return actor.equals(entry.path("actor").asText(null));
    }

    private static String detail(JsonNode entry, String key) {
        return entry.get("details").path(key).asText(null);
    }

    private static JsonNode input(JsonNode decision, String id) {
        for (JsonNode input : decision.get("details").get("inputs")) {
            if (id.equals(input.get("id").asText())) {
                return input;
            }
        }
        throw new AssertionError("No input " + id + " in " + decision);
    }
}

package org.gatehouse.platform;

import static org.gatehouse.platform.MatrixRecords.startBefore;
import static org.gatehouse.platform.MatrixRecords.token;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.Function;

import org.gatehouse.Api;
import org.gatehouse.TestSlack;
import org.gatehouse.platform.MatrixHttp.Answer;
import org.gatehouse.platform.MatrixHttp.Call;
import org.gatehouse.platform.MatrixHttp.Credentials;
import org.gatehouse.platform.MatrixRecords.Aim;
import org.gatehouse.platform.MatrixRecords.Subject;

/**
 * How each row of the matrix is called: the request for a subject (whose record, as whom), what a list must show, and
 * what to undo after a call that really changed something. Keyed by the row's route as the README writes it.
 */
final class MatrixProbes {

    /**
     * @param listed on a list, the value (an id) the row's record, or the caller's own, shows up as; null elsewhere
     * @param after  undoes what an allowed call made (a deployment, a user), so the run leaves nothing behind
     */
    record Probe(Function<Subject, Call> call, Function<Subject, String> listed, BiConsumer<Subject, Answer> after) {

        Probe listing(Function<Subject, String> value) {
            return new Probe(call, value, after);
        }

        Probe then(BiConsumer<Subject, Answer> undo) {
            return new Probe(call, listed, undo);
        }
    }

    private static final String MISSING_ACTIVITY = "Activity_MatrixProbe";
    private static final String ENGINE = "/engine-rest";
    private static final String WEBAPP = "/camunda/api/engine/engine/default";
    private static final String COCKPIT = "/camunda/api/cockpit/plugin/base/default";
    private static final String START = "/process-definition/key/external-access-request/start";

    private final MatrixRecords r;
    private final Map<String, Probe> probes = new LinkedHashMap<>();

    private MatrixProbes(MatrixRecords records) {
        this.r = records;
    }

    static Map<String, Probe> all(MatrixRecords records) {
        var all = new MatrixProbes(records);
        all.gatehouse();
        all.engine();
        all.webapps();
        return all.probes;
    }

    private void gatehouse() {
        on("POST /api/access-requests", s -> post("/api/access-requests", r.startVariables()));
        on("GET /api/access-requests", s -> get("/api/access-requests?requester=" + (s.mine() ? s.user() : MatrixRecords.OTHER)))
                .listing(r::accessRequest);
        on("GET /api/access-requests/{id}", s -> get("/api/access-requests/" + r.accessRequest(s)));
        on("POST /api/access-requests/{id}/withdraw a connected request",
                s -> post("/api/access-requests/" + r.connectedRequest(s) + "/withdraw", null));
        on("POST /api/access-requests/{id}/disconnect a pending request",
                s -> post("/api/access-requests/" + r.pendingRequest + "/disconnect", null));
        on("POST /api/partners/{partnerId}/disconnect a partner whose ending waits for confirmation (409)",
                s -> post("/api/partners/" + r.lonePartner + "/disconnect", Map.of("reason", "Matrix probe")));
        on("GET /api/partners/{partnerId}/offboardings/{id}",
                s -> get("/api/partners/" + r.lonePartner + "/offboardings/" + r.offboarding));
        on("POST /api/partners/{partnerId}/offboardings/{id}/cancel one called off already (409)",
                s -> post("/api/partners/" + r.lonePartner + "/offboardings/" + r.cancelledOffboarding + "/cancel", null));
        on("GET /invite/{token}", s -> get("/invite/" + token(s, r.openInviteToken)));
        on("POST /invite/{token}/accept", s -> post("/invite/" + token(s, r.spentInviteToken) + "/accept",
                Map.of("adminName", "Matrix Probe", "adminEmail", "probe@globex.example", "channelName", "matrix-probe")));
        on("POST /invite/{token}/decline", s -> post("/invite/" + token(s, r.spentInviteToken) + "/decline",
                Map.of("reason", "Matrix probe")));

        on("GET /api/channels/{id}", s -> get("/api/channels/" + r.channel(s)));
        on("POST /api/channels/{id}/members oneself, a member already", s -> post("/api/channels/" + r.channel(s) + "/members",
                Map.of("member", self(s), "organisation", "acme")));
        on("PUT /api/channels/{id} an invalid name", s -> put("/api/channels/" + r.connectedChannel, Map.of("name", "Not A Name!")));
        on("POST /api/channels/{id}/archive a shared channel", s -> post("/api/channels/" + r.connectedChannel + "/archive", null));
        on("GET /api/sharing-policy", s -> get("/api/sharing-policy"));
        on("GET /api/sharing-policy/versions", s -> get("/api/sharing-policy/versions"));
        on("PUT /api/sharing-policy the current policy again", s -> put("/api/sharing-policy", r.currentPolicy()));

        on("GET /api/organisations", s -> get("/api/organisations"));
        on("GET /api/organisations/sharing", s -> get("/api/organisations/sharing"));
        on("GET /api/organisations/{id}/sharing", s -> get("/api/organisations/" + r.lonePartner + "/sharing"));
        on("POST /api/organisations a taken id", s -> post("/api/organisations", Map.of("id", "globex", "name", "Globex again",
                "kind", "PARTNER", "timeZone", "Europe/Paris", "workingHours", "09:00-17:00")));
        on("GET /api/workspaces", s -> get("/api/workspaces"));
        on("POST /api/workspaces a taken id", s -> post("/api/workspaces", Map.of("id", "acme-main", "name", "Acme again")));
        on("POST /api/directory/imports a file with a bad row (422)",
                s -> new Call("POST", "/api/directory/imports", "text/csv", MatrixRecords.badImport()));
        on("GET /api/directory/imports", s -> get("/api/directory/imports?size=200")).listing(s -> r.importId);
        on("GET /api/directory/imports/{id}", s -> get("/api/directory/imports/" + r.importId));
        on("GET /api/ndas", s -> get("/api/ndas?organisation=globex")).listing(s -> r.ndaId);
        on("GET /api/ndas/{id}", s -> get("/api/ndas/" + r.ndaId));
        on("POST /api/ndas an NDA with the host (400)", s -> post("/api/ndas", Map.of("organisationId", "acme",
                "signedOn", "2026-01-01", "expiresOn", "2028-01-01", "documentRef", "NDA-MATRIX")));
        on("GET /api/outbox", s -> get("/api/outbox"));
        on("GET /api/directory/people", s -> get("/api/directory/people?q=" + MatrixRecords.OTHER))
                .listing(s -> MatrixRecords.OTHER);
        on("GET /api/directory/people/{id}", s -> get("/api/directory/people/" + MatrixRecords.OTHER));
        on("POST /api/directory/people/{id}/deactivate a new employee each time",
                s -> post("/api/directory/people/" + r.newEmployee() + "/deactivate", null));
        on("POST /api/directory/people/{id}/activate an active employee",
                s -> post("/api/directory/people/" + r.probePerson + "/activate", null));
        on("PUT /api/directory/people/{id}/roles/{group} a role they hold",
                s -> put("/api/directory/people/" + r.probePerson + "/roles/external-sharers", null));
        on("DELETE /api/directory/people/{id}/roles/{group} a role they lack",
                s -> delete("/api/directory/people/" + r.probePerson + "/roles/legal"));
        on("GET /api/directory/requester-attributes", s -> get("/api/directory/requester-attributes"));
        on("PUT /api/directory/requester-attributes the current choice again",
                s -> put("/api/directory/requester-attributes", Map.of("attributes", r.requesterAttributes())));
        on("GET /api/directory/requesters/{id}", s -> get("/api/directory/requesters/" + MatrixRecords.OTHER));

        on("POST /api/teams a taken slug", s -> post("/api/teams", team("hr")));
        on("GET /api/teams", s -> get("/api/teams"));
        on("GET /api/teams/{slug}", s -> get("/api/teams/hr"));
        on("PUT /api/teams/{slug} another slug (400)", s -> put("/api/teams/hr", team("hr-renamed")));
        on("PUT /api/teams/{slug}/members/{personId} a member already", s -> put("/api/teams/hr/members/hana", null));
        on("DELETE /api/teams/{slug}/members/{personId} someone not in the team",
                s -> delete("/api/teams/hr/members/" + MatrixRecords.OTHER));
        on("POST /api/experts/invitations an expert already (409)",
                s -> post("/api/experts/invitations", Map.of("personId", "finn")));
        on("GET /api/experts/invitations", s -> get("/api/experts/invitations"));
        on("GET /api/experts/invitations/{id}", s -> get("/api/experts/invitations/" + r.invitation(s)));
        on("GET /expert-invitations/{token}", s -> get("/expert-invitations/" + token(s, r.openInvitationToken)));
        on("POST /expert-invitations/{token}/accept",
                s -> post("/expert-invitations/" + token(s, r.spentInvitationToken) + "/accept", null));
        on("POST /expert-invitations/{token}/decline",
                s -> post("/expert-invitations/" + token(s, r.spentInvitationToken) + "/decline", Map.of("reason", "probe")));
        on("POST /api/approvals oneself as approver (400)", s -> post("/api/approvals",
                Map.of("approver", self(s), "subject", "Matrix probe")));
        on("GET /api/approvals/{id}", s -> get("/api/approvals/" + r.approval(s)));
        on("GET /approvals/{token}", s -> get("/approvals/" + token(s, r.openApprovalToken)));
        on("POST /approvals/{token}/approve", s -> post("/approvals/" + token(s, r.spentApprovalToken) + "/approve",
                Map.of("comment", "probe")));
        on("POST /approvals/{token}/reject", s -> post("/approvals/" + token(s, r.spentApprovalToken) + "/reject",
                Map.of("comment", "probe")));

        on("POST /api/tickets", s -> post("/api/tickets", Map.of("subject", "Matrix probe",
                "body", "A question from the authorization matrix", "category", "it")));
        on("GET /api/tickets", s -> get("/api/tickets?limit=500")).listing(r::ticket);
        on("GET /api/tickets/{id}", s -> get("/api/tickets/" + r.ticket(s)));
        on("POST /api/tickets/{id}/answers an empty answer (400)",
                s -> post("/api/tickets/" + r.ticket(s) + "/answers", Map.of("body", "")));
        on("POST /api/tickets/{id}/claim a ticket in triage (409)", s -> post("/api/tickets/" + r.triageTicket + "/claim", null));
        on("POST /api/tickets/{id}/replies an empty reply (400)", s -> post("/api/tickets/" + r.ticket + "/replies",
                Map.of("body", "", "waitForRequester", false)));
        on("POST /api/tickets/{id}/notes an empty note (400)", s -> post("/api/tickets/" + r.ticket + "/notes",
                Map.of("body", "")));
        on("POST /api/tickets/{id}/resolve a ticket in triage (409)", s -> post("/api/tickets/" + r.triageTicket + "/resolve",
                Map.of("body", "Matrix probe")));
        on("POST /api/tickets/{id}/triage a ticket not in triage (409)", s -> post("/api/tickets/" + r.ticket + "/triage",
                Map.of("team", "it")));
        on("POST /api/tickets/{id}/transfer a ticket in triage (409)", s -> post("/api/tickets/" + r.triageTicket
                + "/transfer", Map.of("team", "hr")));
        on("POST /api/tickets/{id}/collaborators an invalid address (400)",
                s -> post("/api/tickets/" + r.ticket + "/collaborators", Map.of("email", "not-an-address")));
        on("DELETE /api/tickets/{id}/collaborators/{email} one added each time",
                s -> delete("/api/tickets/" + r.ticket + "/collaborators/" + r.newCollaborator()));
        on("POST /api/tickets/{id}/approvals an unknown approver (400)", s -> post("/api/tickets/" + r.ticket + "/approvals",
                Map.of("approver", "nobody-at-all", "subject", "Matrix probe")));
        on("PUT /api/tickets/{id}/requester an unknown requester (400)", s -> put("/api/tickets/" + r.ticket + "/requester",
                Map.of("requester", "nobody-at-all", "reason", "Matrix probe")));
        on("GET /api/intake/messages", s -> get("/api/intake/messages"));
        on("POST /api/intake/messages/{id}/convert a message that became a ticket (409)",
                s -> post("/api/intake/messages/" + r.ticketMessage + "/convert", Map.of()));
        on("POST /api/intake/messages/{id}/dismiss a message that became a ticket (409)",
                s -> post("/api/intake/messages/" + r.ticketMessage + "/dismiss", null));
        on("POST /slack/events Slack's URL check", MatrixProbes::slackUrlCheck);

        on("GET /api/audit/access-requests/{id}", s -> get("/api/audit/access-requests/" + r.accessRequest(s)));
        on("GET /api/audit/tickets/{id}", s -> get("/api/audit/tickets/" + r.ticket(s)));
        on("GET /api/audit/approvals/{id}", s -> get("/api/audit/approvals/" + r.approval(s)));
        on("GET /api/audit/expert-invitations/{id}", s -> get("/api/audit/expert-invitations/" + r.invitation(s)));
        on("GET /api/audit", s -> get("/api/audit?kind=access-request&size=5"));
        on("GET /api/audit/export", s -> get("/api/audit/export?from=2020-01-01&to=2020-01-01&kind=access-request"));
    }

    private void engine() {
        on("GET /engine-rest/process-definition", s -> get(ENGINE + "/process-definition?latestVersion=true&maxResults=500"))
                .listing(s -> r.accessDefinition);
        on("POST /engine-rest/process-definition/key/{key}/start the start form's fields",
                s -> post(ENGINE + START, variables(r.startVariables())));
        startAtFirstStep(ENGINE);
        on("POST /engine-rest/process-definition/key/{key}/start approval, at its first step", s -> {
            Map<String, Object> body = variables(Map.of("approver", MatrixRecords.OTHER, "subject", "Matrix probe"));
            body.put("startInstructions", List.of(startBefore("Activity_RegisterApproval")));
            return post(ENGINE + "/process-definition/key/approval/start", body);
        });
        on("POST /engine-rest/process-definition/key/{key}/start with a business key", s -> {
            Map<String, Object> body = variables(r.startVariables());
            body.put("businessKey", r.unique("matrix-key-"));
            return post(ENGINE + START, body);
        });
        on("POST /engine-rest/process-definition/key/{key}/start with an undeclared variable (initiator)", s -> {
            Map<String, Object> values = r.startVariables();
            values.put("initiator", MatrixRecords.OTHER);
            return post(ENGINE + START, variables(values));
        });
        on("POST /engine-rest/process-definition/{id}/restart an ended request, at an activity that does not exist",
                s -> post(ENGINE + "/process-definition/" + r.accessDefinition + "/restart", Map.of(
                        "processInstanceIds", List.of(r.endedInstance), "instructions", List.of(startBefore(MISSING_ACTIVITY)))));

        on("GET /engine-rest/process-instance", s -> get(ENGINE + "/process-instance?processInstanceIds=" + r.instance(s)
                + "&maxResults=10")).listing(r::instance);
        on("GET /engine-rest/process-instance/{id}", s -> get(ENGINE + "/process-instance/" + r.instance(s)));
        on("GET /engine-rest/process-instance/{id}/variables", s -> get(ENGINE + "/process-instance/" + r.instance(s) + "/variables"));
        on("PUT /engine-rest/process-instance/{id}/variables/{varName} a new variable",
                s -> put(ENGINE + "/process-instance/" + r.pendingInstance + "/variables/matrixProbe", value()));
        on("POST /engine-rest/process-instance/variables-async a new variable",
                s -> post(ENGINE + "/process-instance/variables-async", Map.of("processInstanceIds", List.of(r.pendingInstance),
                        "variables", Map.of("matrixProbe", value())))).then(this::deleteBatch);
        on("POST /engine-rest/process-instance/{id}/modification an activity that does not exist",
                s -> post(ENGINE + "/process-instance/" + r.pendingInstance + "/modification",
                        Map.of("instructions", List.of(startBefore(MISSING_ACTIVITY)))));
        on("POST /engine-rest/modification/execute an activity that does not exist",
                s -> post(ENGINE + "/modification/execute", modification()));
        on("POST /engine-rest/modification/executeAsync an activity that does not exist",
                s -> post(ENGINE + "/modification/executeAsync", modification())).then(this::deleteBatch);
        on("POST /engine-rest/migration/execute a plan without instructions", s -> post(ENGINE + "/migration/execute", Map.of(
                "migrationPlan", Map.of("sourceProcessDefinitionId", r.accessDefinition,
                        "targetProcessDefinitionId", r.accessDefinition, "instructions", List.of()),
                "processInstanceIds", List.of(r.pendingInstance))));
        on("POST /engine-rest/message PartnerAccepted, a business key no request has", s -> post(ENGINE + "/message",
                Map.of("messageName", "PartnerAccepted", "businessKey", "no-such-request")));
        on("POST /engine-rest/signal", s -> post(ENGINE + "/signal", Map.of("name", "MatrixProbe")));

        on("GET /engine-rest/task", s -> get(ENGINE + "/task?taskIdIn=" + r.task(s) + "&maxResults=10")).listing(r::task);
        on("GET /engine-rest/task/{id}/variables", s -> get(ENGINE + "/task/" + r.task(s) + "/variables"));
        on("PUT /engine-rest/task/{id}/variables/{varName} their own task, a new variable",
                s -> put(ENGINE + "/task/" + r.ownTask(s) + "/variables/matrixProbe", value()));
        on("POST /engine-rest/task/{id}/complete a new host approval each time",
                s -> post(ENGINE + "/task/" + r.newHostApproval(s) + "/complete", hostDecision()));
        on("POST /engine-rest/task/{id}/complete their own task, with an undeclared variable",
                s -> post(ENGINE + "/task/" + r.newOwnTask(s) + "/complete",
                        variables(Map.of("approved", true, "answeredVia", "LINK"))));
        on("POST /engine-rest/task/{id}/submit-form a new host approval each time",
                s -> post(ENGINE + "/task/" + r.newHostApproval(s) + "/submit-form", hostDecision()));

        on("GET /engine-rest/history/process-instance", s -> get(ENGINE + "/history/process-instance?processInstanceId="
                + r.pendingInstance + "&maxResults=10")).listing(s -> r.pendingInstance);
        on("GET /engine-rest/history/variable-instance", s -> get(ENGINE + "/history/variable-instance?processInstanceId="
                + r.pendingInstance + "&variableName=workspace&maxResults=10")).listing(s -> "workspace");
        on("GET /engine-rest/history/task", s -> get(ENGINE + "/history/task?processInstanceId=" + r.pendingInstance
                + "&maxResults=50")).listing(s -> r.hostTask);
        on("GET /engine-rest/job", s -> get(ENGINE + "/job?processInstanceId=" + r.pendingInstance + "&maxResults=50"))
                .listing(s -> r.job);
        on("PUT /engine-rest/job/{id}/retries the count it has", s -> put(ENGINE + "/job/" + r.job + "/retries",
                Map.of("retries", r.engine.getManagementService().createJobQuery().jobId(r.job).singleResult().getRetries())));
        on("GET /engine-rest/incident", s -> get(ENGINE + "/incident?processInstanceId=" + r.pendingInstance + "&maxResults=50"))
                .listing(s -> r.incident);
        on("POST /api/models/deployments a lone model, not the whole bundle", s -> deployment("/api/models/deployments"));
        on("POST /api/models/migrations to the version it is", s -> {
            String latest = r.engine.getRepositoryService().createProcessDefinitionQuery()
                    .processDefinitionKey("external-access-request").latestVersion().singleResult().getId();
            return post("/api/models/migrations", Map.of("sourceProcessDefinitionId", latest,
                    "targetProcessDefinitionId", latest));
        });
        on("POST /engine-rest/deployment/create a lone model, not the whole bundle", s -> deployment(ENGINE + "/deployment/create"))
                .then((s, a) -> {
                    if (a.ok()) {
                        r.engine.getRepositoryService().deleteDeployment(a.json().get("id").asText());
                    }
                });
        on("POST /engine-rest/filter/create", s -> post(ENGINE + "/filter/create",
                Map.of("resourceType", "Task", "name", "Matrix probe", "query", Map.of())))
                .then((s, a) -> {
                    if (a.ok()) {
                        r.engine.getFilterService().deleteFilter(a.json().get("id").asText());
                    }
                });
        on("POST /engine-rest/filter/{id}/list \"Access approvals\"", s -> post(ENGINE + "/filter/" + r.accessApprovalsFilter
                + "/list?maxResults=50", Map.of("taskIdIn", List.of(r.hostTask)))).listing(s -> r.hostTask);
        on("GET /engine-rest/authorization", s -> get(ENGINE + "/authorization?groupIdIn=requesters&maxResults=100"))
                .listing(s -> r.requestersAuthorization);
        administration(ENGINE);
        on("GET /engine-rest/user", s -> get(ENGINE + "/user?id=" + userAimedAt(s) + "&maxResults=10"))
                .listing(this::userAimedAt);
        on("PUT /engine-rest/user/{id}/profile their own, unchanged",
                s -> put(ENGINE + "/user/" + self(s) + "/profile", r.profile(self(s))));
        on("POST /engine-rest/group/create", s -> post(ENGINE + "/group/create",
                Map.of("id", r.unique("matrixgroup"), "name", "Matrix probe", "type", "WORKFLOW")))
                .then((s, a) -> r.engine.getIdentityService().createGroupQuery().groupNameLike("Matrix probe").list()
                        .forEach(g -> r.engine.getIdentityService().deleteGroup(g.getId())));
    }

    private void webapps() {
        on("POST " + WEBAPP + "/filter/{id}/list \"My tasks\"", s -> post(WEBAPP + "/filter/" + r.myTasksFilter
                + "/list?maxResults=50", Map.of("taskIdIn", List.of(r.task(s))))).listing(r::task);
        on("POST " + WEBAPP + "/filter/{id}/list \"Access approvals\"", s -> post(WEBAPP + "/filter/" + r.accessApprovalsFilter
                + "/list?maxResults=50", Map.of("taskIdIn", List.of(r.hostTask)))).listing(s -> r.hostTask);
        on("GET " + WEBAPP + "/task/{id}/form", s -> get(WEBAPP + "/task/" + r.task(s) + "/form"));
        on("GET " + WEBAPP + "/task/{id}/form-variables", s -> get(WEBAPP + "/task/" + r.task(s) + "/form-variables"));
        on("POST " + WEBAPP + "/task/{id}/submit-form a new host approval each time",
                s -> post(WEBAPP + "/task/" + r.newHostApproval(s) + "/submit-form", hostDecision()));
        startAtFirstStep(WEBAPP);
        on("GET " + COCKPIT + "/process-definition/statistics-count", s -> get(COCKPIT + "/process-definition/statistics-count"));
        on("GET " + COCKPIT + "/process-definition/statistics", s -> get(COCKPIT + "/process-definition/statistics?firstResult=0&maxResults=100"))
                .listing(s -> r.accessDefinition);
        on("POST " + COCKPIT + "/process-instance", s -> post(COCKPIT + "/process-instance?maxResults=10",
                Map.of("processDefinitionId", r.accessDefinition, "businessKey", r.accessRequest(s))))
                .listing(r::instance);
        on("POST " + WEBAPP + "/history/process-instance", s -> post(WEBAPP + "/history/process-instance?maxResults=10",
                Map.of("processInstanceIds", List.of(r.pendingInstance)))).listing(s -> r.pendingInstance);
        on("GET " + WEBAPP + "/user", s -> get(WEBAPP + "/user?id=" + userAimedAt(s) + "&maxResults=10"))
                .listing(this::userAimedAt);
        administration(WEBAPP);

        // Cockpit's audit plugin reads the trail with the session; the routes below take it too, no other
        on("GET /api/audit with a webapp session", s -> get("/api/audit?kind=access-request&size=5")
                .with(Credentials.WEBAPP_SESSION));
        on("GET /api/audit/access-requests/{id} with a webapp session",
                s -> get("/api/audit/access-requests/" + r.accessRequest(s)).with(Credentials.WEBAPP_SESSION));
        on("GET /api/audit with a webapp session, without the X-XSRF-TOKEN header",
                s -> get("/api/audit?kind=access-request&size=5").with(Credentials.WEBAPP_SESSION_WITHOUT_CSRF_TOKEN));
        on("GET /api/organisations/sharing with a webapp session",
                s -> get("/api/organisations/sharing?weeks=1").with(Credentials.WEBAPP_SESSION));
        on("POST /api/partners/{partnerId}/disconnect with a webapp session, a partner whose ending waits for confirmation (409)",
                s -> post("/api/partners/" + r.lonePartner + "/disconnect", Map.of("reason", "Matrix probe"))
                        .with(Credentials.WEBAPP_SESSION));
        fromCockpit("POST /api/partners/{partnerId}/offboardings/{id}/cancel", "one called off already (409)");
        // Cockpit's admin views call these rows of Gatehouse's API with the session (each module declares its own)
        fromCockpit("GET /api/sharing-policy/versions", null);
        fromCockpit("PUT /api/sharing-policy", "the current policy again");
        on("PUT /api/sharing-policy with a webapp session, without the X-XSRF-TOKEN header",
                s -> put("/api/sharing-policy", r.currentPolicy()).with(Credentials.WEBAPP_SESSION_WITHOUT_CSRF_TOKEN));
        fromCockpit("GET /api/ndas", null);
        fromCockpit("POST /api/ndas", "an NDA with the host (400)");
        fromCockpit("GET /api/intake/messages", null);
        fromCockpit("POST /api/intake/messages/{id}/convert", "a message that became a ticket (409)");
        fromCockpit("POST /api/intake/messages/{id}/dismiss", "a message that became a ticket (409)");
        fromCockpit("GET /api/directory/imports", null);
        fromCockpit("GET /api/directory/imports/{id}", null);
        fromCockpit("POST /api/directory/imports", "a file with a bad row (422)");
        fromCockpit("GET /api/directory/people", null);
        fromCockpit("POST /api/directory/people/{id}/deactivate", "a new employee each time");
        fromCockpit("POST /api/directory/people/{id}/activate", "an active employee");
        fromCockpit("PUT /api/directory/people/{id}/roles/{group}", "a role they hold");
        fromCockpit("DELETE /api/directory/people/{id}/roles/{group}", "a role they lack");
        on("GET /api/access-requests with a webapp session", s -> get("/api/access-requests?requester=" + MatrixRecords.OTHER)
                .with(Credentials.WEBAPP_SESSION));
    }

    /** A row of Gatehouse's API called as a Cockpit plugin calls it: its probe, with the webapps' session instead. */
    private void fromCockpit(String route, String state) {
        Probe basic = probes.get(state == null ? route : route + " " + state);
        on(route + " with a webapp session" + (state == null ? "" : ", " + state),
                s -> basic.call().apply(s).with(Credentials.WEBAPP_SESSION)).listing(basic.listed()).then(basic.after());
    }

    /** The calls of Camunda Admin, the same through {@code /engine-rest} and the webapps' API. */
    private void administration(String api) {
        on("POST " + api + "/authorization/create", s -> post(api + "/authorization/create", Map.of("type", 1,
                "permissions", List.of("ACCESS"), "groupId", r.probeGroup, "resourceType", 0, "resourceId", "matrix-probe")))
                .then((s, a) -> {
                    if (a.ok()) {
                        r.engine.getAuthorizationService().deleteAuthorization(a.json().get("id").asText());
                    }
                });
        on("POST " + api + "/user/create", s -> post(api + "/user/create", Map.of(
                "profile", Map.of("id", r.unique("matrixuser"), "firstName", "Matrix", "lastName", "Probe",
                        "email", "matrix-probe@acme.example"),
                "credentials", Map.of("password", "Matrix-probe-2024!"))))
                .then((s, a) -> r.engine.getIdentityService().createUserQuery().userEmail("matrix-probe@acme.example").list()
                        .forEach(u -> r.engine.getIdentityService().deleteUser(u.getId())));
        on("PUT " + api + "/group/{id}/members/{userId} themselves",
                s -> put(api + "/group/" + r.probeGroup + "/members/" + self(s), null))
                .then((s, a) -> TrustedCalls.run(() -> r.engine.getIdentityService().deleteMembership(self(s), r.probeGroup)));
    }

    /** A start at an activity, even the one a plain start takes first, is the door to starting anywhere. */
    private void startAtFirstStep(String api) {
        on("POST " + api + "/process-definition/key/{key}/start at its first step", s -> {
            Map<String, Object> body = variables(r.startVariables());
            body.put("startInstructions", List.of(startBefore("Activity_Register")));
            return post(api + START, body);
        });
    }

    private Map<String, Object> modification() {
        return Map.of("processDefinitionId", r.accessDefinition, "processInstanceIds", List.of(r.pendingInstance),
                "instructions", List.of(startBefore(MISSING_ACTIVITY)));
    }

    private void deleteBatch(Subject s, Answer a) {
        if (a.ok()) {
            r.engine.getManagementService().deleteBatch(a.json().get("id").asText(), true);
        }
    }

    /** On a list of users: the caller's own user, or someone else's. */
    private String userAimedAt(Subject s) {
        return s.mine() ? s.user() : MatrixRecords.OTHER;
    }

    /** The caller's own user, whatever the aim: rows about what people do to themselves. */
    private static String self(Subject s) {
        return s.user() == null ? MatrixRecords.OTHER : s.user();
    }

    private Call deployment(String path) {
        String boundary = "matrix" + System.nanoTime();
        String bpmn = """
                <?xml version="1.0" encoding="UTF-8"?>
                <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:camunda="http://camunda.org/schema/1.0/bpmn" targetNamespace="t">
                  <process id="matrix-probe" isExecutable="true" camunda:historyTimeToLive="2557"><startEvent id="s"/></process>
                </definitions>""";
        String body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"deployment-name\"\r\n\r\nmatrix-probe\r\n"
                + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"data\"; filename=\"matrix-probe.bpmn\"\r\n"
                + "Content-Type: application/octet-stream\r\n\r\n" + bpmn + "\r\n--" + boundary + "--\r\n";
        return new Call("POST", path, "multipart/form-data; boundary=" + boundary, body);
    }

    private static Map<String, Object> hostDecision() {
        return variables(Map.of("approved", true, "comment", "Matrix probe"));
    }

    private static Map<String, Object> value() {
        return Map.of("value", "probe", "type", "String");
    }

    /** The engine REST API's variable format, in a map the caller may add to. */
    private static Map<String, Object> variables(Map<String, Object> values) {
        return new HashMap<>(Api.variables(values));
    }

    private Entry on(String route, Function<Subject, Call> call) {
        if (probes.put(route, new Probe(call, null, (s, a) -> { })) != null) {
            throw new IllegalStateException("Two probes for " + route);
        }
        return new Entry(route);
    }

    /** A probe just registered, for adding what its list shows and what to undo. */
    private final class Entry {
        private final String route;

        Entry(String route) {
            this.route = route;
        }

        Entry listing(Function<Subject, String> value) {
            probes.computeIfPresent(route, (k, probe) -> probe.listing(value));
            return this;
        }

        Entry then(BiConsumer<Subject, Answer> undo) {
            probes.computeIfPresent(route, (k, probe) -> probe.then(undo));
            return this;
        }
    }

    private static Call get(String path) {
        return Call.of("GET", path, null);
    }

    private static Call post(String path, Object body) {
        return Call.of("POST", path, body);
    }

    private static Call put(String path, Object body) {
        return Call.of("PUT", path, body);
    }

    private static Call delete(String path) {
        return Call.of("DELETE", path, null);
    }

    /** Slack's URL check, signed with the app's signing secret; a made-up credential is a signature of nobody's. */
    private static Call slackUrlCheck(Subject s) {
        String body = "{\"token\":\"unused\",\"challenge\":\"matrix-probe\",\"type\":\"url_verification\"}";
        Map<String, String> signature = new HashMap<>(TestSlack.signedHeaders(body));
        if (s.aim() == Aim.MADE_UP) {
            signature.put("X-Slack-Signature", "v0=" + "0".repeat(64));
        }
        return new Call("POST", "/slack/events", "application/json", body).with(signature);
    }

    private static Map<String, Object> team(String slug) {
        return Map.of("slug", slug, "name", "HR", "businessHours", "09:00-18:00", "timeZone", "Europe/Paris",
                "firstResponseTarget", "PT4H", "resolutionTarget", "PT16H", "lead", "hana", "members", List.of("hana"));
    }
}

package org.gatehouse.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.JsonNode;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.gatehouse.ProcessDriver;
import org.gatehouse.access.AccessRequestFixtures;
import org.gatehouse.access.AccessRequestService;
import org.gatehouse.access.AccessRequestView;
import org.gatehouse.experts.ExpertFixtures;
import org.gatehouse.directory.Organisation;
import org.gatehouse.directory.OrganisationDraft;
import org.gatehouse.directory.OrganisationService;
import org.gatehouse.platform.AuthorizationMatrix.Role;
import org.gatehouse.platform.MatrixHttp.Answer;
import org.gatehouse.platform.MatrixHttp.Call;
import org.gatehouse.tickets.TicketCollaborators;

/**
 * The records the matrix acts on, made once per run: the row's record is someone else's, {@code dave}'s (a requester
 * in no column), and a caller's own record is made for them the first time a cell asks for it. Records a call spends
 * (a task completed, a person deactivated) are made anew for each cell.
 */
final class MatrixRecords {

    static final String OTHER = "dave";
    static final String MADE_UP_TOKEN = "made-up-token-0123456789";
    private static final AtomicInteger COUNTER = new AtomicInteger();

    /** Who a cell calls as, and whose record it aims at. */
    record Subject(Role role, String user, Aim aim) {

        boolean mine() {
            return aim == Aim.MINE;
        }
    }

    enum Aim { THEIRS, MINE, MADE_UP }

    final ProcessEngine engine;
    private final MatrixHttp http;
    private final AccessRequestFixtures access;
    private final AccessRequestService requests;
    private final ExpertFixtures experts;
    private final TicketCollaborators collaborators;
    private final ProcessDriver driver;

    final String expert;
    final String accessDefinition;
    final String pendingRequest;
    final String pendingInstance;
    final String hostTask;
    final String openInviteToken;
    final String connectedRequest;
    final String connectedChannel;
    final String spentInviteToken;
    final String endedInstance;
    final String lonePartner;
    /** The lone partner's offboarding, asked by bob, awaiting a second admin: a second one is refused (409). */
    final String offboarding;
    /** The lone partner's first offboarding, called off by bob: calling it off again is refused (409). */
    final String cancelledOffboarding;
    final String job;
    final String incident;
    final String ticket;
    final String triageTicket;
    final String ticketMessage;
    final String approval;
    final String approvalTask;
    final String openApprovalToken;
    final String spentApprovalToken;
    final String invitation;
    final String openInvitationToken;
    final String spentInvitationToken;
    final String probePerson;
    final String importId;
    final String ndaId;
    final String myTasksFilter;
    final String accessApprovalsFilter;
    final String requestersAuthorization;
    final String probeGroup = "matrixprobe";

    private final Map<String, String> ownRequests = new HashMap<>();
    private final Map<String, String> ownTickets = new HashMap<>();
    private final Map<String, String> ownApprovals = new HashMap<>();
    private final Map<String, String> ownInvitations = new HashMap<>();

    MatrixRecords(ProcessEngine engine, MatrixHttp http, AccessRequestFixtures access, AccessRequestService requests,
            ExpertFixtures experts, OrganisationService organisations, TicketCollaborators collaborators) {
        this.engine = engine;
        this.http = http;
        this.access = access;
        this.requests = requests;
        this.experts = experts;
        this.collaborators = collaborators;
        this.driver = access.driver();

        expert = experts.newExpert();
        accessDefinition = engine.getRepositoryService().createProcessDefinitionQuery()
                .processDefinitionKey("external-access-request").latestVersion().singleResult().getId();

        AccessRequestView pending = awaitingApproval(OTHER);
        pendingRequest = pending.id();
        pendingInstance = access.instance(pending).getId();
        hostTask = hostApprovalTask(pendingInstance);
        openInviteToken = access.token(pending);

        AccessRequestView connecting = awaitingApproval(OTHER);
        spentInviteToken = access.token(connecting);
        access.approveBothSides(access.instance(connecting), connecting, "bob");
        connectedRequest = connecting.id();
        connectedChannel = requests.get(connectedRequest).channelId();

        AccessRequestView withdrawn = awaitingApproval(OTHER);
        String withdrawnInstance = access.instance(withdrawn).getId();
        access.workflow().withdraw(withdrawn.id(), OTHER);
        driver.runJobs(withdrawnInstance);
        assertThat(engine.getHistoryService().createHistoricProcessInstanceQuery().processInstanceId(withdrawnInstance)
                .finished().count()).as("the withdrawn request's instance has ended").isOne();
        endedInstance = withdrawnInstance;

        String partner = "matrix-partner-" + UUID.randomUUID().toString().substring(0, 8);
        lonePartner = organisations.register(new OrganisationDraft(partner, "Matrix " + partner, Organisation.Kind.PARTNER,
                "Europe/Paris", "09:00-17:00", null)).id();
        cancelledOffboarding = id(as("bob", Call.of("POST", "/api/partners/" + lonePartner + "/disconnect",
                Map.of("reason", "Matrix probe"))));
        as("bob", Call.of("POST", "/api/partners/" + lonePartner + "/offboardings/" + cancelledOffboarding + "/cancel",
                Map.of()));
        offboarding = id(as("bob", Call.of("POST", "/api/partners/" + lonePartner + "/disconnect",
                Map.of("reason", "Matrix probe"))));

        var management = engine.getManagementService();
        job = management.createJobQuery().processInstanceId(pendingInstance).list().stream().findFirst()
                .orElseThrow(() -> new IllegalStateException("dave's pending request has no job")).getId();
        engine.getRuntimeService().createIncident("matrixProbe", engine.getTaskService().createTaskQuery().taskId(hostTask)
                .singleResult().getExecutionId(), "the matrix's own incident");
        incident = engine.getRuntimeService().createIncidentQuery().processInstanceId(pendingInstance)
                .incidentType("matrixProbe").singleResult().getId();

        ticket = fileTicket(OTHER, "it");
        triageTicket = id(as(OTHER, Call.of("POST", "/api/tickets", Map.of("subject", "Zq matrix probe",
                "body", "Xylophone quartz"))));
        ticketMessage = as("admin", Call.of("GET", "/api/intake/messages?status=TICKET&limit=500", null)).json()
                .findParents("ticketId").stream().filter(m -> m.get("ticketId").asText().equals(ticket)).findFirst()
                .orElseThrow(() -> new IllegalStateException("dave's ticket has no inbound message")).get("id").asText();

        approval = askApproval(OTHER);
        approvalTask = approveTask(approval);
        openApprovalToken = experts.token(OTHER, "/approvals/");
        String approver = experts.newEmployee();
        askApproval(approver);
        spentApprovalToken = experts.token(approver, "/approvals/");
        http.send(null, Call.of("POST", "/approvals/" + spentApprovalToken + "/approve", Map.of()));

        String invitee = experts.newEmployee();
        invitation = invite(invitee);
        openInvitationToken = experts.token(invitee);
        String accepting = experts.newEmployee();
        invite(accepting);
        spentInvitationToken = experts.token(accepting);
        http.send(null, Call.of("POST", "/expert-invitations/" + spentInvitationToken + "/accept", null));

        probePerson = experts.newEmployee();
        as("admin", Call.of("PUT", "/api/directory/people/" + probePerson + "/roles/external-sharers", null));
        importId = as("admin", new Call("POST", "/api/directory/imports", "text/csv", badImport())).json()
                .path("report").path("id").asText();
        ndaId = as("lena", Call.of("GET", "/api/ndas?organisation=globex", null)).json().path("entries").path(0).path("id")
                .asText();

        var filters = engine.getFilterService();
        myTasksFilter = filters.createFilterQuery().filterName("My tasks").singleResult().getId();
        accessApprovalsFilter = filters.createFilterQuery().filterName("Access approvals").singleResult().getId();
        requestersAuthorization = engine.getAuthorizationService().createAuthorizationQuery().groupIdIn("requesters")
                .resourceType(Resources.APPLICATION).list().get(0).getId();
        var identity = engine.getIdentityService();
        if (identity.createGroupQuery().groupId(probeGroup).count() == 0) {
            identity.saveGroup(identity.newGroup(probeGroup));
        }
    }

    /** Undoes what the records left in the engine that other tests could trip over. */
    void close() {
        engine.getRuntimeService().resolveIncident(incident);
        engine.getIdentityService().deleteGroup(probeGroup);
    }

    // ---- the record a cell aims at: the caller's own, or someone else's

    String accessRequest(Subject s) {
        return s.mine() ? ownRequest(s.user()) : pendingRequest;
    }

    /** A connected request: alice's own is connected (so is dave's), and neither can be withdrawn. */
    String connectedRequest(Subject s) {
        return s.mine() ? ownRequest(s.user()) : connectedRequest;
    }

    String channel(Subject s) {
        return s.mine() ? requests.get(ownRequest(s.user())).channelId() : connectedChannel;
    }

    String instance(Subject s) {
        return s.mine() ? driver.instance(ownRequest(s.user())).getId() : pendingInstance;
    }

    String task(Subject s) {
        return s.mine() ? approveTask(ownApprovals.computeIfAbsent(s.user(), this::askApproval)) : hostTask;
    }

    /** The caller's own task, whatever the aim: rows about what people do with the tasks they hold. */
    String ownTask(Subject s) {
        return s.user() == null ? approvalTask : task(new Subject(s.role(), s.user(), Aim.MINE));
    }

    /** A task of the caller's own that the call may spend. */
    String newOwnTask(Subject s) {
        return s.user() == null ? approvalTask : approveTask(askApproval(s.user()));
    }

    String ticket(Subject s) {
        return s.mine() ? ownTickets.computeIfAbsent(s.user(), user -> fileTicket(user, "it")) : ticket;
    }

    String approval(Subject s) {
        return s.mine() ? ownApprovals.computeIfAbsent(s.user(), this::askApproval) : approval;
    }

    String invitation(Subject s) {
        return s.mine() ? ownInvitations.computeIfAbsent(s.user(), this::invite) : invitation;
    }

    static String token(Subject s, String real) {
        return s.aim() == Aim.MADE_UP ? MADE_UP_TOKEN : real;
    }

    // ---- records a cell spends, made anew

    /** dave's host approval, for a call that completes it; anonymous calls aim at the shared one, they never get in. */
    String newHostApproval(Subject s) {
        if (s.user() == null) {
            return hostTask;
        }
        AccessRequestView request = awaitingApproval(OTHER);
        return hostApprovalTask(access.instance(request).getId());
    }

    String newEmployee() {
        return experts.newEmployee();
    }

    String newCollaborator() {
        String email = "matrix-" + COUNTER.incrementAndGet() + "@partner.example";
        collaborators.add(Long.parseLong(ticket), email, "admin");
        return email;
    }

    String unique(String prefix) {
        return prefix + COUNTER.incrementAndGet() + UUID.randomUUID().toString().substring(0, 6);
    }

    /** A new request's fields (a channel of its own), as the API and the start form of Tasklist take them. */
    Map<String, Object> startVariables() {
        return AccessRequestFixtures.fields(access.draft("Globex", LocalDate.now().plusMonths(2)));
    }

    /** The sharing policy as it is, in the shape {@code PUT /api/sharing-policy} takes it. */
    Map<String, Object> currentPolicy() {
        JsonNode policy = as("admin", Call.of("GET", "/api/sharing-policy", null)).json();
        return Map.of("shareMode", policy.get("shareMode"), "allowedGroups", policy.get("allowedGroups"),
                "channelRules", policy.get("channelRules"));
    }

    JsonNode requesterAttributes() {
        return as("admin", Call.of("GET", "/api/directory/requester-attributes", null)).json().get("attributes");
    }

    Map<String, Object> profile(String user) {
        var u = engine.getIdentityService().createUserQuery().userId(user).singleResult();
        return Map.of("id", u.getId(), "firstName", u.getFirstName(), "lastName", u.getLastName(), "email", u.getEmail());
    }

    static String badImport() {
        return "Employee ID,First name,Last name,Email,Position,Department,Supervisor,Office,Time zone,Status\n"
                + "matrix-1,Bad,Row,not-an-address,,,,,,active\n";
    }

    static Map<String, Object> startBefore(String activity) {
        return Map.of("type", "startBeforeActivity", "activityId", activity);
    }

    // ---- making records

    private String ownRequest(String user) {
        return ownRequests.computeIfAbsent(user, u -> u.equals("alice")
                ? access.connected(u, "Globex", LocalDate.now().plusMonths(1)).getBusinessKey()
                : access.submit(u, "Globex", LocalDate.now().plusMonths(1)).id());
    }

    private AccessRequestView awaitingApproval(String requester) {
        AccessRequestView request = access.submit(requester, "Globex", LocalDate.now().plusMonths(1));
        ProcessInstance instance = access.instance(request);
        driver.runJobs(instance.getId());
        return request;
    }

    private String hostApprovalTask(String instance) {
        return engine.getTaskService().createTaskQuery().processInstanceId(instance).taskDefinitionKey("hostAdminApproval")
                .singleResult().getId();
    }

    private String fileTicket(String user, String category) {
        return id(as(user, Call.of("POST", "/api/tickets", Map.of("subject", "Matrix probe of " + user,
                "body", "A question asked for the authorization matrix", "category", category))));
    }

    /** An approval asked by finn (an expert in no column) of {@code approver}, with its task and link sent. */
    private String askApproval(String approver) {
        String id = id(as("finn", Call.of("POST", "/api/approvals", Map.of("approver", approver,
                "subject", "Matrix probe for " + approver))));
        driver.runJobs(driver.instance(id).getId());
        return id;
    }

    private String approveTask(String approvalId) {
        return engine.getTaskService().createTaskQuery().processInstanceBusinessKey(approvalId)
                .taskDefinitionKey("approve").singleResult().getId();
    }

    /** An expert invitation by hana (so never of hana herself), with its link sent. */
    private String invite(String personId) {
        String id = id(as("hana", Call.of("POST", "/api/experts/invitations", Map.of("personId", personId))));
        driver.runJobs(driver.instance(id).getId());
        return id;
    }

    private Answer as(String user, Call call) {
        Answer answer = http.send(user, call);
        if (!answer.ok() && !call.path().startsWith("/api/directory/imports")) {
            throw new IllegalStateException("The matrix's set-up " + call.method() + " " + call.path() + " as " + user
                    + " got " + answer);
        }
        return answer;
    }

    private static String id(Answer answer) {
        return answer.json().get("id").asText();
    }
}

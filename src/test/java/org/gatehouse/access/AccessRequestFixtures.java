package org.gatehouse.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.AbstractAssertions;
import org.gatehouse.FlakyChannelGateway;
import org.gatehouse.ProcessDriver;
import org.gatehouse.TestSlack;
import org.gatehouse.channels.OutboxMessages;
import org.gatehouse.slack.SlackConnectFixtures;
import org.gatehouse.slack.SlackConnectFixtures.Invitation;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * The steps of an access request as tests need them: fresh channels and partners (the demo data is shared by every
 * test of the run), submission, both approvals, the partner's token; the same on Slack.
 */
@Component
public class AccessRequestFixtures {

    private static final AtomicInteger COUNTER = new AtomicInteger();

    @Autowired OutboxMessages outbox;

    @Autowired ProcessEngine engine;
    @Autowired AccessRequestWorkflow workflow;
    @Autowired AccessRequestService requests;
    @Autowired SlackConnectFixtures slackConnect;
    @Autowired FlakyChannelGateway gateway;

    public AccessRequestWorkflow workflow() {
        return workflow;
    }

    public ProcessDriver driver() {
        AbstractAssertions.init(engine);
        return new ProcessDriver(engine);
    }

    /** A partner seen for the first time has no NDA on file. */
    public String newPartner() {
        return "Newco " + COUNTER.incrementAndGet();
    }

    public AccessRequestDraft draft(String partner, LocalDate endDate) {
        String channel = "project-" + COUNTER.incrementAndGet();
        String domain = partner.toLowerCase().replaceAll("[^a-z0-9]+", "") + ".example";
        return new AccessRequestDraft("acme-main", channel, partner, "Pat Partner", "contact-" + channel + "@" + domain,
                "Project " + channel, endDate, "Work together on " + channel);
    }

    /** A draft's fields as the API's body and Tasklist's start form carry them; the caller may add to them. */
    public static Map<String, Object> fields(AccessRequestDraft draft) {
        Map<String, Object> fields = new HashMap<>();
        fields.put("workspace", draft.workspace());
        fields.put("channelName", draft.channelName());
        fields.put("partnerOrganisation", draft.partnerOrganisation());
        fields.put("partnerContactName", draft.partnerContactName());
        fields.put("partnerContactEmail", draft.partnerContactEmail());
        fields.put("projectName", draft.projectName());
        fields.put("endDate", draft.endDate().toString());
        fields.put("purpose", draft.purpose());
        return fields;
    }

    public AccessRequestView submit(String requester, String partner, LocalDate endDate) {
        return workflow.submit(draft(partner, endDate), requester);
    }

    public ProcessInstance instance(AccessRequestView request) {
        return instance(request.id());
    }

    public ProcessInstance instance(String requestId) {
        return driver().instance(requestId);
    }

    /** The NDA's own instance ({@code nda-assurance}) that the request's process waits on. */
    public ProcessInstance nda(ProcessInstance request) {
        return engine.getRuntimeService().createProcessInstanceQuery().superProcessInstanceId(request.getId()).singleResult();
    }

    /** The partner's token, from the invitation their contact was sent. */
    public String token(AccessRequestView request) {
        return outbox.linkToken(request.partnerContactEmail(), "/invite/");
    }

    public void approveBothSides(ProcessInstance pi, AccessRequestView request, String hostAdmin) {
        ProcessDriver driver = driver();
        driver.complete(task("hostAdminApproval", pi), hostAdmin, Map.of("approved", true, "comment", "Fine"));
        partnerAccepts(request);
        driver.runJobs(pi.getId());
    }

    /** The partner's admin accepts through the link, naming the channel {@code their-<channel>} on their side. */
    public void partnerAccepts(AccessRequestView request) {
        workflow.partnerAccepts(token(request), new PartnerAcceptance("Partner Admin", partnerAdmin(request),
                "their-" + request.channelName()));
    }

    /** The partner's admin, at the contact's domain. */
    public static String partnerAdmin(AccessRequestView request) {
        return "admin@" + request.partnerContactEmail().substring(request.partnerContactEmail().indexOf('@') + 1);
    }

    /**
     * From now on the processes call the Slack gateway, against the tests' Slack answering every Slack Connect call;
     * the test puts the local one back after ({@link FlakyChannelGateway#useLocal}).
     */
    public Invitation onSlack(boolean enterpriseGrid) {
        Invitation invitation = slackConnect.answerSlackConnect();
        gateway.use(slackConnect.gateway(enterpriseGrid));
        return invitation;
    }

    /** A request on Slack, accepted there, approved in Tasklist and confirmed by Slack: it waits for its end date. */
    public ProcessInstance connectedOnSlack(AccessRequestView request, Invitation slack) {
        ProcessInstance pi = instance(request);
        ProcessDriver driver = driver();
        driver.runJobs(pi.getId());
        slackConnect.accepted(slack, request.channelName(), partnerAdmin(request), true);
        driver.complete(task("hostAdminApproval", pi), "bob", Map.of("approved", true));
        driver.runJobs(pi.getId());
        slackConnect.approved(slack, request.channelName(), partnerAdmin(request), TestSlack.TEAM);
        driver.runJobs(pi.getId());
        assertThat(pi).isWaitingAt("Event_EndDate");
        return pi;
    }

    /** A request with a valid NDA, approved on both sides and connected: the instance waits for the end date. */
    public ProcessInstance connected(String requester, String partner, LocalDate endDate) {
        AccessRequestView request = submit(requester, partner, endDate);
        ProcessInstance pi = instance(request);
        driver().runJobs(pi.getId());
        approveBothSides(pi, request, "bob");
        assertThat(pi).isWaitingAt("Event_EndDate");
        return pi;
    }
}

package org.gatehouse.tickets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.gatehouse.FlakyChannelGateway;
import org.gatehouse.EngineTest;
import org.gatehouse.ProcessDriver;
import org.gatehouse.approvals.ApprovalWorkflow;
import org.gatehouse.channels.LocalChannelGateway;
import org.gatehouse.channels.OutboxMessages;
import org.gatehouse.channels.OutboxMessages.Sent;
import org.gatehouse.experts.ExpertFixtures;
import org.gatehouse.directory.PersonService;
import org.gatehouse.intake.Mailboxes;
import org.gatehouse.teams.TeamDraft;
import org.gatehouse.teams.TeamService;
import org.gatehouse.platform.ConflictException;
import org.gatehouse.platform.InvalidInputException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Every path of {@code ticket-lifecycle} and of the {@code approval} it calls, every rule of {@code ticket-routing},
 * with the real directory and teams of the demo, the local chat platform and the engine's clock moved by the test.
 */
class TicketProcessTest extends EngineTest {

    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

    @Autowired TicketWorkflow workflow;
    @Autowired TicketService tickets;
    @Autowired TicketConversation conversation;
    @Autowired TicketCollaborators collaborators;
    @Autowired TicketHandling handling;
    @Autowired LocalChannelGateway platform;
    @Autowired OutboxMessages outbox;
    @Autowired Mailboxes mail;
    @Autowired ExpertFixtures experts;
    @Autowired FlakyChannelGateway gateway;
    @Autowired TeamService teams;
    @Autowired PersonService people;
    @Autowired ApprovalWorkflow approvals;

    @AfterEach
    void healPlatform() {
        gateway.heal();
    }

    private Ticket open(String requester, String subject, String body, String category) {
        return workflow.open(new NewTicket(subject, body, category, ContactChannel.API, requester, requester,
                "Xena " + requester, requester, Origin.none()));
    }

    private static void at(ZonedDateTime time) {
        ClockUtil.setCurrentTime(Date.from(time.toInstant()));
    }

    private static LocalDateTime utc(ZonedDateTime time) {
        return LocalDateTime.ofInstant(time.toInstant(), ZoneOffset.UTC);
    }

    @Test
    void aTicketRoutedByCategoryIsWarnedEscalatedResolvedAndClosesItself() {
        // Friday 16:00 in Paris: two working hours left in HR's day
        at(ZonedDateTime.of(2026, 11, 27, 16, 0, 0, 0, PARIS));
        String requester = experts.newEmployee();
        Ticket ticket = open(requester, "Question", "Where do I find my November statement?", "hr");
        ProcessInstance pi = driver.instance(ticket.businessKey());
        assertThat(pi).hasPassed("StartEvent_TicketReceived", "Activity_RouteTicket", "Activity_AssignTeam")
                .isWaitingAt("Activity_SendReceipt", "handleTicket");
        Ticket routed = tickets.get(ticket.id());
        assertThat(routed.team()).isEqualTo("hr");
        assertThat(routed.status()).isEqualTo(Ticket.Status.NEW);
        // 4 working hours: 2 on Friday, 2 on Monday morning; 16 hours: Friday 2, Monday 9, Tuesday 5
        assertThat(routed.firstResponseDue()).isEqualTo(utc(ZonedDateTime.of(2026, 11, 30, 11, 0, 0, 0, PARIS)));
        assertThat(routed.firstResponseWarn()).isEqualTo(utc(ZonedDateTime.of(2026, 11, 30, 10, 0, 0, 0, PARIS)));
        assertThat(routed.resolutionDue()).isEqualTo(utc(ZonedDateTime.of(2026, 12, 1, 14, 0, 0, 0, PARIS)));

        driver.runJobs(pi.getId());
        assertThat(pi).hasPassed("EndEvent_ReceiptSent");
        assertThat(outbox.to(requester)).last().satisfies(d -> assertThat(d.body())
                .contains("We received your request " + ticket.reference()));
        assertThat(pi).isWaitingAt("handleTicket").task().hasCandidateGroup("team-hr").isNotAssigned()
                .hasDueDate(Date.from(routed.resolutionDue().toInstant(ZoneOffset.UTC)));
        assertThat(pi).variables().containsEntry("ticketReference", ticket.reference())
                .containsKey("conversation").containsKey("requesterProfile");

        driver.fireTimer(pi.getId(), "Event_FirstResponseWarning");
        assertThat(pi).hasPassed("Activity_WarnFirstResponse", "EndEvent_FirstResponseWarned");
        assertThat(outbox.to("hana")).last().satisfies(d -> assertThat(d.body())
                .contains(ticket.reference()).contains("first-response target is due"));
        assertThat(mail.inbox(people.get("hana").email())).as("the warning reaches the holder by mail")
                .anySatisfy(m -> assertThat(m.getSubject()).isEqualTo("[" + ticket.reference() + "] first-response target due at "
                        + routed.firstResponseDue().withNano(0) + " UTC"));
        driver.fireTimer(pi.getId(), "Event_FirstResponseBreached");
        assertThat(pi).hasPassed("Activity_EscalateFirstResponse", "EndEvent_FirstResponseEscalated");
        assertThat(outbox.to("hana")).last().satisfies(d -> assertThat(d.body())
                .contains("breached its first-response target").contains("nobody holds it"));
        assertThat(tickets.get(ticket.id()).firstResponseBreachedAt()).isNotNull();

        workflow.claim(ticket.id(), "hana");
        assertThat(task(pi)).isAssignedTo("hana");
        assertThat(tickets.get(ticket.id()).status()).isEqualTo(Ticket.Status.OPEN);
        assertThatThrownBy(() -> workflow.claim(ticket.id(), "finn")).isInstanceOf(ConflictException.class);

        driver.fireTimer(pi.getId(), "Event_ResolutionWarning");
        assertThat(pi).hasPassed("Activity_WarnResolution", "EndEvent_ResolutionWarned");
        assertThat(outbox.to("hana")).last().satisfies(d -> assertThat(d.body())
                .contains("resolution target is due"));
        driver.fireTimer(pi.getId(), "Event_ResolutionBreached");
        assertThat(pi).hasPassed("Activity_EscalateResolution", "EndEvent_ResolutionEscalated");
        assertThat(tickets.get(ticket.id()).resolutionBreachedAt()).isNotNull();

        Date resolvedAt = ClockUtil.getCurrentTime();
        workflow.resolve(ticket.id(), "hana", "It is in the HR portal under Documents.");
        Duration reopenWindow = driver.timerDuration(pi.getProcessDefinitionId(), "Event_AutoClose");
        assertThat(driver.job(pi.getId(), "Event_AutoClose").getDuedate()).as("the model's reopen window after resolving")
                .isEqualTo(Date.from(resolvedAt.toInstant().plus(reopenWindow)));
        assertThat(pi).hasPassed("EndEvent_Handled", "Activity_ApplyAction")
                .isWaitingAt("Activity_SendReply", "Gateway_Resolved");
        driver.runJobs(pi.getId());
        assertThat(pi).hasPassed("EndEvent_ReplySent");
        assertThat(outbox.to(requester)).last().satisfies(d -> assertThat(d.body())
                .contains("HR portal"));
        assertThat(pi).isWaitingAt("Gateway_Resolved");
        assertThat(tickets.get(ticket.id()).status()).isEqualTo(Ticket.Status.RESOLVED);

        driver.fireTimer(pi.getId(), "Event_AutoClose");
        assertThat(pi).hasPassed("Activity_CloseTicket", "EndEvent_Closed").isEnded();
        assertThat(tickets.get(ticket.id()).status()).isEqualTo(Ticket.Status.CLOSED);
        assertThatThrownBy(() -> workflow.fromRequester(ticket.id(), requester, null, "One more thing",
                ContactChannel.API, Origin.none())).isInstanceOf(ConflictException.class).hasMessageContaining("is closed");
        assertThat(tickets.view(ticket.id(), "admin").history()).extracting(TicketView.Event::kind)
                .contains("CREATED", "ROUTED", "SLA_WARNING", "SLA_BREACH", "ASSIGNED", "STATUS");
    }

    @Test
    void aPendingTicketPausesItsClockAndComesBackWhenTheRequesterAnswersAsAResolvedOneReopens() {
        // Monday 10:00 in New York, IT's time zone
        at(ZonedDateTime.of(2026, 11, 30, 10, 0, 0, 0, NEW_YORK));
        String requester = experts.newEmployee();
        Ticket ticket = open(requester, "Broken laptop", "My laptop screen flickers", null);
        ProcessInstance pi = driver.instance(ticket.businessKey());
        driver.runJobs(pi.getId());
        assertThat(pi).isWaitingAt("handleTicket").task().hasCandidateGroup("team-it");
        workflow.claim(ticket.id(), "ivy");

        assertThatThrownBy(() -> workflow.reply(ticket.id(), "ivy", " ", true)).isInstanceOf(InvalidInputException.class);
        workflow.reply(ticket.id(), "ivy", "Which model is it?", true);
        driver.runJobs(pi.getId());
        assertThat(pi).isWaitingAt("Event_RequesterAnswered");
        Ticket pending = tickets.get(ticket.id());
        assertThat(pending.status()).isEqualTo(Ticket.Status.PENDING);
        assertThat(pending.firstRespondedAt()).isNotNull();
        assertThatThrownBy(() -> workflow.resolve(ticket.id(), "ivy", null)).isInstanceOf(ConflictException.class);

        // the requester answers the next day at 10:00: a whole working day (9 hours) was spent waiting
        at(ZonedDateTime.of(2026, 12, 1, 10, 0, 0, 0, NEW_YORK));
        workflow.fromRequester(ticket.id(), requester, null, "A T14", ContactChannel.API, Origin.none());
        assertThat(pi).hasPassed("EndEvent_AnswerReceived", "Activity_ResumeTicket")
                .hasNotPassed("Activity_RemindRequester", "Activity_CloseTicket");
        Ticket resumed = tickets.get(ticket.id());
        assertThat(resumed.status()).isEqualTo(Ticket.Status.OPEN);
        assertThat(resumed.resolutionDue()).isEqualTo(Sla.due(hoursOfIt(), pending.resolutionDue(),
                Duration.ofHours(9)));
        assertThat(pi).isWaitingAt("handleTicket").task().isAssignedTo("ivy")
                .as("due when the moved resolution target is").hasDueDate(Date.from(resumed.resolutionDue().toInstant(ZoneOffset.UTC)));

        workflow.resolve(ticket.id(), "ivy", null);
        driver.runJobs(pi.getId());
        workflow.fromRequester(ticket.id(), requester, null, "It flickers again", ContactChannel.API, Origin.none());
        assertThat(pi).hasPassed("Event_ReopenedByRequester", "Activity_ReopenTicket").isWaitingAt("handleTicket");
        assertThat(tickets.get(ticket.id()).status()).isEqualTo(Ticket.Status.OPEN);
        assertThat(tickets.view(ticket.id(), requester).messages()).extracting(TicketView.Message::kind)
                .containsExactly("REQUEST", "REPLY", "REPLY", "ANSWER", "ANSWER");
    }

    @Test
    void aPendingTicketRemindsItsRequesterInItsThreadAfterThreeDaysAndClosesItselfAfterSeven() {
        ZonedDateTime asked = ZonedDateTime.of(2026, 11, 30, 10, 0, 0, 0, NEW_YORK);
        at(asked);
        String requester = experts.newEmployee();
        Ticket ticket = open(requester, "Broken laptop", "My laptop screen flickers", null);
        ProcessInstance pi = driver.instance(ticket.businessKey());
        driver.runJobs(pi.getId());
        workflow.claim(ticket.id(), "ivy");
        String collaborator = "reminder-" + UUID.randomUUID() + "@example.org";
        collaborators.add(ticket.id(), collaborator, "ivy");
        workflow.reply(ticket.id(), "ivy", "Which model is it?", true);
        driver.runJobs(pi.getId());
        assertThat(mail.inbox(collaborator)).as("a collaborator receives the question").isNotEmpty();
        int collaboratorMails = mail.inbox(collaborator).size();
        assertThat(pi).hasPassed("StartEvent_QuestionAsked").isWaitingAt("Event_RequesterAnswered");
        assertThat(driver.job(pi.getId(), "Event_RequesterReminder").getDuedate())
                .isEqualTo(Date.from(asked.plusDays(3).toInstant()));
        assertThat(driver.job(pi.getId(), "Event_RequesterSilent").getDuedate())
                .isEqualTo(Date.from(asked.plusDays(7).toInstant()));
        int told = outbox.to(requester).size();

        driver.fireTimer(pi.getId(), "Event_RequesterReminder");
        assertThat(pi).hasPassed("Activity_RemindRequester", "Activity_SendReminder", "EndEvent_ReminderSent")
                .isWaitingAt("Event_RequesterAnswered");
        assertThat(outbox.to(requester)).as("one reminder, through the ticket's channel").hasSize(told + 1).last()
                .satisfies(d -> assertThat(d.body()).contains(ticket.reference())
                        .contains("We are still waiting for your answer")
                        .as("the day the model's own timer closes it, not a copy of its duration")
                        .contains("closes on its own on " + asked.plusDays(7).withZoneSameInstant(ZoneOffset.UTC).toLocalDate()));
        assertThat(tickets.view(ticket.id(), requester).messages()).last().satisfies(m -> {
            assertThat(m.kind()).as("a reply on the ticket, which the requester answers in its thread").isEqualTo("REPLY");
            assertThat(m.author()).isEqualTo(TicketService.GATEHOUSE);
        });
        assertThat(mail.inbox(collaborator)).as("the collaborators were asked nothing").hasSize(collaboratorMails);
        assertThat(tickets.get(ticket.id()).status()).isEqualTo(Ticket.Status.PENDING);

        driver.fireTimer(pi.getId(), "Event_RequesterSilent");
        assertThat(pi).hasPassed("Gateway_ToClose", "Activity_CloseTicket", "EndEvent_Closed")
                .hasNotPassed("EndEvent_AnswerReceived", "Activity_ResumeTicket").isEnded();
        assertThat(tickets.get(ticket.id()).status()).isEqualTo(Ticket.Status.CLOSED);
        assertThat(outbox.to(requester)).as("closing tells nobody").hasSize(told + 1);
        assertThatThrownBy(() -> workflow.fromRequester(ticket.id(), requester, null, "A T14", ContactChannel.API,
                Origin.none())).isInstanceOf(ConflictException.class).hasMessageContaining("is closed");
        assertThat(tickets.view(ticket.id(), "admin").history()).extracting(TicketView.Event::kind).contains("REMINDED");
    }

    @Test
    void aTicketNoRuleMatchesWaitsInTriageUntilAnExpertNamesARealTeam() {
        String requester = experts.newEmployee();
        Ticket ticket = open(requester, "A question", "Who decides about the parking spaces?", null);
        ProcessInstance pi = driver.instance(ticket.businessKey());
        driver.runJobs(pi.getId());
        assertThat(pi).isWaitingAt("triageTicket").task().hasCandidateGroup("experts");
        assertThat(ProcessDriver.dueIn(task("triageTicket", pi))).isEqualTo(Duration.ofDays(1));
        assertThat(tickets.get(ticket.id()).team()).isNull();
        assertThat(engine.getTaskService().getVariableLocal(task("triageTicket", pi).getId(), "teamOptions"))
                .as("the triage form's select offers every team").asString().contains("hr=HR").contains("it=IT");

        assertThatThrownBy(() -> workflow.triage(ticket.id(), "facilities", "hana"))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("There is no team 'facilities'");
        assertThat(pi).isWaitingAt("triageTicket");
        workflow.triage(ticket.id(), "legal", "hana");
        assertThat(pi).hasPassed("Activity_AssignTriagedTeam").isWaitingAt("handleTicket").task()
                .hasCandidateGroup("team-legal");
        assertThat(tickets.get(ticket.id()).firstResponseDue()).isNotNull();
    }

    /**
     * The handling form as Tasklist submits it, as the signed-in expert: kept with a note, a collaborator and a reply
     * (the task comes back at once, the messages go out beside it); refused submissions record nothing; kept with a
     * transfer, the task goes to the new team, which is warned of the due times the ticket had, and resolves it.
     */
    @Test
    void anExpertKeepsTheTicketWithANoteAndACollaboratorThenTransfersItToATeamThatResolvesIt() {
        String requester = experts.newEmployee();
        String collaborator = "garage-" + UUID.randomUUID() + "@example.org";
        Ticket ticket = open(requester, "Company car", "My company car needs new tyres", "it");
        ProcessInstance pi = driver.instance(ticket.businessKey());
        driver.runJobs(pi.getId());
        workflow.claim(ticket.id(), "ivy");
        Ticket routed = tickets.get(ticket.id());

        driver.complete(task(pi), "ivy", Map.of("ticketAction", "KEEP", "internalNote", "The lease covers tyres",
                "collaboratorEmail", collaborator, "reply", "The garage will call you."));
        assertThat(pi).hasPassed("Activity_ApplyAction", "Event_MessagesToSend", "Event_MessagesToSendCaught")
                .hasNotPassed("EndEvent_Handled").isWaitingAt("handleTicket", "Activity_SendMessages");
        assertThat(task(pi)).as("back to the expert at once").isAssignedTo("ivy");
        assertThat(engine.getTaskService().getIdentityLinksForTask(task(pi).getId()))
                .extracting(IdentityLink::getGroupId).contains("team-it");
        assertThat(pi).variables().doesNotContainKeys("internalNote", "collaboratorEmail", "reply", "ticketAction")
                .containsEntry("ticketStatus", "OPEN");
        driver.runJobs(pi.getId());
        assertThat(pi).hasPassed("Activity_SendMessages", "EndEvent_MessagesSent");
        assertThat(mail.inbox(collaborator)).as("the collaborator gets the note and the reply").hasSize(2);
        assertThat(outbox.to(requester)).last().satisfies(d -> assertThat(d.body()).contains("The garage will call you."));
        assertThat(outbox.to(requester)).noneSatisfy(d -> assertThat(d.body()).contains("lease"));
        TicketView kept = tickets.view(ticket.id(), "ivy");
        assertThat(kept.collaborators()).contains(collaborator);
        assertThat(kept.messages()).filteredOn(m -> m.kind().equals("NOTE")).singleElement().satisfies(m -> {
            assertThat(m.author()).isEqualTo("ivy");
            assertThat(m.via()).isEqualTo("TASKLIST");
            assertThat(m.body()).isEqualTo("The lease covers tyres");
        });
        assertThat(pi).variables().extractingByKey("conversation").asString().contains("The lease covers tyres");
        assertThat(engine.getTaskService().getVariableLocal(task(pi).getId(), "teamOptions")).asString()
                .as("the other teams").contains("finance=Finance").doesNotContain("it=");

        int messages = tickets.view(ticket.id(), "ivy").messages().size();
        for (Map<String, Object> refused : List.<Map<String, Object>>of(
                Map.of("ticketAction", "KEEP", "transferTo", "gardening", "internalNote", "Lost"),
                Map.of("ticketAction", "KEEP", "transferTo", "it", "internalNote", "Lost"),
                Map.of("ticketAction", "RESOLVE", "transferTo", "finance", "internalNote", "Lost"),
                Map.of("ticketAction", "KEEP", "collaboratorEmail", "not an address", "internalNote", "Lost"),
                Map.of("ticketAction", "KEEP", "internalNote", " "))) {
            assertThatThrownBy(() -> driver.complete(task(pi), "ivy", refused)).as(refused.toString())
                    .isInstanceOf(InvalidInputException.class);
        }
        assertThat(tickets.view(ticket.id(), "ivy").messages()).as("a refusal keeps nothing").hasSize(messages);
        assertThat(tickets.get(ticket.id()).team()).isEqualTo("it");

        driver.complete(task(pi), "ivy", Map.of("ticketAction", "KEEP", "transferTo", "finance",
                "internalNote", "Finance pays the lease"));
        Ticket transferred = tickets.get(ticket.id());
        assertThat(transferred.team()).isEqualTo("finance");
        assertThat(transferred.assignee()).isNull();
        assertThat(transferred.status()).isEqualTo(Ticket.Status.OPEN);
        assertThat(transferred.resolutionDue()).as("the due times stay").isEqualTo(routed.resolutionDue());
        assertThat(task(pi)).hasCandidateGroup("team-finance").isNotAssigned()
                .hasDueDate(Date.from(routed.resolutionDue().toInstant(ZoneOffset.UTC)));
        assertThat(tickets.view(ticket.id(), "finn").history()).anySatisfy(e -> {
            assertThat(e.kind()).isEqualTo("TRANSFERRED");
            assertThat(e.actor()).isEqualTo("ivy");
            assertThat(e.detail()).isEqualTo("it -> finance");
        });

        // the new team hears of the due times, and resolves the ticket
        driver.fireTimer(pi.getId(), "Event_ResolutionWarning");
        assertThat(outbox.to("finn")).last().satisfies(d -> assertThat(d.body()).contains(ticket.reference())
                .contains("resolution target is due"));
        driver.complete(task(pi), "finn", Map.of("ticketAction", "RESOLVE", "reply", "New tyres on Monday."));
        assertThat(pi).hasPassed("EndEvent_Handled").isWaitingAt("Activity_SendReply", "Gateway_Resolved");
        assertThat(tickets.get(ticket.id()).status()).isEqualTo(Ticket.Status.RESOLVED);
        assertThatThrownBy(() -> handling.transfer(ticket.id(), "hr", "finn")).isInstanceOf(ConflictException.class)
                .hasMessageContaining("is RESOLVED");
        driver.fireTimer(pi.getId(), "Event_AutoClose");
        assertThatThrownBy(() -> handling.transfer(ticket.id(), "hr", "finn")).isInstanceOf(ConflictException.class)
                .hasMessageContaining("is closed");
    }

    @Test
    void everyRoutingRuleNamesItsTeam() {
        Map<String, String[]> cases = Map.of(
                "hr", new String[] {"hr", null, "My payslip is wrong"},
                "finance", new String[] {"finance", null, "Please reimburse my expense"},
                "legal", new String[] {"legal", null, "Can you review this contract?"},
                "it", new String[] {"it", null, "I forgot my password"});
        cases.forEach((team, c) -> {
            assertThat(route(c[0], "nothing to see")).as("category " + team).isEqualTo(team);
            assertThat(route(null, c[2].toLowerCase())).as("keywords for " + team).isEqualTo(team);
        });
        assertThat(route(null, "where is the parking?")).isNull();
    }

    private String route(String category, String text) {
        Map<String, Object> variables = new HashMap<>();
        variables.put("category", category);
        variables.put("routingText", text);
        var result = engine.getDecisionService().evaluateDecisionByKey(TicketProcess.ROUTING_DECISION)
                .variables(variables).evaluate();
        return result.isEmpty() ? null : result.getSingleResult().getSingleEntry();
    }

    @Test
    void repliesNotesAndApprovalsLandOnTheTicket() {
        String requester = experts.newEmployee();
        String approver = experts.newEmployee();
        Ticket ticket = open(requester, "New monitor", "Could I get a second monitor?", "it");
        ProcessInstance pi = driver.instance(ticket.businessKey());
        driver.runJobs(pi.getId());

        workflow.reply(ticket.id(), "ivy", "I will ask your manager.", false);
        assertThat(pi).hasPassed("StartEvent_MessagePosted").isWaitingAt("handleTicket", "Activity_DeliverMessages");
        driver.runJobs(pi.getId());
        assertThat(pi).hasPassed("EndEvent_Delivered");
        assertThat(outbox.to(requester)).last().satisfies(d -> assertThat(d.body()).contains("ask your manager"));
        workflow.note(ticket.id(), "ivy", "Budget is tight this quarter");
        driver.runJobs(pi.getId());
        assertThat(outbox.to(requester)).noneSatisfy(d -> assertThat(d.body()).contains("Budget"));

        // approved in Tasklist after a reminder
        workflow.requestApproval(ticket.id(), "ivy", approver, "Second monitor", "27 inch", null);
        assertThat(tickets.get(ticket.id()).status()).isEqualTo(Ticket.Status.ON_HOLD);
        ProcessInstance first = approvalOf(pi);
        driver.runJobs(first.getId());
        driver.fireTimer(first.getId(), "Event_Reminder");
        assertThat(first).hasPassed("Activity_RemindApprover", "EndEvent_Reminded");
        driver.complete(task("approve", first), approver, Map.of("approved", true, "approvalComment", "Fine"));
        assertThat(pi).hasPassed("CallActivity_Approval", "Activity_RecordApproval", "EndEvent_ApprovalRecorded");
        assertThat(tickets.get(ticket.id()).status()).isEqualTo(Ticket.Status.OPEN);

        // approved and rejected through the link
        for (boolean approved : new boolean[] {true, false}) {
            workflow.requestApproval(ticket.id(), "ivy", approver, "Docking station", null, "P2D");
            ProcessInstance byLink = approvalOf(pi);
            driver.runJobs(byLink.getId());
            approvalLink(approver, approved);
            assertThat(byLink).isEnded();
        }
        // and one that nobody answers
        workflow.requestApproval(ticket.id(), "ivy", approver, "Headset", null, "PT12H");
        ProcessInstance expiring = approvalOf(pi);
        driver.runJobs(expiring.getId());
        driver.fireTimer(expiring.getId(), "Event_ApprovalExpires");
        assertThat(expiring).hasPassed("Activity_RecordExpiry", "EndEvent_Expired");
        driver.runJobs(pi.getId());

        assertThat(tickets.view(ticket.id(), "ivy").messages()).extracting(TicketView.Message::body)
                .contains("Approval approved by " + people.get(approver).name() + ": Fine")
                .anySatisfy(b -> assertThat(b).startsWith("Approval rejected"))
                .contains("Approval expired");
        assertThat(tickets.view(ticket.id(), requester).messages()).extracting(TicketView.Message::kind)
                .doesNotContain("NOTE");
        assertThatThrownBy(() -> workflow.requestApproval(ticket.id(), "ivy", "nobody-here", "X", null, null))
                .isInstanceOf(InvalidInputException.class);
        assertThat(tickets.get(ticket.id()).status()).as("the refused request changed nothing").isEqualTo(Ticket.Status.OPEN);
    }

    @Test
    void twoDeliveryJobsForTwoRepliesSendEachReplyOnce() {
        String requester = experts.newEmployee();
        Ticket ticket = open(requester, "Keyboard", "A key is missing on my keyboard", "it");
        ProcessInstance pi = driver.instance(ticket.businessKey());
        driver.runJobs(pi.getId());
        workflow.reply(ticket.id(), "ivy", "The first answer", false);
        workflow.reply(ticket.id(), "ivy", "The second answer", false);
        List<Job> jobs = engine.getManagementService().createJobQuery().processInstanceId(pi.getId())
                .activityId("Activity_DeliverMessages").list();
        assertThat(jobs).hasSize(2);

        // the first job takes both replies; the second finds nothing left to send
        engine.getManagementService().executeJob(jobs.get(0).getId());
        driver.runJobs(pi.getId());
        assertThat(engine.getManagementService().createJobQuery().processInstanceId(pi.getId())
                .activityId("Activity_DeliverMessages").count()).as("both jobs done").isZero();
        assertThat(outbox.to(requester)).extracting(Sent::body)
                .filteredOn(b -> b.contains("The first answer") || b.contains("The second answer")).hasSize(2)
                .anySatisfy(b -> assertThat(b).contains("The first answer"))
                .anySatisfy(b -> assertThat(b).contains("The second answer"));
        assertThat(outbox.to(requester)).as("and each left by mail").allSatisfy(m -> assertThat(m.status())
                .isEqualTo(org.gatehouse.channels.Notification.Status.SENT));
    }

    @Test
    void slaStepsDoNothingOnceTheClockStoppedAndATeamWithoutLeadHearsOfItsBreaches() {
        String member = experts.newExpert();
        String slug = "payroll-" + UUID.randomUUID().toString().substring(0, 8);
        teams.create(new TeamDraft(slug, "Payroll", "09:00-18:00", "Europe/Paris", "PT4H", "PT16H", null,
                List.of(member)), "admin");
        String requester = experts.newEmployee();
        Ticket ticket = open(requester, "Bonus", "When is the bonus paid?", slug);
        ProcessInstance pi = driver.instance(ticket.businessKey());
        driver.runJobs(pi.getId());
        assertThat(pi).as("no routing rule names the new team yet").isWaitingAt("triageTicket");
        workflow.triage(ticket.id(), slug, member);

        driver.fireTimer(pi.getId(), "Event_ResolutionBreached");
        assertThat(outbox.to(member)).anySatisfy(d -> assertThat(d.body())
                .contains("breached its resolution target").contains("nobody holds it"));
        int told = outbox.to(member).size();
        assertThat(tickets.get(ticket.id()).firstResponseBreachedAt()).as("first response breached too").isNotNull();

        // answered and resolved: reopened by the requester, the first-response clock is over for good
        workflow.reply(ticket.id(), member, "In March.", false);
        workflow.resolve(ticket.id(), member, null);
        driver.runJobs(pi.getId());
        workflow.fromRequester(ticket.id(), requester, null, "Which day?", ContactChannel.API, Origin.none());
        assertThat(pi).isWaitingAt("handleTicket");
        int breaches = (int) tickets.view(ticket.id(), "admin").history().stream()
                .filter(e -> e.kind().equals("SLA_BREACH")).count();
        driver.fireTimer(pi.getId(), "Event_FirstResponseBreached");
        assertThat(tickets.view(ticket.id(), "admin").history().stream().filter(e -> e.kind().equals("SLA_BREACH")))
                .hasSize(breaches);
        assertThat(outbox.to(member)).as("no first-response warning or escalation any more")
                .hasSize(told);
    }

    @Test
    void theHandlingFormShowsTheNewestMessagesOfALongConversation() {
        String requester = experts.newEmployee();
        // the engine keeps a string in 4000 characters: the ticket keeps the message whole, the form its beginning
        Ticket ticket = open(requester, "Long one", "It started like this. " + "And went on. ".repeat(1000), "legal");
        assertThat(driver.instance(ticket.businessKey())).variables().extractingByKey("conversation").asString()
                .contains("It started like this.").contains(" [...]").contains("We received your request");
        for (int i = 1; i <= 30; i++) {
            workflow.note(ticket.id(), "lena", "Note " + i + " " + "x".repeat(500));
        }
        String shown = conversation.transcript(ticket.id());
        assertThat(shown).startsWith("(").contains("earlier messages: GET /api/tickets/" + ticket.id())
                .contains("Note 30").doesNotContain("It started like this.").doesNotContain("Note 1 ");
        assertThat(shown.length()).isLessThan(4000);
        assertThat(driver.instance(ticket.businessKey())).variables().containsEntry("conversation", shown);
    }

    private ProcessInstance approvalOf(ProcessInstance ticket) {
        return engine.getRuntimeService().createProcessInstanceQuery().superProcessInstanceId(ticket.getId())
                .processDefinitionKey("approval").singleResult();
    }

    private void approvalLink(String approver, boolean approved) {
        approvals.answerByLink(experts.token(approver, "/approvals/"), approved, approved ? "ok" : "not now");
    }

    private static BusinessHours hoursOfIt() {
        return new BusinessHours(LocalTime.of(9, 0), LocalTime.of(18, 0), NEW_YORK);
    }
}

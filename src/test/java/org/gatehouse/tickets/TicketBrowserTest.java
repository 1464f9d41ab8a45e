package org.gatehouse.tickets;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.Date;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.gatehouse.Api;
import org.gatehouse.ProcessDriver;
import org.gatehouse.TasklistBrowserTest;
import org.gatehouse.experts.ExpertFixtures;
import org.gatehouse.teams.TeamDraft;
import org.gatehouse.teams.TeamService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;

/**
 * An HR expert handles tickets in the real Tasklist: the Tickets filter, the handling form with the conversation
 * and the requester, claim, a reply typed in the form, resolve, and the reply reaches the requester; the list sorted
 * by due date, a note typed in the form and the ticket transferred to another team, as the API then shows.
 */
class TicketBrowserTest extends TasklistBrowserTest {

    @Autowired ProcessEngine engine;
    @Autowired TicketWorkflow workflow;
    @Autowired TicketService tickets;
    @Autowired ExpertFixtures experts;
    @Autowired TeamService teams;
    @Autowired TestRestTemplate rest;

    @AfterEach
    void resetClock() {
        ProcessDriver.resetClock();
    }

    private Ticket open(String requester, String subject, String category) {
        return workflow.open(new NewTicket(subject, subject + "?", category, ContactChannel.API, requester, requester,
                "Xena " + requester, requester, Origin.none()));
    }

    private Task handlingTask(Ticket ticket) {
        return engine.getTaskService().createTaskQuery().processInstanceBusinessKey(ticket.businessKey())
                .taskDefinitionKey(TicketProcess.TASK_HANDLE).singleResult();
    }

    @Test
    void anExpertSortsByDueDateAndAddsANoteAndTransfersATicketInTasklist() {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        String requester = experts.newEmployee();
        // a team of Hana's with a long resolution target: its ticket, though older, falls due after HR's
        String payroll = "payroll-" + tag;
        teams.create(new TeamDraft(payroll, "Payroll " + tag, "09:00-17:00", "Europe/Paris", "PT4H", "PT200H", null,
                List.of("hana")), "admin");
        // newer than what other tests leave, so both lead the first page; older than the other test's ticket
        Instant later = Instant.now().plus(Duration.ofDays(300));
        ClockUtil.setCurrentTime(Date.from(later));
        Ticket slow = open(requester, "Parking spaces " + tag, payroll);
        workflow.triage(slow.id(), payroll, "hana");
        ClockUtil.setCurrentTime(Date.from(later.plus(Duration.ofHours(1))));
        Ticket quick = open(requester, "Leave balance " + tag, "hr");
        Task slowTask = handlingTask(slow);
        Task quickTask = handlingTask(quick);
        assertThat(slowTask.getCreateTime()).isBefore(quickTask.getCreateTime());
        assertThat(slowTask.getDueDate()).isAfter(quickTask.getDueDate());

        logIn("hana", "hana");
        click(By.xpath("//div[contains(@class,'task-filter')]//a[normalize-space(text())='Tickets']"));
        wait.until(driver -> listedTasks().indexOf(slowTask.getId()) > listedTasks().indexOf(quickTask.getId())
                && listedTasks().indexOf(quickTask.getId()) >= 0);
        sortBy("Due date");
        wait.until(driver -> listedTasks().indexOf(quickTask.getId()) > listedTasks().indexOf(slowTask.getId())
                && listedTasks().indexOf(slowTask.getId()) >= 0);
        List<Date> due = listedTasks().stream()
                .map(id -> engine.getTaskService().createTaskQuery().taskId(id).singleResult().getDueDate()).toList();
        assertThat(due).as("the order shown is the tasks' due dates, latest first")
                .isSortedAccordingTo(Comparator.reverseOrder());

        By taskLink = By.cssSelector("ol.tasks-list a[href*='task=" + slowTask.getId() + "']");
        click(taskLink);
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".fjs-form"), "Handle the ticket"));
        assertFormShows("Field_Reference", slow.reference());
        click(By.cssSelector("button.claim"));
        wait.until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector("button.claim")));
        wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector(".fjs-form textarea[id$='-Field_Note']")))
                .sendKeys("Finance books the correction, " + tag + ".");
        select("Field_TransferTo", "Finance");
        choose("Keep the ticket (the task comes back)");
        click(By.cssSelector("button[ng-click='complete()']"));
        wait.until(ExpectedConditions.invisibilityOfElementLocated(taskLink));

        Api api = new Api(rest);
        JsonNode transferred = api.as("hana").get("/api/tickets/" + slow.id()).getBody();
        assertThat(transferred.get("team").asText()).isEqualTo("finance");
        assertThat(transferred.get("assignee").isNull()).as("nobody in Finance holds it yet").isTrue();
        assertThat(transferred.get("history")).anySatisfy(e -> {
            assertThat(e.get("kind").asText()).isEqualTo("TRANSFERRED");
            assertThat(e.get("actor").asText()).isEqualTo("hana");
            assertThat(e.get("detail").asText()).isEqualTo(payroll + " -> finance");
        });
        assertThat(transferred.get("messages")).filteredOn(m -> m.get("kind").asText().equals("NOTE")).singleElement()
                .satisfies(m -> {
                    assertThat(m.get("author").asText()).isEqualTo("hana");
                    assertThat(m.get("via").asText()).isEqualTo("TASKLIST");
                    assertThat(m.get("body").asText()).isEqualTo("Finance books the correction, " + tag + ".");
                });
        assertThat(api.as(requester).get("/api/tickets/" + slow.id()).getBody().get("messages")
                .findValuesAsText("kind")).as("the requester sees no internal note").doesNotContain("NOTE");
        assertThat(handlingTask(slow).getDueDate()).as("the due date stays").isEqualTo(slowTask.getDueDate());

        // what is left is resolved, so that later tests find the list as they expect
        workflow.resolve(slow.id(), "finn", null);
        workflow.resolve(quick.id(), "hana", null);
    }

    @Test
    void anExpertAnswersAndResolvesATicketInTasklist() {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        String requester = experts.newEmployee();
        // other tests move the engine's clock ahead: a year later, this ticket is the newest, first in Tasklist's list
        ClockUtil.setCurrentTime(Date.from(Instant.now().plus(Duration.ofDays(365))));
        Ticket ticket = workflow.open(new NewTicket("Leave " + tag, "How many leave days do I have left? " + tag, "hr",
                ContactChannel.API, requester, requester, "Xena " + requester, requester, Origin.none()));
        Task task = engine.getTaskService().createTaskQuery().processInstanceBusinessKey(ticket.businessKey())
                .taskDefinitionKey(TicketProcess.TASK_HANDLE).singleResult();
        // Tasklist lists the filter's tasks newest first, a page at a time: this one must lead the first page
        assertThat(engine.getTaskService().createTaskQuery().taskDefinitionKey(TicketProcess.TASK_HANDLE)
                .taskCreatedAfter(task.getCreateTime()).count()).as("handling tasks created after this one").isZero();

        logIn("hana", "hana");
        click(By.xpath("//div[contains(@class,'task-filter')]//a[normalize-space(text())='Tickets']"));
        By taskLink = By.cssSelector("ol.tasks-list a[href*='task=" + task.getId() + "']");
        click(taskLink);

        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".fjs-form"), "Handle the ticket"));
        assertFormShows("Field_Reference", ticket.reference());
        assertFormShows("Field_Subject", "Leave " + tag);
        wait.until(driver -> driver.findElement(By.cssSelector(".fjs-form [id$='-Field_Conversation']"))
                .getDomProperty("value").contains("How many leave days do I have left? " + tag));
        wait.until(driver -> driver.findElement(By.cssSelector(".fjs-form [id$='-Field_Requester']"))
                .getDomProperty("value").contains("department: HR"));

        click(By.cssSelector("button.claim"));
        wait.until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector("button.claim")));
        WebElement reply = wait.until(ExpectedConditions.elementToBeClickable(
                By.cssSelector(".fjs-form textarea[id$='-Field_Reply']")));
        reply.sendKeys("Twelve days, " + tag + ".");
        choose("Resolve the ticket");
        click(By.cssSelector("button[ng-click='complete()']"));
        wait.until(ExpectedConditions.invisibilityOfElementLocated(taskLink));

        Ticket resolved = tickets.get(ticket.id());
        assertThat(resolved.status()).isEqualTo(Ticket.Status.RESOLVED);
        assertThat(resolved.assignee()).isEqualTo("hana");
        assertThat(tickets.view(ticket.id(), requester).messages()).last().satisfies(m -> {
            assertThat(m.author()).isEqualTo("hana");
            assertThat(m.via()).isEqualTo("TASKLIST");
            assertThat(m.body()).isEqualTo("Twelve days, " + tag + ".");
        });
    }
}

package org.gatehouse.tickets;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.UUID;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.gatehouse.ProcessDriver;
import org.gatehouse.TasklistBrowserTest;
import org.gatehouse.experts.ExpertFixtures;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * An HR expert handles a ticket in the real Tasklist: the Tickets filter, the handling form with the conversation
 * and the requester, claim, a reply typed in the form, resolve. The reply reaches the requester.
 */
class TicketBrowserTest extends TasklistBrowserTest {

    @Autowired ProcessEngine engine;
    @Autowired TicketWorkflow workflow;
    @Autowired TicketService tickets;
    @Autowired ExpertFixtures experts;

    @AfterEach
    void resetClock() {
        ProcessDriver.resetClock();
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

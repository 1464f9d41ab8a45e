package org.gatehouse.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.time.LocalDate;
import java.util.UUID;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.gatehouse.TasklistBrowserTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A workspace admin approves a request in the real Camunda Tasklist: the filter, the task, the embedded Camunda Form
 * and its values, the decision.
 */
class TasklistApprovalBrowserTest extends TasklistBrowserTest {

    @Autowired ProcessEngine engine;
    @Autowired AccessRequestWorkflow workflow;
    @Autowired AccessRequestService requests;
    @Autowired AccessRequestFixtures fixtures;

    @Test
    void aWorkspaceAdminApprovesARequestInTasklist() {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        AccessRequestDraft draft = new AccessRequestDraft("acme-main", "tasklist-" + tag, "Globex", "Gina Globex",
                "gina-" + tag + "@globex.example", "Tasklist check " + tag, LocalDate.now().plusMonths(3),
                "Approve in a real browser " + tag);
        AccessRequestView request = workflow.submit(draft, "alice");
        ProcessInstance pi = fixtures.instance(request);
        fixtures.driver().runJobs(pi.getId());
        assertThat(pi).isWaitingAt("hostAdminApproval");
        Task task = engine.getTaskService().createTaskQuery().processInstanceId(pi.getId())
                .taskDefinitionKey("hostAdminApproval").singleResult();
        // Tasklist lists the filter's tasks newest first, a page at a time: this one must lead the first page
        assertThat(engine.getTaskService().createTaskQuery().taskDefinitionKey("hostAdminApproval")
                .taskCreatedAfter(task.getCreateTime()).count()).as("approval tasks created after this one").isZero();

        logIn("bob", "bob");

        // the filter, then this request's task in it
        click(By.xpath("//div[contains(@class,'task-filter')]//a[normalize-space(text())='Access approvals']"));
        wait.until(ExpectedConditions.visibilityOfElementLocated(
                By.xpath("//div[contains(@class,'task-filter') and contains(@class,'active')]//a[normalize-space(text())='Access approvals']")));
        By taskLink = By.cssSelector("ol.tasks-list a[href*='task=" + task.getId() + "']");
        click(taskLink);

        // the embedded Camunda Form (form-js) shows the request
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".fjs-form"), "Share a channel"));
        assertFormShows("Field_Partner", "Globex");
        assertFormShows("Field_Project", draft.projectName());
        assertFormShows("Field_Purpose", draft.purpose());
        assertFormShows("Field_Requester", "alice");

        // bob takes the task, approves and completes it
        click(By.cssSelector("button.claim"));
        wait.until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector("button.claim")));
        choose("Approve");
        click(By.cssSelector("button[ng-click='complete()']"));

        // Tasklist drops the completed task from the filter
        wait.until(ExpectedConditions.invisibilityOfElementLocated(taskLink));
        wait.until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector(".fjs-form")));

        AccessRequestView approved = requests.view(request.id(), "alice");
        assertThat(approved.hostApprover()).isEqualTo("bob");
        assertThat(approved.status()).isEqualTo("AWAITING_APPROVAL");
        assertThat(engine.getTaskService().createTaskQuery().processInstanceId(pi.getId()).taskDefinitionKey("hostAdminApproval").count())
                .isZero();
        assertThat(pi).hasPassed("hostAdminApproval", "Gateway_HostApproved").isWaitingAt("Gateway_PartnerAnswer");
        assertThat(engine.getRuntimeService().createEventSubscriptionQuery().processInstanceId(pi.getId())
                .eventName("PartnerAccepted").count()).isEqualTo(1);
        assertThat(pi).variables().containsEntry("approved", true).containsEntry("hostApprover", "bob");
    }
}

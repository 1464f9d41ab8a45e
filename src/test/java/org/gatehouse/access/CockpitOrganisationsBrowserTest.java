package org.gatehouse.access;

import static org.assertj.core.api.Assertions.assertThat;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.task.Task;
import org.gatehouse.TasklistBrowserTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * An admin reads the organisations' figures and chart in the real Cockpit and starts ending a partnership; a second
 * admin confirms it in Tasklist; the organisation then shows as disconnected.
 */
class CockpitOrganisationsBrowserTest extends TasklistBrowserTest {

    @Autowired OffboardingFixtures partnerships;
    @Autowired OffboardingService offboardings;
    @Autowired ProcessEngine engine;
    @Autowired AccessRequestFixtures access;

    @Test
    void anAdminEndsAPartnershipFromCockpitAndASecondAdminConfirmsItInTasklist() {
        var partnership = partnerships.partnership(1, 0);
        By row = By.cssSelector("tr[data-organisation='" + partnership.partnerId() + "']");

        logIn("cockpit", "bob", "bob");
        click(By.cssSelector(".gatehouse-organisations-entry-point a.gatehouse-organisations-open-link"));
        WebElement organisation = scrolledTo(row);
        assertThat(organisation.findElement(By.cssSelector(".gatehouse-organisations-channels")).getText()).isEqualTo("1");
        assertThat(organisation.findElement(By.cssSelector(".gatehouse-organisations-partnership")).getText())
                .isEqualTo("connected");
        assertThat(browser.findElements(By.cssSelector("svg.gatehouse-organisations-chart rect.gatehouse-organisations-connected")))
                .as("this week's connected requests in the chart").isNotEmpty();

        // its own figures, then ending the partnership
        click(organisation.findElement(By.cssSelector("a.gatehouse-organisations-name")));
        By heading = By.cssSelector(".gatehouse-organisations-charts h3");
        wait.ignoring(StaleElementReferenceException.class)
                .until(driver -> scrolledTo(heading).getText().contains(partnership.partnerName()));
        click(By.cssSelector("tr[data-organisation='" + partnership.partnerId() + "'] .gatehouse-organisations-end-open"));
        browser.findElement(By.cssSelector(".gatehouse-organisations-end textarea[name=reason]")).sendKeys("The campaign is over");
        click(By.cssSelector(".gatehouse-organisations-end button[type=submit]"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".gatehouse-organisations-end-status"),
                "Asked"));
        Offboarding asked = offboardings.latest(partnership.partnerId()).orElseThrow();
        assertThat(asked.requestedBy()).isEqualTo("bob");
        assertThat(asked.keepDirectMessages()).isTrue();

        // carol confirms in Tasklist
        browser.manage().deleteAllCookies();
        logIn("carol", "carol");
        Task task = engine.getTaskService().createTaskQuery().processInstanceBusinessKey(asked.id()).singleResult();
        click(By.xpath("//div[contains(@class,'task-filter')]//a[normalize-space(text())='Partnerships to end']"));
        click(By.cssSelector("ol.tasks-list a[href*='task=" + task.getId() + "']"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".fjs-form"), "End the partnership with"));
        assertFormShows("Field_RequestedBy", "bob");
        click(By.cssSelector("button.claim"));
        wait.until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector("button.claim")));
        choose("Confirm: end the partnership");
        click(By.cssSelector("button[ng-click='complete()']"));
        wait.until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector(".fjs-form")));

        var driver = access.driver();
        driver.runJobsThroughFailures(driver.instance(asked.id()).getId());
        driver.runJobs(driver.instance(partnership.connectedRequests().get(0)).getId());

        // the organisation shows as disconnected, with who asked and who confirmed
        browser.manage().deleteAllCookies();
        logIn("cockpit", "bob", "bob");
        click(By.cssSelector(".gatehouse-organisations-entry-point a.gatehouse-organisations-open-link"));
        scrolledTo(row);
        wait.until(ExpectedConditions.textToBePresentInElementLocated(
                By.cssSelector("tr[data-organisation='" + partnership.partnerId() + "'] .gatehouse-organisations-partnership"),
                "disconnected on"));
        assertThat(browser.findElement(row).getText()).contains("asked by bob, confirmed by carol, direct messages kept");
    }

    @Test
    void anAdminCallsOffTheEndTheyAskedForBeforeASecondAdminAnswers() {
        var partnership = partnerships.partnership(1, 0);
        String cell = "tr[data-organisation='" + partnership.partnerId() + "'] ";

        logIn("cockpit", "bob", "bob");
        click(By.cssSelector(".gatehouse-organisations-entry-point a.gatehouse-organisations-open-link"));
        click(By.cssSelector(cell + ".gatehouse-organisations-end-open"));
        browser.findElement(By.cssSelector(cell + ".gatehouse-organisations-end textarea[name=reason]")).sendKeys("Too soon");
        click(By.cssSelector(cell + ".gatehouse-organisations-end button[type=submit]"));
        click(By.cssSelector(cell + ".gatehouse-organisations-call-off"));
        // read once scrolled into Cockpit's view: with the whole suite's partners the row may lie outside it
        wait.ignoring(StaleElementReferenceException.class).until(driver -> scrolledTo(
                By.cssSelector(cell + ".gatehouse-organisations-partnership")).getText().equals("connected"));

        Offboarding calledOff = offboardings.latest(partnership.partnerId()).orElseThrow();
        assertThat(calledOff.status()).isEqualTo(OffboardingStatus.CANCELLED);
        assertThat(calledOff.cancelledBy()).isEqualTo("bob");
        assertThat(browser.findElements(By.cssSelector(cell + ".gatehouse-organisations-call-off"))).isEmpty();
        assertThat(engine.getTaskService().createTaskQuery().processInstanceBusinessKey(calledOff.id()).count())
                .as("nothing left for a second admin").isZero();
    }
}

package org.gatehouse.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;

import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.gatehouse.Api;
import org.gatehouse.TasklistBrowserTest;
import org.gatehouse.access.AccessRequestFixtures;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.MediaType;

/**
 * An auditor reads a request's trail in the real Cockpit, with the session she signed in with: the dashboard's entry,
 * the search, the timeline beside the diagram with the path the request took, the exports.
 */
class CockpitAuditBrowserTest extends TasklistBrowserTest {

    private static final By DIAGRAM = By.cssSelector(".gatehouse-audit-diagram svg");

    @Autowired AccessRequestFixtures access;
    @Autowired TestRestTemplate rest;

    @Test
    void anAuditorFindsARequestAndReadsItsTrailBesideItsDiagram() {
        ProcessInstance pi = access.connected("alice", "Globex", LocalDate.now().plusMonths(3));
        String request = pi.getBusinessKey();

        logIn("cockpit", "aude", "aude");
        click(By.cssSelector(".gatehouse-audit-entry-point a.gatehouse-audit-open-link"));

        // the search: alice's access requests, hers the newest
        WebElement search = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("form.gatehouse-audit-search")));
        search.findElement(By.name("actor")).sendKeys("alice");
        new Select(search.findElement(By.name("kind"))).selectByValue("access-request");
        click(search.findElement(By.cssSelector("button[type=submit]")));
        By found = By.xpath("//table[contains(@class,'gatehouse-audit-table')]//a[contains(@class,'gatehouse-audit-trail-link')"
                + " and normalize-space()='" + request + "']");
        click(found);

        // the timeline: who did what, in order
        wait.until(ExpectedConditions.urlContains("#/audit-trail/access-requests/" + request));
        // read as text content: Cockpit's page scrolls inside a box, and what lies below its edge is not "visible" text
        By timeline = By.cssSelector("ol.gatehouse-audit-timeline > li.gatehouse-audit-entry");
        wait.until(driver -> lines(driver.findElements(timeline)).stream().anyMatch(line -> line.endsWith("CONNECTED")));
        List<String> lines = lines(browser.findElements(timeline));
        assertThat(lines).as("the timeline").contains("alice: SUBMITTED", "bob: HOST_APPROVED",
                "bob: Task 'Approve for the host' completed by bob", "admin@globex.example: PARTNER_ACCEPTED",
                "gatehouse: CONNECTED");
        assertThat(lines.indexOf("alice: SUBMITTED")).isLessThan(lines.indexOf("bob: HOST_APPROVED"));
        assertThat(lines.indexOf("bob: HOST_APPROVED")).isLessThan(lines.indexOf("gatehouse: CONNECTED"));

        // beside it, the request's process with the path it took, waiting for the end date
        wait.until(ExpectedConditions.visibilityOfElementLocated(DIAGRAM));
        WebElement timelineBox = browser.findElement(By.cssSelector("ol.gatehouse-audit-timeline"));
        WebElement diagramBox = browser.findElement(By.cssSelector(".gatehouse-audit-diagram"));
        assertThat(diagramBox.getRect().getX()).as("the diagram stands beside the timeline")
                .isGreaterThan(timelineBox.getRect().getX() + timelineBox.getRect().getWidth() - 1);
        wait.until(ExpectedConditions.presenceOfElementLocated(marked("hostAdminApproval", "passed")));
        assertThat(browser.findElements(marked("Event_EndDate", "waiting"))).as("still waiting for the end date").hasSize(1);
        assertThat(browser.findElements(By.cssSelector(".gatehouse-audit-diagram .djs-connection.gatehouse-audit-passed")))
                .as("the flows it took").isNotEmpty();

        // a task's line shows its step on the diagram
        click(browser.findElement(By.xpath("//li[contains(@class,'gatehouse-audit-on-diagram')]"
                + "[.//div[contains(@class,'gatehouse-audit-what') and contains(.,'completed by bob')]]")));
        wait.until(ExpectedConditions.presenceOfElementLocated(marked("hostAdminApproval", "focus")));

        // the exports: the days of this trail, with the session's token
        List<WebElement> times = browser.findElements(By.cssSelector("ol.gatehouse-audit-timeline time"));
        String from = times.get(0).getDomAttribute("datetime").substring(0, 10);
        String to = times.get(times.size() - 1).getDomAttribute("datetime").substring(0, 10);
        for (String format : List.of("csv", "jsonl")) {
            assertThat(browser.findElement(By.cssSelector("a.gatehouse-audit-export[data-format=" + format + "]"))
                    .getDomAttribute("href")).isEqualTo("/api/audit/export?from=" + from + "&to=" + to + "&format=" + format);
        }
        String export = "/api/audit/export?from=" + from + "&to=" + to + "&format=csv";
        int answer = new Api(rest).as("aude").getText(export, MediaType.ALL).getStatusCode().value();
        click(browser.findElement(By.cssSelector("a.gatehouse-audit-export[data-format=csv]")));
        String said = answer < 300 ? "Exported gatehouse-audit-" + from + "-" + to + ".csv" : "Export failed: " + answer;
        By status = By.cssSelector(".gatehouse-audit-export-status");
        wait.until(driver -> driver.findElement(status).getDomProperty("textContent").startsWith(said));

        // what she read through Cockpit is recorded in her name, as any read of the trail
        var reads = new Api(rest).as("aude").get("/api/audit?kind=audit-read&actor=aude&size=50").getBody().get("entries");
        assertThat(reads.findValuesAsText("subject")).contains("/api/audit/access-requests/" + request, "/api/audit");
    }

    /** Each line of the timeline as "actor: what". */
    private static List<String> lines(List<WebElement> entries) {
        return entries.stream().map(entry -> text(entry, ".gatehouse-audit-actor") + ": " + text(entry, ".gatehouse-audit-what"))
                .toList();
    }

    private static String text(WebElement entry, String part) {
        return entry.findElement(By.cssSelector(part)).getDomProperty("textContent");
    }

    private static By marked(String elementId, String marker) {
        return By.cssSelector(".gatehouse-audit-diagram [data-element-id='" + elementId + "'].gatehouse-audit-" + marker);
    }
}

package org.gatehouse;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import com.fasterxml.jackson.databind.JsonNode;

import org.gatehouse.intake.Mailboxes;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;

/**
 * An admin works Gatehouse's admin views in the real Cockpit, each on what the real paths made: an NDA recorded and
 * found in the register, messages from an outside sender's e-mail converted and dismissed, people searched and paged
 * (and a role granted and revoked), an import's report, the sharing policy's versions.
 */
class CockpitAdminBrowserTest extends TasklistBrowserTest {

    private static final String HR_HEADER = "Employee ID,First name,Last name,Email,Position,Department,Supervisor,Office,"
            + "Time zone,Status\n";

    @Autowired TestRestTemplate rest;
    @Autowired Mailboxes mail;

    Api api;
    String tag;

    @BeforeEach
    void signIn() {
        api = new Api(rest);
        tag = "adm" + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
        logIn("cockpit", "admin", "admin");
    }

    private void open(String view) {
        click(By.cssSelector(".gatehouse-admin-tabs a[data-view='" + view + "']"));
    }

    private void type(By field, String text) {
        WebElement input = scrolledTo(field);
        input.clear();
        input.sendKeys(text);
    }

    /** A date field's value as the API reads it, whatever the browser's locale shows. */
    private void date(By field, LocalDate day) {
        ((JavascriptExecutor) browser).executeScript("arguments[0].value = arguments[1];", scrolledTo(field), day.toString());
    }

    /** Waits for the text in the element, found again as a view reads its list again and draws it anew. */
    private void waitForText(By element, String text) {
        wait.ignoring(StaleElementReferenceException.class).until(driver -> scrolledTo(element).getText().contains(text));
    }

    @Test
    void anNdaIsRecordedAheadOfARequestAndFoundInTheRegister() {
        String partner = "ndaco-" + tag;
        assertThat(api.as("admin").post("/api/organisations", Map.of("id", partner, "name", "Partner " + tag, "kind",
                "PARTNER", "timeZone", "Europe/Berlin", "workingHours", "09:00-17:00")).getStatusCode())
                .isEqualTo(HttpStatus.CREATED);
        LocalDate today = LocalDate.now();

        click(By.cssSelector(".gatehouse-admin-entry-point a.gatehouse-admin-open-ndas"));
        By form = By.cssSelector(".gatehouse-admin-nda-form");
        scrolledTo(By.cssSelector(".gatehouse-admin-ndas .gatehouse-pager"));
        type(By.cssSelector(".gatehouse-admin-nda-form input[name=organisationId]"), partner);
        date(By.cssSelector(".gatehouse-admin-nda-form input[name=signedOn]"), today.minusDays(2));
        date(By.cssSelector(".gatehouse-admin-nda-form input[name=expiresOn]"), today.minusDays(3));
        type(By.cssSelector(".gatehouse-admin-nda-form input[name=documentRef]"), "NDA-" + tag);
        click(By.cssSelector(".gatehouse-admin-nda-form button[type=submit]"));
        waitForText(By.cssSelector(".gatehouse-admin-nda-form .gatehouse-field-error[data-field=expiresOn]"),
                "must expire after it was signed");
        assertThat(api.as("admin").get("/api/ndas?organisation=" + partner).getBody().get("total").asLong())
                .as("a refused NDA is not filed").isZero();

        date(By.cssSelector(".gatehouse-admin-nda-form input[name=expiresOn]"), today.plusYears(2));
        click(By.cssSelector(".gatehouse-admin-nda-form button[type=submit]"));
        waitForText(By.cssSelector(".gatehouse-admin-nda-form .gatehouse-admin-done"), "Recorded: NDA-" + tag);
        assertThat(browser.findElement(form).findElements(By.cssSelector(".gatehouse-field-error")))
                .as("the earlier refusal is gone").isEmpty();
        JsonNode nda = api.as("admin").get("/api/ndas?organisation=" + partner).getBody().get("entries").get(0);
        assertThat(nda.get("recordedBy").asText()).isEqualTo("admin");
        assertThat(browser.findElement(form).getText()).contains(nda.get("id").asText());

        type(By.cssSelector(".gatehouse-admin-search input[name=organisation]"), partner);
        click(By.cssSelector(".gatehouse-admin-search button[type=submit]"));
        By row = By.cssSelector(".gatehouse-admin-nda-table tr[data-nda='" + nda.get("id").asText() + "']");
        waitForText(row, "NDA-" + tag);
        assertThat(browser.findElement(row).getText()).contains(partner, today.plusYears(2).toString(), "admin");
        assertThat(browser.findElements(By.cssSelector(".gatehouse-admin-nda-table tbody tr"))).hasSize(1);
    }

    @Test
    void messagesFromAnOutsideSenderAreConvertedOrDismissedFromTheReviewQueue() {
        String outsider = tag + "@globex.example";
        mail.write(outsider, "Quote " + tag, "Please send us a quote for the yearly audit.");
        mail.write(outsider, "Prize " + tag, "You won! Click here.");
        mail.poll();
        Map<String, String> waiting = new HashMap<>();
        api.as("admin").get("/api/intake/messages?status=REVIEW&limit=500").getBody().forEach(m -> {
            if (m.get("sender").asText().equals(outsider)) {
                waiting.put(m.get("subject").asText().split(" ")[0], m.get("id").asText());
            }
        });
        assertThat(waiting).containsOnlyKeys("Quote", "Prize");
        By quote = By.cssSelector("tr[data-message='" + waiting.get("Quote") + "']");
        By prize = By.cssSelector("tr[data-message='" + waiting.get("Prize") + "']");

        click(By.cssSelector(".gatehouse-admin-entry-point a.gatehouse-admin-open-review-queue"));
        assertThat(scrolledTo(quote).getText()).contains(outsider, "outside sender");
        type(By.cssSelector("tr[data-message='" + waiting.get("Quote") + "'] input[name=requester]"), "nobody-" + tag);
        click(By.cssSelector("tr[data-message='" + waiting.get("Quote") + "'] .gatehouse-admin-convert button[type=submit]"));
        waitForText(By.cssSelector("tr[data-message='" + waiting.get("Quote") + "'] .gatehouse-field-error[data-field=requester]"),
                "nobody-" + tag);
        scrolledTo(By.cssSelector("tr[data-message='" + waiting.get("Quote") + "'] input[name=requester]")).clear();
        click(By.cssSelector("tr[data-message='" + waiting.get("Quote") + "'] .gatehouse-admin-convert button[type=submit]"));
        waitForText(By.cssSelector(".gatehouse-admin-notice"), "is ticket");
        wait.until(ExpectedConditions.invisibilityOfElementLocated(quote));

        click(By.cssSelector("tr[data-message='" + waiting.get("Prize") + "'] .gatehouse-admin-dismiss"));
        waitForText(By.cssSelector(".gatehouse-admin-notice"), "Prize " + tag + "\" is dismissed");
        wait.until(ExpectedConditions.invisibilityOfElementLocated(prize));

        JsonNode converted = message("CONVERTED", waiting.get("Quote"));
        assertThat(converted.get("processedBy").asText()).isEqualTo("admin");
        assertThat(api.as("finn").get("/api/tickets/" + converted.get("ticketId").asLong()).getBody()
                .get("requester").asText()).isEqualTo(outsider);
        assertThat(message("DISMISSED", waiting.get("Prize")).get("processedBy").asText()).isEqualTo("admin");

        // the converted ones, as the view lists them
        wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector(".gatehouse-admin-search select[name=status]")));
        new Select(browser.findElement(By.cssSelector(".gatehouse-admin-search select[name=status]")))
                .selectByValue("CONVERTED");
        click(By.cssSelector(".gatehouse-admin-search button[type=submit]"));
        waitForText(quote, "ticket " + converted.get("ticketId").asLong());
    }

    private JsonNode message(String status, String id) {
        for (JsonNode m : api.as("admin").get("/api/intake/messages?status=" + status + "&limit=500").getBody()) {
            if (m.get("id").asText().equals(id)) {
                return m;
            }
        }
        throw new AssertionError("no " + status + " message " + id);
    }

    @Test
    void peopleAreSearchedAndPagedAndTheirRolesAndStatusChanged() {
        String rows = IntStream.rangeClosed(1, 22).mapToObj(i -> String.join(",", tag + "-" + String.format("%02d", i), "Ann",
                "Zed" + tag + String.format("%02d", i), tag + "." + i + "@acme.example", "Analyst", "HR", "", "Paris",
                "Europe/Paris", "active")).collect(Collectors.joining("\n"));
        assertThat(api.as("admin").postRaw("/api/directory/imports?source=" + tag, HR_HEADER + rows,
                MediaType.parseMediaType("text/csv")).getStatusCode()).isEqualTo(HttpStatus.CREATED);
        String last = tag + "-22";

        click(By.cssSelector(".gatehouse-admin-entry-point a.gatehouse-admin-open-people"));
        type(By.cssSelector(".gatehouse-admin-search input[name=q]"), "zed" + tag);
        click(By.cssSelector(".gatehouse-admin-search button[type=submit]"));
        waitForText(By.cssSelector(".gatehouse-admin-people .gatehouse-pager-position"), "Page 1 of 2, 22 people");
        assertThat(browser.findElements(By.cssSelector(".gatehouse-admin-people-table tbody tr"))).hasSize(20);
        click(By.cssSelector(".gatehouse-admin-people .gatehouse-pager a[data-page='1']"));
        waitForText(By.cssSelector(".gatehouse-admin-people .gatehouse-pager-position"), "Page 2 of 2");
        By person = By.cssSelector("tr[data-person='" + last + "']");
        assertThat(scrolledTo(person).getText()).contains("Ann Zed" + tag + "22", "active", "requesters");
        assertThat(browser.findElements(By.cssSelector(".gatehouse-admin-people-table tbody tr"))).hasSize(2);

        String row = "tr[data-person='" + last + "'] ";
        type(By.cssSelector(row + ".gatehouse-admin-grant input[name=group]"), "Not A Group");
        click(By.cssSelector(row + ".gatehouse-admin-grant button[type=submit]"));
        waitForText(By.cssSelector(row + ".gatehouse-field-error[data-field=group]"), "is not a group id");
        type(By.cssSelector(row + ".gatehouse-admin-grant input[name=group]"), "legal");
        click(By.cssSelector(row + ".gatehouse-admin-grant button[type=submit]"));
        waitForText(By.cssSelector(".gatehouse-admin-notice"), last + " holds the role now");
        scrolledTo(By.cssSelector(row + ".gatehouse-admin-role[data-group=legal]"));
        assertThat(groups(last)).contains("legal");

        click(By.cssSelector(row + ".gatehouse-admin-role[data-group=legal] .gatehouse-admin-revoke"));
        waitForText(By.cssSelector(".gatehouse-admin-notice"), last + " no longer holds legal");
        wait.until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector(row + ".gatehouse-admin-role[data-group=legal]")));
        click(By.cssSelector(row + ".gatehouse-admin-deactivate"));
        waitForText(By.cssSelector(row + ".gatehouse-admin-person-status"), "inactive");
        assertThat(api.as("admin").get("/api/directory/people/" + last).getBody().get("person").get("status").asText())
                .isEqualTo("INACTIVE");
        assertThat(groups(last)).doesNotContain("legal");
    }

    private String groups(String person) {
        return api.as("admin").get("/api/directory/people/" + person).getBody().get("groups").toString();
    }

    @Test
    void anImportsReportShowsItsRefusedRows() {
        var refused = api.as("admin").postRaw("/api/directory/imports?source=" + tag, HR_HEADER + tag + "-1,Bad,Row,"
                + "not-an-address,,,,,,active\n", MediaType.parseMediaType("text/csv"));
        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        String id = refused.getBody().get("report").get("id").asText();

        click(By.cssSelector(".gatehouse-admin-entry-point a.gatehouse-admin-open-imports"));
        By row = By.cssSelector("tr[data-import='" + id + "']");
        assertThat(scrolledTo(row).getText()).contains(tag, "REFUSED");
        click(By.cssSelector("tr[data-import='" + id + "'] a.gatehouse-admin-report-link"));
        waitForText(By.cssSelector(".gatehouse-admin-refusals tbody"), "email must be a well-formed email address");
        assertThat(browser.findElement(By.cssSelector(".gatehouse-admin-refusals tbody td")).getText()).isEqualTo("2");
        assertThat(browser.findElement(By.cssSelector(".gatehouse-admin-report-facts dd[data-fact='Status']")).getText())
                .isEqualTo("REFUSED");
        assertThat(browser.findElement(By.cssSelector(".gatehouse-admin-report-facts dd[data-fact='Source']")).getText())
                .isEqualTo(tag);
    }

    @Test
    void thePolicyShowsItsVersionsAndRefusesABadChangeFieldByField() {
        JsonNode policy = api.as("admin").get("/api/sharing-policy").getBody();
        JsonNode newest = api.as("admin").get("/api/sharing-policy/versions").getBody().get(0);

        click(By.cssSelector(".gatehouse-admin-entry-point a.gatehouse-admin-open-sharing-policy"));
        By version = By.cssSelector(".gatehouse-admin-versions-table tr[data-kind='" + newest.get("kind").asText()
                + "'][data-version='" + newest.get("version").asInt() + "']");
        waitForText(version, newest.get("kind").asText() + ", version " + newest.get("version").asInt());
        assertThat(browser.findElement(version).findElement(By.cssSelector(".gatehouse-admin-actor")).getText())
                .isEqualTo(newest.get("actor").asText());
        assertThat(browser.findElements(By.cssSelector(".gatehouse-admin-versions-table tbody tr")))
                .hasSize(api.as("admin").get("/api/sharing-policy/versions").getBody().size());
        assertThat(scrolledTo(By.cssSelector(".gatehouse-admin-policy-form select[name=shareMode]")).getDomProperty("value"))
                .isEqualTo(policy.get("shareMode").asText());

        new Select(browser.findElement(By.cssSelector(".gatehouse-admin-policy-form select[name=shareMode]")))
                .selectByValue("GROUPS");
        scrolledTo(By.cssSelector(".gatehouse-admin-policy-form input[name=allowedGroups]")).clear();
        click(By.cssSelector(".gatehouse-admin-policy-form button[type=submit]"));
        waitForText(By.cssSelector(".gatehouse-admin-policy-form .gatehouse-field-error[data-field=allowedGroups]"),
                "Name at least one group");
        assertThat(api.as("admin").get("/api/sharing-policy").getBody()).as("a refused change changes nothing")
                .isEqualTo(policy);
    }
}

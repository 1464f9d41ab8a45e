package org.gatehouse.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gatehouse.Api.variables;

import java.io.IOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.camunda.bpm.engine.ProcessEngine;
import org.gatehouse.Api;
import org.gatehouse.HttpTest;
import org.gatehouse.TestBundles;
import org.gatehouse.WebappSession;
import org.gatehouse.experts.ExpertFixtures;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/** The security model of DESIGN.md, checked through the real HTTP endpoints. */
class SecurityTest extends HttpTest {

    @Autowired ProcessEngine engine;
    @Autowired ExpertFixtures experts;

    @LocalServerPort int port;

    @Test
    void nothingIsAnonymousButHealthAndTheInvitationLink() {
        assertThat(api.get("/api/access-requests").getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(api.get("/api/access-requests").getHeaders().getFirst(HttpHeaders.WWW_AUTHENTICATE)).startsWith("Basic");
        assertThat(api.get("/engine-rest/task?maxResults=1").getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(api.get("/actuator/health").getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(api.get("/actuator/info").getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(api.as("alice").get("/actuator/info").getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(new Api(rest.withBasicAuth("nobody", "nobody")).get("/api/access-requests").getStatusCode())
                .isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(api.get("/invite/no-such-token").getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    }

    @Test
    void aRequesterSeesAndWorksOnlyTheirOwnTasks() {
        var pi = fixtures.connected("alice", "Globex", LocalDate.now().plusMonths(1));
        driver.fireTimer(pi.getId(), "Event_EndDate");
        String task = api.as("alice").get("/engine-rest/task?processInstanceBusinessKey=" + pi.getBusinessKey()
                + "&maxResults=5").getBody().get(0).get("id").asText();

        assertThat(api.as("dave").get("/engine-rest/task?maxResults=100").getBody().findValuesAsText("id")).doesNotContain(task);
        assertThat(api.as("dave").get("/engine-rest/task/" + task).getStatusCode().is4xxClientError()).isTrue();
        assertThat(api.as("dave").post("/engine-rest/task/" + task + "/complete", variables(Map.of("renew", false)))
                .getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(api.as("dave").get("/engine-rest/process-instance/" + pi.getId()).getStatusCode().is4xxClientError()).isTrue();
        assertThat(api.as("alice").post("/engine-rest/task/" + task + "/complete", variables(Map.of("renew", false)))
                .getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
    }

    @Test
    void anAuditorReadsHistoryAndNothingElse() {
        var request = fixtures.submit("alice", "Globex", LocalDate.now().plusMonths(1));
        driver.runJobs(fixtures.instance(request).getId());
        String task = api.as("bob").get("/engine-rest/task?processInstanceBusinessKey=" + request.id() + "&maxResults=5")
                .getBody().get(0).get("id").asText();

        JsonNode history = api.as("aude").get("/engine-rest/history/process-instance?processInstanceBusinessKey="
                + request.id() + "&processDefinitionKey=external-access-request&maxResults=5").getBody();
        assertThat(history.findValuesAsText("businessKey")).containsExactly(request.id());
        assertThat(api.as("aude").get("/engine-rest/history/activity-instance?processInstanceId="
                + history.get(0).get("id").asText() + "&maxResults=100").getBody().size()).isPositive();
        assertThat(api.as("aude").get("/engine-rest/task?maxResults=100").getBody().findValuesAsText("id")).doesNotContain(task);
        assertThat(api.as("aude").post("/engine-rest/task/" + task + "/complete", variables(Map.of("approved", true)))
                .getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(api.as("aude").post("/engine-rest/process-definition/key/external-access-request/start", Map.of())
                .getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(api.as("aude").get("/engine-rest/process-instance?maxResults=100").getBody().size()).isZero();
    }

    @Test
    void onlyAdminsAndProcessOwnersDeploy() throws IOException {
        assertThat(deploy("bob").getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(deploy("alice").getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        var deployed = deploy("paul");
        assertThat(deployed.getStatusCode()).isEqualTo(HttpStatus.OK);
        String id = Api.json(deployed.getBody()).get("id").asText();
        rest.withBasicAuth("paul", "paul").delete("/engine-rest/deployment/" + id);
        assertThat(api.as("paul").get("/engine-rest/deployment/" + id).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    }

    @Test
    void taskQueriesCarryNoExpressionsAndOnlyAdminsStoreFilters() {
        for (String user : List.of("alice", "admin")) {
            assertThat(api.as(user).post("/engine-rest/task?maxResults=10", Map.of("assigneeExpression", "${currentUser()}"))
                    .getStatusCode()).as(user).isEqualTo(HttpStatus.BAD_REQUEST);
        }
        var orQuery = Map.of("orQueries", List.of(Map.of("assigneeExpression", "${currentUser()}")));
        var refused = api.as("alice").post("/engine-rest/task?maxResults=10", orQuery);
        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(refused.getBody().get("message").asText()).contains("Expressions are forbidden");

        String myTasks = null;
        for (JsonNode filter : api.as("alice").get("/engine-rest/filter?maxResults=50").getBody()) {
            myTasks = filter.get("name").asText().equals("My tasks") ? filter.get("id").asText() : myTasks;
        }
        assertThat(api.as("alice").post("/engine-rest/filter/" + myTasks + "/list?maxResults=10", Map.of()).getStatusCode())
                .as("a stored filter's own expression").isEqualTo(HttpStatus.OK);
        assertThat(api.as("alice").post("/engine-rest/filter/" + myTasks + "/list?maxResults=10", orQuery).getStatusCode())
                .as("an expression added to a filter").isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(api.as("alice").post("/engine-rest/filter/" + myTasks + "/list?maxResults=10",
                Map.of("candidateGroupExpression", "${currentUserGroups()}")).getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);

        Map<String, Object> filter = Map.of("resourceType", "Task", "name", "Mine",
                "query", Map.of("assigneeExpression", "${currentUser()}"));
        assertThat(api.as("bob").post("/engine-rest/filter/create", filter).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        var created = api.as("admin").post("/engine-rest/filter/create", filter);
        assertThat(created.getStatusCode()).isEqualTo(HttpStatus.OK);
        rest.withBasicAuth("admin", "admin").delete("/engine-rest/filter/" + created.getBody().get("id").asText());
    }

    @Test
    void queryResultsAreCapped() {
        assertThat(api.as("bob").get("/engine-rest/task").getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(api.as("bob").get("/engine-rest/task?maxResults=5000").getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(api.as("bob").get("/engine-rest/task?maxResults=100").getStatusCode()).isEqualTo(HttpStatus.OK);
    }

    @Test
    void webappSessionsKeepCsrfProtectionAndSafeCookies() throws Exception {
        var cookies = new CookieManager();
        var client = HttpClient.newBuilder().cookieHandler(cookies).build();
        String base = "http://localhost:" + port + "/camunda";
        client.send(HttpRequest.newBuilder(URI.create(base + "/app/tasklist/")).build(), HttpResponse.BodyHandlers.ofString());
        String csrf = xsrf(cookies);

        var login = client.send(form(base + "/api/admin/auth/user/default/login/tasklist", csrf, "bob"), HttpResponse.BodyHandlers.ofString());
        assertThat(login.statusCode()).isEqualTo(200);
        assertThat(login.headers().allValues("Set-Cookie")).anySatisfy(c -> assertThat(c).startsWith("JSESSIONID")
                .containsIgnoringCase("HttpOnly").containsIgnoringCase("SameSite=Lax"));

        var withoutToken = client.send(HttpRequest.newBuilder(URI.create(base + "/api/engine/engine/default/filter/create"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"resourceType\":\"Task\",\"name\":\"x\",\"query\":{}}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(withoutToken.statusCode()).isEqualTo(403);
        assertThat(withoutToken.headers().firstValue("X-XSRF-TOKEN")).hasValue("Required");
    }

    /**
     * Cockpit's audit plugin reads the audit API with the webapps' session: only with the session's CSRF token, reads
     * included; HTTP Basic, when sent, names the caller instead; a person deactivated since signing in is nobody.
     */
    @Test
    void aWebappSessionReadsTheAuditTrailWithItsTokenWhileItsUserExists() throws Exception {
        String auditor = experts.newEmployee();
        assertThat(api.as("admin").put("/api/directory/people/" + auditor + "/roles/auditors", null).getStatusCode().is2xxSuccessful())
                .isTrue();
        var cookies = new CookieManager();
        var client = HttpClient.newBuilder().cookieHandler(cookies).build();
        String base = "http://localhost:" + port;
        client.send(HttpRequest.newBuilder(URI.create(base + "/camunda/app/cockpit/")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(client.send(form(base + "/camunda/api/admin/auth/user/default/login/cockpit", xsrf(cookies), auditor),
                HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(200);
        // a new session gets its token with its first read, as Cockpit's next call does
        client.send(HttpRequest.newBuilder(URI.create(base + "/camunda/api/admin/auth/user/default")).build(),
                HttpResponse.BodyHandlers.ofString());
        String token = xsrf(cookies);
        URI search = URI.create(base + "/api/audit?kind=audit-read&size=1");

        assertThat(client.send(HttpRequest.newBuilder(search).header("X-XSRF-TOKEN", token).build(),
                HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(200);
        var wrongToken = client.send(HttpRequest.newBuilder(search).header("X-XSRF-TOKEN", token + "x").build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(wrongToken.statusCode()).isEqualTo(403);
        assertThat(wrongToken.headers().firstValue("X-XSRF-TOKEN")).hasValue("Required");
        assertThat(client.send(HttpRequest.newBuilder(search).header("X-XSRF-TOKEN", token)
                .header(HttpHeaders.AUTHORIZATION, "Basic " + Base64.getEncoder().encodeToString("alice:alice".getBytes(StandardCharsets.UTF_8)))
                .build(), HttpResponse.BodyHandlers.ofString()).statusCode()).as("HTTP Basic names alice, no auditor").isEqualTo(403);

        assertThat(api.as("admin").post("/api/directory/people/" + auditor + "/deactivate", null).getStatusCode().is2xxSuccessful())
                .isTrue();
        assertThat(client.send(HttpRequest.newBuilder(search).header("X-XSRF-TOKEN", token).build(),
                HttpResponse.BodyHandlers.ofString()).statusCode()).as("deactivated since signing in").isEqualTo(401);
    }

    /**
     * A call with the webapps' session leaves the session as it is, so that Cockpit's calls sent beside it with the
     * same cookie still find it; once the session has ended, a page's call hears so without the Basic challenge that
     * would make the browser ask for a password over Cockpit. Other callers still get the challenge.
     */
    @Test
    void aCallWithTheWebappSessionKeepsItsIdAndAnEndedOneAsksNoPassword() throws Exception {
        WebappSession session = WebappSession.signIn(port, "admin", "cockpit");
        String before = sessionId(session);
        var read = session.gatehouse("GET", "/api/ndas?size=1", null);
        assertThat(read.statusCode()).isEqualTo(200);
        assertThat(read.headers().allValues("Set-Cookie")).noneMatch(cookie -> cookie.startsWith("JSESSIONID"));
        assertThat(sessionId(session)).isEqualTo(before);
        assertThat(session.send("GET", "/api/admin/auth/user/default", null).statusCode()).isEqualTo(200);

        assertThat(session.send("POST", "/api/admin/auth/user/default/logout", null).statusCode()).isEqualTo(200);
        var ended = session.gatehouse("GET", "/api/ndas?size=1", null);
        assertThat(ended.statusCode()).isEqualTo(401);
        assertThat(ended.headers().firstValue("WWW-Authenticate")).isEmpty();
        assertThat(ended.body()).contains("sign in again");
        assertThat(rest.getForEntity("/api/ndas", String.class).getHeaders().getFirst("WWW-Authenticate"))
                .startsWith("Basic");
    }

    private static String sessionId(WebappSession session) {
        return session.cookies().getCookieStore().getCookies().stream().filter(c -> c.getName().equals("JSESSIONID"))
                .map(HttpCookie::getValue).reduce((first, second) -> second).orElseThrow();
    }

    private static String xsrf(CookieManager cookies) {
        return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("XSRF-TOKEN"))
                .reduce((first, second) -> second).orElseThrow().getValue();
    }

    private static HttpRequest form(String url, String csrf, String user) {
        var builder = HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("username=" + user + "&password=" + user, StandardCharsets.UTF_8));
        if (csrf != null) {
            builder.header("X-XSRF-TOKEN", csrf);
        }
        return builder.build();
    }

    /** The whole bpmn/ folder, as a process owner deploys it, one version above the deployed one. */
    private ResponseEntity<String> deploy(String user) throws IOException {
        return rest.withBasicAuth(user, user).postForEntity("/engine-rest/deployment/create",
                TestBundles.multipart("probe-by-" + user, TestBundles.next(engine)), String.class);
    }
}

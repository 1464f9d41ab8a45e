package org.gatehouse.tickets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gatehouse.Api.variables;

import java.nio.charset.StandardCharsets;
import java.sql.Blob;
import java.sql.Clob;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import com.fasterxml.jackson.databind.JsonNode;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.authorization.TaskPermissions;
import org.gatehouse.HttpTest;
import org.gatehouse.experts.ExpertFixtures;
import org.gatehouse.intake.Mailboxes;
import org.gatehouse.platform.AuthorizationSetup;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;

/**
 * What people write to a team never reaches the engine's history (item 8 of issue 8): a ticket filed by API and one
 * by e-mail, routed by their words, answered, noted, put to an approval with a comment, given an internal note and a
 * collaborator in the Tasklist form and completed there leave no trace of any of it in {@code /engine-rest/history/*},
 * read as the admin who sees everything, nor in any {@code ACT_HI_*} table or history byte array; the variables are
 * there, without values, and the process still decides on the text. At run time only the ticket's team reads its content, through its task.
 */
class TicketHistoryPrivacyTest extends HttpTest {

    @Autowired ExpertFixtures experts;
    @Autowired Mailboxes mail;
    @Autowired ProcessEngine engine;
    @Autowired DataSource dataSource;
    @Autowired AuthorizationService authorizations;
    @Autowired AuthorizationSetup authorizationSetup;

    /** Words nobody else writes, lower-case as the routing text is. */
    private static String words(String what) {
        return "zq" + UUID.randomUUID().toString().substring(0, 8) + "-" + what;
    }

    private String pi(long ticket) {
        return driver.instance(Long.toString(ticket)).getId();
    }

    private String handlingTask(String expert, long ticket) {
        JsonNode tasks = api.as(expert).get("/engine-rest/task?maxResults=10&taskDefinitionKey=handleTicket"
                + "&processInstanceBusinessKey=" + ticket).getBody();
        assertThat(tasks).as(expert + " sees the handling task").hasSize(1);
        return tasks.get(0).get("id").asText();
    }

    @Test
    void historyKeepsThatTicketVariablesChangedButNotWhatTheySaid() throws SQLException {
        String subject = words("subject"), body = words("body"), reply = words("reply"), note = words("note"),
                approvalSubject = words("approval-subject"), approvalDetails = words("approval-details"),
                comment = words("comment"), answer = words("answer"), formReply = words("form-reply"),
                formNote = words("form-note"), collaborator = words("collaborator") + "@example.org",
                mailSubject = words("mail-subject"), mailBody = words("mail-body");
        List<String> secrets = List.of(subject, body, reply, note, approvalSubject, approvalDetails, comment, answer,
                formReply, formNote, collaborator, mailSubject, mailBody);

        // filed over the API with no category: the keyword "salary" routes it to HR
        String requester = experts.newEmployee();
        long id = api.as(requester).post("/api/tickets", Map.of("subject", "Payslip " + subject,
                "body", "My salary slip is wrong " + body)).getBody().get("id").asLong();
        String ticket = pi(id);
        driver.runJobs(ticket);
        assertThat(api.as("hana").get("/api/tickets/" + id).getBody().get("team").asText())
                .as("the routing decision still reads the text").isEqualTo("hr");

        api.as("hana").post("/api/tickets/" + id + "/claim", null);
        api.as("hana").post("/api/tickets/" + id + "/replies", Map.of("body", "We are checking " + reply));
        api.as("hana").post("/api/tickets/" + id + "/notes", Map.of("body", "Payroll error " + note));

        String approver = experts.newImportedEmployee();
        assertThat(api.as("hana").post("/api/tickets/" + id + "/approvals", Map.of("approver", approver,
                "subject", "Correction " + approvalSubject, "details", "Pay back " + approvalDetails)).getBody()
                .get("status").asText()).isEqualTo("ON_HOLD");
        String approval = engine.getRuntimeService().createProcessInstanceQuery().superProcessInstanceId(ticket)
                .singleResult().getId();
        driver.runJobs(approval);
        assertThat(api.post("/approvals/" + experts.token(approver, "/approvals/") + "/approve",
                Map.of("comment", "Fine " + comment)).getStatusCode()).isEqualTo(HttpStatus.OK);
        api.as(requester).post("/api/tickets/" + id + "/answers", Map.of("body", "Thanks " + answer));

        // kept in Tasklist with an internal note and a collaborator: the task comes back
        assertThat(api.as("hana").post("/engine-rest/task/" + handlingTask("hana", id) + "/submit-form", variables(Map.of(
                "internalNote", "Checked with payroll " + formNote, "collaboratorEmail", collaborator,
                "ticketAction", "KEEP"))).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        driver.runJobs(ticket);

        // completed in Tasklist: the form's fields, read-only ones included, come back as the submitted form
        String task = handlingTask("hana", id);
        JsonNode shown = api.as("hana").get("/engine-rest/task/" + task + "/form-variables").getBody();
        assertThat(shown.get("conversation").get("value").asText()).contains(body, reply, note, comment, answer,
                formNote);
        assertThat(api.as("hana").post("/engine-rest/task/" + task + "/submit-form", variables(Map.of(
                "conversation", shown.get("conversation").get("value").asText(),
                "ticketSubject", shown.get("ticketSubject").get("value").asText(),
                "reply", "Corrected " + formReply, "ticketAction", "RESOLVE"))).getStatusCode())
                .isEqualTo(HttpStatus.NO_CONTENT);
        driver.runJobs(ticket);
        JsonNode resolved = api.as("hana").get("/api/tickets/" + id).getBody();
        assertThat(resolved.get("status").asText()).isEqualTo("RESOLVED");
        assertThat(resolved.get("messages").findValuesAsText("body")).as("the ticket keeps every word")
                .anySatisfy(b -> assertThat(b).contains(formReply))
                .anySatisfy(b -> assertThat(b).contains(formNote))
                .anySatisfy(b -> assertThat(b).contains(comment));
        assertThat(resolved.get("collaborators").toString()).contains(collaborator);

        // and one by e-mail, on the same path from the intake
        String writer = experts.newEmployee();
        mail.write(writer + "@acme.example", "Sick leave " + mailSubject, "I am sick since Monday " + mailBody);
        mail.poll();
        long mailed = api.as(writer).get("/api/tickets").getBody().get(0).get("id").asLong();
        String mailedTicket = pi(mailed);
        driver.runJobs(mailedTicket);
        assertThat(api.as("hana").get("/api/tickets/" + mailed).getBody().get("team").asText()).isEqualTo("hr");

        for (String instance : List.of(ticket, approval, mailedTicket)) {
            for (String history : List.of("variable-instance?includeDeleted=true&processInstanceId=", "detail?processInstanceId=",
                    "decision-instance?includeInputs=true&includeOutputs=true&processInstanceId=",
                    "user-operation?processInstanceId=", "task?processInstanceId=",
                    "activity-instance?processInstanceId=", "process-instance?processInstanceId=")) {
                String read = api.as("admin").get("/engine-rest/history/" + history + instance + "&maxResults=2000")
                        .getBody().toString();
                assertThat(read).as(history + instance).doesNotContain(secrets);
            }
        }

        // what history does keep: that the private variables were set, and the decision's inputs and result
        JsonNode variables = api.as("admin").get("/engine-rest/history/variable-instance?includeDeleted=true"
                + "&processInstanceId=" + ticket + "&maxResults=2000").getBody();
        assertThat(variables.findValuesAsText("name")).contains("conversation", "requesterProfile", "routingText",
                "ticketSubject", "approvalSubject", "approvalDetails", "approvalComment", "reply", "internalNote",
                "collaboratorEmail", "routedTeam");
        variables.forEach(v -> {
            if (List.of("conversation", "requesterProfile", "routingText", "ticketSubject", "reply", "internalNote",
                    "collaboratorEmail").contains(v.get("name").asText())) {
                assertThat(v.get("value").isNull()).as(v.get("name").asText() + " keeps no value").isTrue();
            }
        });
        assertThat(variables).anySatisfy(v -> {
            assertThat(v.get("name").asText()).isEqualTo("routedTeam");
            assertThat(v.get("value").asText()).as("what is not private keeps its value").isEqualTo("hr");
        });
        JsonNode details = api.as("admin").get("/engine-rest/history/detail?processInstanceId=" + ticket
                + "&maxResults=2000").getBody();
        for (String field : List.of("reply", "internalNote", "collaboratorEmail")) {
            assertThat(details).as("the Tasklist form's " + field + ", as a form field").anySatisfy(d -> {
                assertThat(d.path("fieldId").asText()).isEqualTo(field);
                assertThat(d.get("fieldValue").isNull()).isTrue();
            });
        }
        assertThat(details).as("every update of the conversation").filteredOn(d -> "conversation".equals(
                d.path("variableName").asText())).hasSizeGreaterThan(3).allSatisfy(d -> assertThat(d.get("value").isNull()).isTrue());
        JsonNode routing = api.as("admin").get("/engine-rest/history/decision-instance?includeInputs=true"
                + "&includeOutputs=true&maxResults=10&decisionDefinitionKey=ticket-routing&processInstanceId=" + ticket).getBody().get(0);
        assertThat(routing.get("inputs")).anySatisfy(input -> {
            assertThat(input.get("clauseId").asText()).isEqualTo("Input_Text");
            assertThat(input.get("value").isNull()).isTrue();
        });
        assertThat(routing.get("outputs").get(0).get("value").asText()).isEqualTo("hr");

        assertThat(tracesInHistoryTables(secrets)).isEmpty();
        assertThat(tracesInHistoryTables(List.of(ticket))).as("the scan finds what history does hold").isNotEmpty();
    }

    @Test
    void onlyTheTicketsTeamReadsItsContentAtRunTime() {
        String text = words("runtime");
        String requester = experts.newEmployee();
        long id = api.as(requester).post("/api/tickets", Map.of("subject", "Leave", "body", "Parental leave " + text,
                "category", "hr")).getBody().get("id").asLong();
        String instance = pi(id);
        String task = handlingTask("hana", id);

        // IT's expert, the auditor, a process owner, a workspace admin and the requester may see instances or their
        // history: none reads what the ticket says from the engine
        for (String reader : List.of("ivy", "aude", "paul", "bob", requester)) {
            assertThat(api.as(reader).get("/engine-rest/variable-instance?maxResults=2000&processInstanceIdIn=" + instance)
                    .getBody().toString()).as(reader).doesNotContain(text);
            assertThat(api.as(reader).get("/engine-rest/process-instance/" + instance + "/variables").getStatusCode())
                    .as(reader).isEqualTo(HttpStatus.FORBIDDEN);
            assertThat(String.valueOf(api.as(reader).get("/engine-rest/task/" + task + "/form-variables").getBody()))
                    .as(reader).doesNotContain(text);
            assertThat(api.as(reader).get("/engine-rest/history/variable-instance?maxResults=2000&processInstanceId="
                    + instance).getBody().toString()).as(reader).doesNotContain(text);
        }
        assertThat(api.as("ivy").get("/engine-rest/process-instance?maxResults=10&businessKey=" + id).getBody())
                .as("experts still see that the ticket's process runs").hasSize(1);

        // the team's expert reads the form, and Tasklist's list shows the ticket's reference and subject
        assertThat(api.as("hana").get("/engine-rest/task/" + task + "/form-variables").getBody().get("conversation")
                .get("value").asText()).contains(text);
        assertThat(listedVariables("hana", task)).containsEntry("ticketReference", "T-" + id).containsEntry("ticketSubject", "Leave");
        assertThat(api.as("hana").get("/engine-rest/process-instance/" + instance + "/variables").getStatusCode())
                .as("not the process's variables: only through the task").isEqualTo(HttpStatus.FORBIDDEN);

        // a task made before variables took their own permission is readable again after the next start
        Authorization team = authorizations.createAuthorizationQuery().resourceType(Resources.TASK).resourceId(task)
                .groupIdIn("team-hr").singleResult();
        team.removePermission(TaskPermissions.READ_VARIABLE);
        authorizations.saveAuthorization(team);
        assertThat(api.as("hana").get("/engine-rest/task/" + task + "/form-variables").getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        authorizationSetup.run(null);
        assertThat(api.as("hana").get("/engine-rest/task/" + task + "/form-variables").getStatusCode())
                .isEqualTo(HttpStatus.OK);
    }

    /** The variables Tasklist shows beside the task in the list of the filter "Tickets". */
    private Map<String, String> listedVariables(String user, String task) {
        String filter = api.as(user).get("/engine-rest/filter?name=Tickets&maxResults=1").getBody().get(0).get("id").asText();
        var headers = new HttpHeaders();
        headers.setAccept(List.of(MediaType.valueOf("application/hal+json")));
        headers.setContentType(MediaType.APPLICATION_JSON);
        String hal = rest.withBasicAuth(user, user).exchange("/engine-rest/filter/" + filter + "/list?maxResults=200",
                HttpMethod.POST, new HttpEntity<>("{}", headers), String.class).getBody();
        for (JsonNode listed : org.gatehouse.Api.json(hal).get("_embedded").get("task")) {
            if (listed.get("id").asText().equals(task)) {
                Map<String, String> shown = new java.util.HashMap<>();
                listed.get("_embedded").get("variable").forEach(v -> shown.put(v.get("name").asText(), v.get("value").asText()));
                return shown;
            }
        }
        throw new AssertionError(user + " does not see task " + task + " under Tickets");
    }

    /** Every ACT_HI_* table and every stored byte array, read row by row, for any of the texts. */
    private List<String> tracesInHistoryTables(List<String> texts) throws SQLException {
        List<String> found = new ArrayList<>();
        try (Connection connection = dataSource.getConnection()) {
            List<String> tables = new ArrayList<>();
            try (ResultSet all = connection.getMetaData().getTables(connection.getCatalog(), connection.getSchema(), "%",
                    new String[] {"TABLE"})) {
                while (all.next()) {
                    String name = all.getString("TABLE_NAME");
                    String upper = name.toUpperCase(Locale.ROOT);
                    if (upper.startsWith("ACT_HI_") || upper.equals("ACT_GE_BYTEARRAY")) {
                        tables.add(name);
                    }
                }
            }
            assertThat(tables).as("the engine's history tables").hasSizeGreaterThan(10);
            for (String table : tables) {
                try (Statement statement = connection.createStatement();
                        ResultSet rows = statement.executeQuery("select * from " + table)) {
                    int columns = rows.getMetaData().getColumnCount();
                    while (rows.next()) {
                        for (int column = 1; column <= columns; column++) {
                            String value = text(rows.getObject(column));
                            for (String secret : texts) {
                                if (value != null && value.toLowerCase(Locale.ROOT).contains(secret)) {
                                    found.add(table + "." + rows.getMetaData().getColumnName(column) + " holds " + secret);
                                }
                            }
                        }
                    }
                }
            }
        }
        return found;
    }

    private static String text(Object value) throws SQLException {
        if (value instanceof byte[] bytes) {
            return new String(bytes, StandardCharsets.UTF_8);
        }
        if (value instanceof Blob blob) {
            return new String(blob.getBytes(1, (int) blob.length()), StandardCharsets.UTF_8);
        }
        if (value instanceof Clob clob) {
            return clob.getSubString(1, (int) clob.length());
        }
        return value == null ? null : value.toString();
    }
}

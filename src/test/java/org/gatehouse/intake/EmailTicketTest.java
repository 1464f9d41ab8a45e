package org.gatehouse.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gatehouse.Api.assertProblem;

import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.mail.internet.MimeMessage;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.gatehouse.HttpTest;
import org.gatehouse.WebappSession;
import org.gatehouse.experts.ExpertFixtures;
import org.gatehouse.tickets.ContactChannel;
import org.gatehouse.tickets.TicketProcess;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatus;

/**
 * Tickets by e-mail, over real SMTP and IMAP (an in-process mail server) and the real HTTP API: a mail becomes a
 * routed ticket, the conversation goes on by mail in its thread, notes stay internal, collaborators take part in their
 * ticket only, and machine-made or bad mail is kept and never becomes a ticket.
 */
class EmailTicketTest extends HttpTest {

    @Autowired ExpertFixtures experts;
    @Autowired Mailboxes mail;
    @Autowired IntakeService intake;
    @Autowired ProcessEngine engine;
    @LocalServerPort int port;

    private String address(String employee) {
        return employee + "@acme.example";
    }

    /** The ticket a mail of this sender opened, as its requester sees the list. */
    private long onlyTicketOf(String requester) {
        JsonNode list = api.as(requester).get("/api/tickets").getBody();
        assertThat(list).hasSize(1);
        return list.get(0).get("id").asLong();
    }

    private void deliver(long ticket) {
        driver.runJobs(driver.instance(Long.toString(ticket)).getId());
    }

    private MimeMessage last(List<MimeMessage> inbox) {
        assertThat(inbox).isNotEmpty();
        return inbox.get(inbox.size() - 1);
    }

    @Test
    void anEmailBecomesARoutedTicketAndTheConversationGoesOnByEmail() throws Exception {
        String requester = experts.newEmployee();
        String firstId = mail.write(address(requester), "Train ticket", "Please reimburse my expense for the train to Lyon.");
        assertThat(mail.poll()).isGreaterThanOrEqualTo(1);
        long id = onlyTicketOf(requester);

        JsonNode ticket = api.as("finn").get("/api/tickets/" + id).getBody();
        assertThat(ticket.get("team").asText()).as("routed by the keyword 'reimburse'").isEqualTo("finance");
        assertThat(ticket.get("channel").asText()).isEqualTo("EMAIL");
        assertThat(ticket.get("requester").asText()).isEqualTo(address(requester));
        assertThat(ticket.get("requesterProfile").get("name").asText()).startsWith("Xena");
        assertThat(ticket.get("messages").get(0).get("body").asText()).contains("train to Lyon");
        String reference = ticket.get("reference").asText();

        deliver(id);
        MimeMessage receipt = last(mail.inbox(address(requester)));
        assertThat(receipt.getSubject()).isEqualTo("Re: [" + reference + "] Train ticket");
        assertThat(receipt.getHeader("In-Reply-To", ",")).isEqualTo("<" + firstId + ">");
        assertThat(Mailboxes.text(receipt)).contains("We received your request " + reference);

        assertThat(api.as("finn").post("/api/tickets/" + id + "/claim", null).getBody().get("status").asText())
                .isEqualTo("OPEN");
        JsonNode pending = api.as("finn").post("/api/tickets/" + id + "/replies",
                Map.of("body", "Which date did you travel?", "waitForRequester", true)).getBody();
        assertThat(pending.get("status").asText()).isEqualTo("PENDING");
        assertThat(pending.get("sla").get("paused").asBoolean()).isTrue();
        api.as("finn").post("/api/tickets/" + id + "/notes", Map.of("body", "Check the travel policy first"));
        deliver(id);
        List<MimeMessage> inbox = mail.inbox(address(requester));
        MimeMessage question = last(inbox);
        assertThat(Mailboxes.text(question)).contains("Which date did you travel?");
        assertThat(inbox).as("an internal note never reaches the requester")
                .noneSatisfy(m -> assertThat(Mailboxes.text(m)).contains("travel policy"));

        // the requester answers in the thread: the answer lands on the ticket, which is open again
        String questionId = question.getMessageID().replaceAll("[<>]", "");
        mail.write(address(requester), "Re: " + question.getSubject(), "On 3 November.\n\nOn Monday, Gatehouse wrote:\n> Which date",
                "In-Reply-To: <" + questionId + ">", "References: <" + firstId + "> <" + questionId + ">");
        mail.poll();
        JsonNode answered = api.as("finn").get("/api/tickets/" + id).getBody();
        assertThat(answered.get("status").asText()).isEqualTo("OPEN");
        assertThat(answered.get("messages").findValuesAsText("kind")).containsExactly("REQUEST", "REPLY", "REPLY", "NOTE",
                "ANSWER");
        assertThat(answered.get("messages").get(4).get("body").asText()).isEqualTo("On 3 November.");
        // a reference in the subject is enough too, and neither makes a new ticket
        mail.write(address(requester), "About [" + reference + "]", "The receipt is attached to my expense report.");
        mail.poll();
        assertThat(onlyTicketOf(requester)).isEqualTo(id);
        assertThat(api.as(requester).get("/api/tickets/" + id).getBody().get("messages").findValuesAsText("kind"))
                .as("the requester's view has no notes").containsExactly("REQUEST", "REPLY", "REPLY", "ANSWER", "ANSWER");
    }

    @Test
    void aCollaboratorTakesPartInTheirTicketOnlyAndLeavesItWhenItCloses() throws Exception {
        String requester = experts.newEmployee();
        String other = experts.newEmployee();
        mail.write(address(requester), "Contract review", "Please review the supplier contract.");
        mail.write(address(other), "NDA question", "Do we have an NDA with Initech?");
        mail.poll();
        long id = onlyTicketOf(requester);
        long otherId = onlyTicketOf(other);
        String lawyer = "pat@lawfirm.example";

        assertProblem(api.as("lena").post("/api/tickets/" + id + "/collaborators", Map.of("email", "not-an-address")),
                HttpStatus.BAD_REQUEST, "email");
        assertProblem(api.as("lena").post("/api/tickets/" + id + "/collaborators", Map.of("email", address(other))),
                HttpStatus.CONFLICT, "email");
        assertThat(api.as(requester).post("/api/tickets/" + id + "/collaborators", Map.of("email", lawyer))
                .getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        JsonNode added = api.as("lena").post("/api/tickets/" + id + "/collaborators", Map.of("email", "Pat@LawFirm.example"))
                .getBody();
        assertThat(added.get("collaborators").get(0).asText()).isEqualTo(lawyer);

        api.as("lena").post("/api/tickets/" + id + "/notes", Map.of("body", "Pat, is clause 7 enforceable?"));
        api.as("lena").post("/api/tickets/" + otherId + "/notes", Map.of("body", "Initech has no NDA on file"));
        deliver(id);
        deliver(otherId);
        MimeMessage note = last(mail.inbox(lawyer));
        assertThat(Mailboxes.text(note)).contains("Internal note").contains("clause 7");
        assertThat(mail.inbox(lawyer)).noneSatisfy(m -> assertThat(Mailboxes.text(m)).contains("Initech"));
        assertThat(mail.inbox(address(requester))).noneSatisfy(m -> assertThat(Mailboxes.text(m)).contains("clause 7"));

        mail.write(lawyer, "Re: " + note.getSubject(), "Clause 7 is fine.", "In-Reply-To: " + note.getMessageID());
        mail.write(lawyer, "[T-" + otherId + "] NDA", "Let me see that one too");
        mail.poll();
        JsonNode ticket = api.as("lena").get("/api/tickets/" + id).getBody();
        assertThat(ticket.get("messages").get(ticket.get("messages").size() - 1).get("author").asText()).isEqualTo(lawyer);
        assertThat(ticket.get("messages").get(ticket.get("messages").size() - 1).get("kind").asText()).isEqualTo("NOTE");
        JsonNode strangerAsks = api.as("lena").get("/api/intake/messages?status=REVIEW").getBody();
        assertThat(strangerAsks).anySatisfy(m -> assertThat(m.get("reason").asText())
                .contains("takes no part in it").contains("T-" + otherId));
        assertThat(api.as("lena").get("/api/tickets/" + otherId).getBody().get("messages").findValuesAsText("author"))
                .doesNotContain(lawyer);
        assertThat(api.as(requester).get("/api/tickets/" + id).getBody().get("messages").findValuesAsText("body"))
                .doesNotContain("Clause 7 is fine.");

        // the ticket closes: the collaborator's part ends with it
        api.as("lena").post("/api/tickets/" + id + "/resolve", Map.of("body", "Signed off."));
        deliver(id);
        driver.fireTimer(driver.instance(Long.toString(id)).getId(), "Event_AutoClose");
        JsonNode closed = api.as("lena").get("/api/tickets/" + id).getBody();
        assertThat(closed.get("status").asText()).isEqualTo("CLOSED");
        assertThat(closed.get("collaborators")).isEmpty();
        mail.write(address(requester), "Re: [T-" + id + "] Contract review", "One more question");
        mail.poll();
        assertThat(api.as("lena").get("/api/intake/messages?status=REFUSED").getBody())
                .anySatisfy(m -> assertThat(m.get("reason").asText()).contains("T-" + id + " is closed"));
        String refused = null;
        for (JsonNode m : api.as("lena").get("/api/intake/messages?status=REFUSED").getBody()) {
            refused = m.get("reason").asText().contains("T-" + id + " is closed") ? m.get("id").asText() : refused;
        }
        driver.runJobs(driver.instance(refused).getId());
        assertThat(Mailboxes.text(last(mail.inbox(address(requester))))).as("the requester is told why")
                .contains("could not take your message").contains("T-" + id + " is closed");
        assertThat(onlyTicketOf(requester)).as("no new ticket either").isEqualTo(id);
    }

    @Test
    void machineMadeAndBadMailIsKeptButNeverBecomesATicket() {
        String requester = experts.newEmployee();
        String from = address(requester);
        mail.write(from, "Out of office", "I am away until Monday.", "Auto-Submitted: auto-replied");
        mail.send("mailer-daemon@acme.example", "From: Mail Delivery System <mailer-daemon@acme.example>",
                "To: help@acme.example", "Subject: Undelivered Mail Returned to Sender", "Message-ID: <bounce-" + requester
                        + "@acme.example>", "", "The mail could not be delivered.");
        mail.write("help@acme.example", "Re: [T-1] something", "Our own mail, back again", "X-Gatehouse-Loop: help@acme.example");
        mail.send(from, "From: " + from, "To: help@acme.example", "Subject: broken", "Message-ID: <broken-" + requester
                + "@acme.example>", "MIME-Version: 1.0", "Content-Type: multipart/mixed; boundary=\"m\"", "",
                "no boundary ever comes");
        mail.write(from, "", "");
        mail.write(from, "Printer", "<p>The printer <b>jams</b><script>alert('x')</script></p>",
                "Content-Type: text/html; charset=UTF-8");
        assertThat(mail.poll()).isEqualTo(6);

        assertThat(api.as(requester).get("/api/tickets").getBody()).as("only the HTML mail made a ticket").hasSize(1);
        JsonNode html = api.as(requester).get("/api/tickets/" + onlyTicketOf(requester)).getBody();
        assertThat(html.get("messages").get(0).get("body").asText()).contains("The printer jams")
                .doesNotContain("<").doesNotContain("alert");

        JsonNode ignored = api.as("ivy").get("/api/intake/messages?status=IGNORED").getBody();
        assertThat(ignored.findValuesAsText("reason")).anySatisfy(r -> assertThat(r).startsWith("AUTO_REPLY"))
                .anySatisfy(r -> assertThat(r).startsWith("BOUNCE")).anySatisfy(r -> assertThat(r).startsWith("LOOP"));
        JsonNode refused = api.as("ivy").get("/api/intake/messages?status=REFUSED").getBody();
        assertThat(refused).anySatisfy(m -> assertThat(m.get("reason").asText()).startsWith("unreadable e-mail"))
                .anySatisfy(m -> {
                    assertThat(m.get("sender").asText()).isEqualTo(from);
                    assertThat(m.get("reason").asText()).isEqualTo("The message is empty");
                });
        assertThat(api.as(requester).get("/api/intake/messages?status=REFUSED").getStatusCode())
                .as("only experts read what came in").isEqualTo(HttpStatus.FORBIDDEN);
    }

    @Test
    void anEmailReadTwiceOrByTwoInstancesAtOnceMakesOneTicket() throws Exception {
        String requester = experts.newEmployee();
        String[] lines = {"From: " + address(requester), "To: help@acme.example", "Subject: Monitor flickers",
                "Message-ID: <twice-" + requester + "@acme.example>", "", "My monitor flickers."};
        mail.send(address(requester), lines);
        mail.poll();
        mail.send(address(requester), lines);
        mail.poll();
        assertThat(api.as(requester).get("/api/tickets").getBody()).hasSize(1);

        // two instances handle one more e-mail at the same moment: the database lets one of them
        Inbound again = new Inbound(ContactChannel.EMAIL, address(requester), "Xena", "Dock",
                "My dock is dead.", null, null, "race-" + requester + "@acme.example", List.of(), null, null);
        String first = intake.store(ContactChannel.EMAIL, null, "cmF3");
        String second = intake.store(ContactChannel.EMAIL, null, "cmF3");
        var pool = Executors.newFixedThreadPool(2);
        try {
            var a = pool.submit(() -> intake.handle(first, again));
            var b = pool.submit(() -> intake.handle(second, again));
            assertThat(List.of(a.get().status(), b.get().status()))
                    .containsExactlyInAnyOrder(InboundMessage.Status.TICKET, InboundMessage.Status.IGNORED);
        } finally {
            pool.shutdown();
        }
        assertThat(api.as(requester).get("/api/tickets").getBody()).hasSize(2);
        assertThat(api.as("ivy").get("/api/intake/messages?status=IGNORED").getBody().findValuesAsText("reason"))
                .contains("duplicate of a message already received");
    }

    @Test
    void aMailThatCannotBeHandledNowHoldsUpNoOtherAndIsHandledLater() {
        String requester = experts.newEmployee();
        String colleague = experts.newEmployee();
        var repository = engine.getRepositoryService();
        // a process owner suspends the ticket process in Cockpit: no ticket can start
        repository.suspendProcessDefinitionByKey(TicketProcess.KEY);
        try {
            mail.write(address(requester), "Payslip", "Where is my November payslip?");
            assertThat(mail.poll()).as("taken from the mailbox all the same").isEqualTo(1);
        } finally {
            repository.activateProcessDefinitionByKey(TicketProcess.KEY);
        }
        assertThat(api.as(requester).get("/api/tickets").getBody()).isEmpty();
        assertThat(api.as("hana").get("/api/intake/messages?status=RECEIVED").getBody()).anySatisfy(m -> {
            assertThat(m.get("sender").asText()).isEqualTo(address(requester));
            assertThat(m.get("reason").asText()).startsWith("failed:").contains("suspended");
        });
        mail.write(address(colleague), "Holiday", "How many days of leave do I have?");
        mail.poll();
        assertThat(api.as(colleague).get("/api/tickets").getBody()).as("the next mail goes through").hasSize(1);

        assertThat(mail.retry()).as("not yet: it failed a moment ago").isZero();
        ClockUtil.setCurrentTime(Date.from(Instant.now().plus(Duration.ofMinutes(2))));
        assertThat(mail.retry()).isGreaterThanOrEqualTo(1);
        JsonNode ticket = api.as(requester).get("/api/tickets/" + onlyTicketOf(requester)).getBody();
        assertThat(ticket.get("subject").asText()).isEqualTo("Payslip");
        assertThat(ticket.get("team").asText()).isEqualTo("hr");
    }

    @Test
    void overlongHeadersAreCutToWhatIsStoredAndTheRequestGoesThrough() {
        String requester = experts.newEmployee();
        String from = address(requester);
        mail.send(from, "From: \"" + "Xena the Very Long Named ".repeat(20) + "\" <" + from + ">", "To: help@acme.example",
                "Subject: Printer " + "ever more words ".repeat(100), "Message-ID: <long-" + requester + "@acme.example>",
                "", "The printer jams.");
        assertThat(mail.poll()).isEqualTo(1);
        JsonNode ticket = api.as(requester).get("/api/tickets/" + onlyTicketOf(requester)).getBody();
        assertThat(ticket.get("subject").asText()).startsWith("Printer ever more words").hasSizeLessThanOrEqualTo(200);
        assertThat(ticket.get("messages").get(0).get("authorName").asText()).hasSizeLessThanOrEqualTo(200);
    }

    @Test
    void aHugeAttachmentIsNotKeptButTheRequestIsAndAHugeMessageIsRefused() {
        String requester = experts.newEmployee();
        String from = address(requester);
        String payload = Base64.getMimeEncoder().encodeToString(new byte[1200 * 1024]);
        mail.send(from, "From: " + from, "To: help@acme.example", "Subject: Scan of my laptop invoice",
                "Message-ID: <huge-" + requester + "@acme.example>", "MIME-Version: 1.0",
                "Content-Type: multipart/mixed; boundary=\"b\"", "", "--b", "Content-Type: text/plain", "",
                "Here is the scan.", "--b", "Content-Type: application/pdf; name=\"scan.pdf\"",
                "Content-Disposition: attachment; filename=\"scan.pdf\"", "Content-Transfer-Encoding: base64", "",
                payload, "--b--");
        mail.poll();
        JsonNode ticket = api.as(requester).get("/api/tickets/" + onlyTicketOf(requester)).getBody();
        assertThat(ticket.get("messages").get(0).get("body").asText()).contains("Here is the scan.")
                .contains("The attachment scan.pdf").contains("was too big and was not kept");

        // a message above gatehouse.mail.max-message-size is refused as a whole, and kept as it came
        String tooBig = Base64.getMimeEncoder().encodeToString(new byte[2200 * 1024]);
        mail.send(from, "From: " + from, "To: help@acme.example", "Subject: Everything", "Message-ID: <too-big-"
                + requester + "@acme.example>", "", tooBig);
        mail.poll();
        assertThat(api.as("ivy").get("/api/intake/messages?status=REFUSED").getBody())
                .anySatisfy(m -> assertThat(m.get("reason").asText()).startsWith("unreadable e-mail")
                        .contains("accepted"));
        assertThat(api.as(requester).get("/api/tickets").getBody()).hasSize(1);
    }

    @Test
    void anOutsideSenderWaitsForReviewUntilAnExpertTurnsItIntoARequest() throws Exception {
        String outsider = "renee-" + System.nanoTime() + "@globex.example";
        mail.write(outsider, "Invoice 4711", "Our invoice 4711 is still unpaid.");
        mail.write(outsider, "Newsletter", "Unsubscribe here");
        mail.poll();
        JsonNode queue = api.as("finn").get("/api/intake/messages").getBody();
        List<JsonNode> mine = new java.util.ArrayList<>();
        queue.forEach(m -> {
            if (m.get("sender").asText().equals(outsider)) {
                mine.add(m);
            }
        });
        assertThat(mine).hasSize(2).allSatisfy(m -> assertThat(m.get("reason").asText()).contains("outside sender"));
        String invoice = mine.stream().filter(m -> m.get("subject").asText().equals("Invoice 4711")).findFirst()
                .orElseThrow().get("id").asText();
        String newsletter = mine.stream().filter(m -> m.get("subject").asText().equals("Newsletter")).findFirst()
                .orElseThrow().get("id").asText();

        assertThat(api.as("alice").post("/api/intake/messages/" + invoice + "/convert", Map.of()).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        JsonNode converted = api.as("finn").post("/api/intake/messages/" + invoice + "/convert", Map.of()).getBody();
        assertThat(converted.get("status").asText()).isEqualTo("CONVERTED");
        long id = converted.get("ticketId").asLong();
        assertProblem(api.as("finn").post("/api/intake/messages/" + invoice + "/convert", Map.of()), HttpStatus.CONFLICT,
                "status");
        assertThat(api.as("finn").post("/api/intake/messages/" + newsletter + "/dismiss", null).getBody()
                .get("status").asText()).isEqualTo("DISMISSED");

        JsonNode ticket = api.as("finn").get("/api/tickets/" + id).getBody();
        assertThat(ticket.get("team").asText()).isEqualTo("finance");
        assertThat(ticket.get("requester").asText()).isEqualTo(outsider);
        assertThat(ticket.get("history").findValuesAsText("actor")).contains("finn");
        api.as("finn").post("/api/tickets/" + id + "/replies", Map.of("body", "Paid today."));
        deliver(id);
        assertThat(mail.inbox(outsider)).anySatisfy(m -> assertThat(Mailboxes.text(m)).contains("Paid today."));
    }

    /** Cockpit's review queue works with the webapps' session, its CSRF token on every call (README). */
    @Test
    void theReviewQueueIsWorkedFromCockpitWithTheSessionAndItsToken() throws Exception {
        String outsider = "sam-" + System.nanoTime() + "@globex.example";
        mail.write(outsider, "Quote 12", "Please send us a quote for the audit.");
        mail.write(outsider, "Win a prize", "Click here");
        mail.poll();
        var admin = WebappSession.signIn(port, "admin", "cockpit");
        var queue = admin.gatehouse("GET", "/api/intake/messages?status=REVIEW&limit=500", null);
        assertThat(queue.statusCode()).as(queue.body()).isEqualTo(200);
        Map<String, String> waiting = new HashMap<>();
        new ObjectMapper().readTree(queue.body()).forEach(m -> {
            if (m.get("sender").asText().equals(outsider)) {
                waiting.put(m.get("subject").asText(), m.get("id").asText());
            }
        });
        assertThat(waiting).containsOnlyKeys("Quote 12", "Win a prize");
        String quote = "/api/intake/messages/" + waiting.get("Quote 12");
        String prize = "/api/intake/messages/" + waiting.get("Win a prize");

        assertThat(admin.gatehouseWithoutToken("POST", prize + "/dismiss", null).statusCode()).as("without the CSRF token")
                .isEqualTo(403);
        assertThat(WebappSession.signIn(port, "alice", "tasklist").gatehouse("POST", prize + "/dismiss", null).statusCode())
                .as("an employee's session").isEqualTo(403);
        assertThat(WebappSession.signIn(port, "bob", "cockpit").gatehouse("GET", "/api/intake/messages", null).statusCode())
                .as("a workspace admin is no expert").isEqualTo(403);
        var refused = admin.gatehouse("POST", quote + "/convert", "{\"requester\": \"nobody-at-all\"}");
        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(400);
        assertThat(refused.body()).contains("\"field\":\"requester\"");
        assertThat(admin.gatehouse("POST", quote + "/convert", "{}").body()).contains("\"status\":\"CONVERTED\"");
        assertThat(admin.gatehouse("POST", prize + "/dismiss", null).body()).contains("\"status\":\"DISMISSED\"");
        assertThat(api.as("finn").get("/api/intake/messages?status=CONVERTED&limit=500").getBody().findValuesAsText("id"))
                .contains(waiting.get("Quote 12"));
    }
}

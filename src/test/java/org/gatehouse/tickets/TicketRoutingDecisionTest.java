package org.gatehouse.tickets;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * bpmn/ticket-routing.dmn on the DMN engine alone: keywords match whole words (and their plural), so the words that
 * merely contain one route nowhere, and the real keywords still route.
 */
class TicketRoutingDecisionTest {

    private static DmnEngine engine;
    private static DmnDecision routing;

    @BeforeAll
    static void parse() throws IOException {
        engine = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
        try (InputStream in = Files.newInputStream(Path.of("bpmn", "ticket-routing.dmn"))) {
            routing = engine.parseDecision("ticket-routing", in);
        }
    }

    @ParameterizedTest(name = "\"{0}\" goes to {1}")
    @CsvSource(nullValues = "triage", value = {
            // the traps: a keyword inside another word
            "My laptop hasn't started since Monday, it",
            "Sunday shift swap, triage",
            "Agenda for the team day, triage",
            "Standard calendar invites, triage",
            "Question for the accountant, triage",
            "Homesick after the move, triage",
            "Is this paralegal's advice illegal?, triage",
            // the real keywords, alone, in a sentence and in the plural
            "NDA with Initech, legal",
            "Please review the contract, legal",
            "Two contracts to sign, legal",
            "GDPR request from a customer, legal",
            "My payslip is wrong, hr",
            "Sick leave next week, hr",
            "Sickness certificate, hr",
            "Invoices from October, finance",
            "Reimbursement of my train ticket, finance",
            "Purchase order for chairs, finance",
            "VPN does not connect, it",
            "Reset my password please, it",
            "New laptops for the interns, it"})
    void routesByWholeWords(String text, String team) {
        assertThat(route(null, text)).isEqualTo(team);
    }

    @ParameterizedTest(name = "category {0} wins over the words")
    @CsvSource({"hr, hr", "finance, finance", "legal, legal", "it, it"})
    void theRequestersCategoryWins(String category, String team) {
        assertThat(route(category, "my laptop and my payslip and the nda")).isEqualTo(team);
    }

    private static String route(String category, String text) {
        Map<String, Object> facts = new HashMap<>();
        facts.put("category", category);
        facts.put("routingText", text.toLowerCase(Locale.ROOT));
        var result = engine.evaluateDecisionTable(routing, facts);
        return result.isEmpty() ? null : result.getSingleResult().getSingleEntry();
    }
}

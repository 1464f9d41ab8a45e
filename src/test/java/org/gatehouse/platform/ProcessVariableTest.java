package org.gatehouse.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.gatehouse.platform.ProcessVariable.booleanVariable;
import static org.gatehouse.platform.ProcessVariable.dateVariable;
import static org.gatehouse.platform.ProcessVariable.durationVariable;
import static org.gatehouse.platform.ProcessVariable.longVariable;
import static org.gatehouse.platform.ProcessVariable.stringVariable;
import static org.gatehouse.platform.ProcessVariable.timestampVariable;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;

import org.camunda.bpm.engine.impl.pvm.runtime.ExecutionImpl;
import org.junit.jupiter.api.Test;

/**
 * Typed reads and writes of process variables, on the engine's in-memory execution (no engine, no Spring): what forms
 * and clients send reads as the declared type, a bad value is refused naming its variable, and what is written is
 * stored in the type running instances already hold.
 */
class ProcessVariableTest {

    static final ProcessVariable<String> NAME = stringVariable("name");
    static final ProcessVariable<Boolean> APPROVED = booleanVariable("approved");
    static final ProcessVariable<Long> TICKET_ID = longVariable("ticketId");
    static final ProcessVariable<LocalDate> END_DATE = dateVariable("endDate");
    static final ProcessVariable<LocalDateTime> EXPIRES_AT = timestampVariable("expiresAt");
    static final ProcessVariable<Duration> VALID_FOR = durationVariable("validFor");

    final ExecutionImpl execution = new ExecutionImpl();

    @Test
    void anUnsetVariableReadsAsNullAndARequiredOneIsRefusedByName() {
        assertThat(NAME.from(execution)).isNull();
        assertThat(APPROVED.from(execution)).isNull();
        execution.setVariable("approved", null);
        assertThatThrownBy(() -> APPROVED.required(execution)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("approved is required")
                .satisfies(e -> assertThat(((InvalidInputException) e).field()).isEqualTo("approved"));
    }

    @Test
    void textReadsAnyValueAsItsTextAndKeepsBlanks() {
        execution.setVariable("name", 42);
        assertThat(NAME.from(execution)).isEqualTo("42");
        execution.setVariable("name", " ");
        assertThat(NAME.from(execution)).as("the service decides whether a blank is allowed").isEqualTo(" ");
    }

    @Test
    void booleansComeAsBooleansOrAsTheTextTrueOrFalse() {
        execution.setVariable("approved", true);
        assertThat(APPROVED.required(execution)).isTrue();
        execution.setVariable("approved", "false");
        assertThat(APPROVED.required(execution)).isFalse();
        execution.setVariable("approved", "TRUE");
        assertThat(APPROVED.required(execution)).isTrue();
        execution.setVariable("approved", "");
        assertThat(APPROVED.from(execution)).as("an unanswered field").isNull();
        execution.setVariable("approved", "yes");
        assertThatThrownBy(() -> APPROVED.from(execution)).isInstanceOf(InvalidInputException.class)
                .hasMessage("approved must be true or false, not 'yes'");
    }

    @Test
    void datesAreIsoTextsWhoseTimePartIsIgnored() {
        execution.setVariable("endDate", "2027-01-31");
        assertThat(END_DATE.from(execution)).isEqualTo(LocalDate.of(2027, 1, 31));
        execution.setVariable("endDate", "2027-01-31T00:00:00.000Z");
        assertThat(END_DATE.from(execution)).isEqualTo(LocalDate.of(2027, 1, 31));
        execution.setVariable("endDate", "  ");
        assertThat(END_DATE.from(execution)).isNull();
        execution.setVariable("endDate", "31.01.2027");
        assertThatThrownBy(() -> END_DATE.from(execution)).isInstanceOf(InvalidInputException.class)
                .hasMessage("endDate must be a date (yyyy-mm-dd), not '31.01.2027'")
                .satisfies(e -> assertThat(((InvalidInputException) e).field()).isEqualTo("endDate"));

        END_DATE.set(execution, LocalDate.of(2028, 2, 29));
        assertThat(execution.getVariable("endDate")).as("stored as FEEL's date() reads it").isEqualTo("2028-02-29");
    }

    @Test
    void wholeNumbersAreStoredAsLongs() {
        Map<String, Object> variables = new HashMap<>();
        TICKET_ID.putIn(variables, 1042L);
        assertThat(variables.get("ticketId")).isInstanceOf(Long.class).isEqualTo(1042L);
        execution.setVariable("ticketId", 7);
        assertThat(TICKET_ID.from(execution)).isEqualTo(7L);
        execution.setVariable("ticketId", "1042");
        assertThat(TICKET_ID.from(execution)).isEqualTo(1042L);
        execution.setVariable("ticketId", "T-1042");
        assertThatThrownBy(() -> TICKET_ID.from(execution)).isInstanceOf(InvalidInputException.class)
                .hasMessage("ticketId must be a whole number, not 'T-1042'");
    }

    @Test
    void momentsAreStoredAsTheEnginesDatesInUtc() {
        LocalDateTime noon = LocalDateTime.of(2027, 1, 31, 12, 0);
        EXPIRES_AT.set(execution, noon);
        assertThat(execution.getVariable("expiresAt")).isInstanceOf(Date.class)
                .isEqualTo(Date.from(noon.toInstant(java.time.ZoneOffset.UTC)));
        assertThat(EXPIRES_AT.from(execution)).isEqualTo(noon);
        EXPIRES_AT.set(execution, null);
        assertThat(execution.hasVariable("expiresAt")).isTrue();
        assertThat(EXPIRES_AT.from(execution)).isNull();
    }

    @Test
    void aStepsInputIsItsOwnLocalVariableAnIsoDurationThatTheModelMustGive() {
        ExecutionImpl step = (ExecutionImpl) execution.createExecution();
        execution.setVariable("validFor", "P365D");
        assertThatThrownBy(() -> VALID_FOR.input(step)).as("a client's process variable is no input")
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("validFor is required as an input parameter");

        step.setVariableLocal("validFor", " P14D ");
        assertThat(VALID_FOR.input(step)).isEqualTo(Duration.ofDays(14));
        step.setVariableLocal("validFor", "PT12H");
        assertThat(VALID_FOR.input(step)).isEqualTo(Duration.ofHours(12));
        step.setVariableLocal("validFor", "14 days");
        assertThatThrownBy(() -> VALID_FOR.input(step)).isInstanceOf(InvalidInputException.class)
                .hasMessage("validFor must be an ISO-8601 duration in days, hours or minutes (P14D, PT12H), not '14 days'");
        step.setVariableLocal("validFor", "P1M");
        assertThatThrownBy(() -> VALID_FOR.input(step)).as("months have no fixed length").isInstanceOf(InvalidInputException.class);
    }

    @Test
    void startAndCorrelationVariablesKeepNullsAndLocalVariablesStayOnTheirScope() {
        Map<String, Object> variables = new HashMap<>();
        END_DATE.putIn(variables, null);
        assertThat(variables).containsEntry("endDate", null);
        assertThat(Map.ofEntries(END_DATE.entry(LocalDate.of(2027, 1, 31)))).containsEntry("endDate", "2027-01-31");

        ExecutionImpl child = (ExecutionImpl) execution.createExecution();
        NAME.setLocal(child, "local");
        NAME.set(child, "changed");
        assertThat(execution.hasVariable("name")).as("the child's own variable took the write").isFalse();
        assertThat(NAME.from(child)).isEqualTo("changed");
        NAME.remove(child);
        assertThat(NAME.from(child)).isNull();
    }
}

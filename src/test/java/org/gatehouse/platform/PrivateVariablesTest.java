package org.gatehouse.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

/** Which variables and which decision inputs the history keeps without their values. */
class PrivateVariablesTest {

    private static ProcessRules rules(String key, String... names) {
        return new ProcessRules() {
            @Override
            public String processKey() {
                return key;
            }

            @Override
            public Set<String> privateVariables() {
                return Set.of(names);
            }
        };
    }

    private final PrivateVariables privacy = PrivateVariables.of(List.of(rules("ticket", "routingText", "reply"),
            rules("approval", "subject"), rules("ticket", "conversation"), rules("plain")));

    @Test
    void aVariableIsPrivateInTheProcessThatSaysSo() {
        assertThat(privacy.isPrivate("ticket", "routingText")).isTrue();
        assertThat(privacy.isPrivate("ticket", "conversation")).as("two rules of one process add up").isTrue();
        assertThat(privacy.isPrivate("approval", "subject")).isTrue();
        assertThat(privacy.isPrivate("ticket", "subject")).as("another process's name").isFalse();
        assertThat(privacy.isPrivate("plain", "routingText")).isFalse();
        assertThat(privacy.isPrivate("unknown", "reply")).isFalse();
        assertThat(privacy.isPrivate(null, "reply")).as("a variable of no process").isFalse();
    }

    @Test
    void aDecisionInputIsPrivateWhenItsExpressionNamesAPrivateVariable() {
        assertThat(privacy.readBy("routingText")).isTrue();
        assertThat(privacy.readBy("lower case(routingText)")).isTrue();
        assertThat(privacy.readBy("subject + \" \" + details")).as("any process's private name").isTrue();
        assertThat(privacy.readBy("execution.getVariable(\"reply\")")).as("even inside a string").isTrue();
        assertThat(privacy.readBy("category")).isFalse();
        assertThat(privacy.readBy("routingTextLength > 3")).as("a longer name is another name").isFalse();
        assertThat(privacy.readBy("myreply")).isFalse();
        assertThat(privacy.readBy(null)).isFalse();
    }
}

package org.gatehouse.platform;

import static org.assertj.core.api.Assertions.assertThat;

import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.junit.jupiter.api.Test;

/** What a process that asks one person by a link is given by {@link AskedByLinkRules}, without Spring. */
class AskedByLinkRulesTest {

    private final ProcessRules rules = new AskedByLinkRules("asking", "answer", ProcessVariable.stringVariable("askedBy"),
            "starters", "asked", "Yes", "No") {
    };

    @Test
    void theAskerIsKeptOffTheAnswerTaskAndTheLinkMessagesAreItsOwn() {
        assertThat(rules.processKey()).isEqualTo("asking");
        assertThat(rules.fourEyesTasks()).containsOnlyKeys("answer");
        assertThat(rules.messageNames()).containsExactlyInAnyOrder("Yes", "No");
        assertThat(rules.privateVariables()).isEmpty();
    }

    @Test
    void theStartersStartItAndTheAskedOnlyReadItsModel() {
        assertThat(rules.grants()).filteredOn(g -> g.group().equals("starters"))
                .anySatisfy(g -> assertThat(g.permissions()).contains(ProcessDefinitionPermissions.CREATE_INSTANCE));
        assertThat(rules.grants()).filteredOn(g -> g.group().equals("asked")).singleElement().satisfies(g -> {
            assertThat(g.resource()).isEqualTo(Resources.PROCESS_DEFINITION);
            assertThat(g.resourceId()).isEqualTo("asking");
            assertThat(g.permissions()).containsExactly(ProcessDefinitionPermissions.READ);
        });
    }
}

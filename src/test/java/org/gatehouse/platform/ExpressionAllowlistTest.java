package org.gatehouse.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The expressions a deployed model may hold: what Gatehouse's models use, and nothing that reaches further. */
class ExpressionAllowlistTest {

    private final ExpressionAllowlist allowlist = new ExpressionAllowlist(Set.of("accessRequestStatus", "registerApproval"),
            name -> Set.of("identityService", "processEngine", "dataSource").contains(name));

    @ParameterizedTest
    @ValueSource(strings = {
            "P3D", "legal", "${registerApproval}", "${approver}", "${!policyAllowed}", "${ndaStatus == 'VALID'}",
            "${teamGroup != null}", "${a && (b || !c)}", "${empty reason}", "${count >= 3}", "#{approved}",
            "Reminder: the NDA with ${partnerOrganisation} for ${projectName} is waiting.",
            "${accessRequestStatus.set(execution, 'REJECTED', policyReason)}",
            "${accessRequestStatus.set(execution, renewing ? 'CONNECTED' : 'AWAITING_NDA', ndaStatus)}",
            "#{execution.processBusinessKey}",
            "${accessRequestStatus.set(execution, 'ENDED', null)}", "${accessRequestStatus.set(task, 1, true)}",
            "${execution}", "${task}", "${authenticatedUserId}"})
    void allowed(String expression) {
        assertThat(allowlist.refusal(expression)).as(expression).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "${execution.processEngineServices.identityService.createUserQuery().list()}",
            "${execution.getProcessEngineServices()}", "${execution.processEngine}", "${execution.getProcessEngine()}",
            "${execution.getVariable('ndaDeclineReason')}", "${execution.variables}", "${task.execution}",
            "${task.execution.processBusinessKey}", "${execution.processInstanceId}", "${execution.processBusinessKey.bytes}",
            "${other.processBusinessKey}", "${execution['processEngineServices']}",
            "${accessRequestStatus.getClass()}", "${accessRequestStatus.getClass().forName('java.lang.Runtime')}",
            "${accessRequestStatus['set'](execution, 'A', null)}", "${accessRequestStatus.requests}",
            "${accessRequestStatus.set(execution, 'X', execution.getVariable('y'))}",
            "${accessRequestStatus.set(execution, 'X', registerApproval.execute(execution))}",
            "${identityService}", "${identityService.createUserQuery().list()}", "${processEngine}",
            "${dataSource.connection}", "${''.getClass()}", "${someVariable.getClass()}",
            "${someVariable.toString()}", "${currentUser()}", "${fn:now()}", "${count + 1}", "${-count}",
            "text ${ok} then ${execution.processEngine}", "${unclosed", "${a.b.c}"})
    void refused(String expression) {
        assertThat(allowlist.refusal(expression)).as(expression).isPresent();
    }

    @ParameterizedTest
    @ValueSource(strings = {"${execution.processEngineServices}", "${identityService}"})
    void aRefusalSaysWhatIsWrong(String expression) {
        assertThat(allowlist.refusal(expression).orElseThrow())
                .containsAnyOf("execution.processEngineServices", "'identityService' is not a bean of the catalogue");
    }
}

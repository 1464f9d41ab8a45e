package org.gatehouse.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.el.JuelExpressionManager;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.impl.juel.jakarta.el.ELException;
import org.camunda.bpm.impl.juel.jakarta.el.PropertyNotFoundException;
import org.gatehouse.GatehouseTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * At run time, whatever a model says (one deployed before the checks, say): expressions see the catalogue's beans only,
 * and never reach the engine or reflection. Evaluated by the engine's own expression manager.
 */
@GatehouseTest
class GuardedExpressionManagerTest {

    /** A variable's value that offers what an attacker looks for. */
    public record Holder(String processEngine, String processEngineServices) {
    }

    @Autowired ProcessEngine engine;

    @Test
    void catalogueBeansResolveAndNoOtherBeanDoes() {
        assertThat(evaluate("${accessRequestStatus}")).isNotNull();
        assertThat(evaluate("${registerApproval}")).isNotNull();
        for (String other : new String[] {"${identityService}", "${processEngine}", "${dataSource}", "${modelBeans}",
                "${repositoryService}", "${processEngineFactoryBean}"}) {
            assertThatThrownBy(() -> evaluate(other)).as(other).isInstanceOf(PropertyNotFoundException.class);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"${text.class}", "${text.getClass()}", "${text.getClass().forName('java.lang.Runtime')}",
            "${holder.processEngine}", "${holder.processEngineServices}", "${engine.identityService}",
            "${engine.getIdentityService()}", "${runtime.createProcessInstanceQuery().list()}", "${method.name}"})
    void engineAndReflectionTypesAreRefused(String expression) {
        assertThatThrownBy(() -> evaluate(expression)).as(expression).isInstanceOf(ELException.class)
                .hasMessageContaining("may not reach the engine or reflection");
    }

    @Test
    void ordinaryValuesStillWork() {
        assertThat(evaluate("${text.length()}")).isEqualTo(5);
        assertThat(evaluate("${text == 'hello' && !empty text}")).isEqualTo(true);
    }

    private Object evaluate(String expression) {
        var configuration = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
        var manager = (JuelExpressionManager) configuration.getExpressionManager();
        Map<String, Object> variables = new HashMap<>();
        variables.put("text", "hello");
        variables.put("holder", new Holder("engine", "services"));
        variables.put("engine", engine);
        variables.put("runtime", engine.getRuntimeService());
        try {
            variables.put("method", String.class.getMethod("length"));
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException(e);
        }
        var context = manager.createElContext(Variables.fromMap(variables).asVariableContext());
        return manager.createValueExpression(expression).getValue(context);
    }
}

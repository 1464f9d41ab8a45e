package org.gatehouse.platform;

import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.impl.TaskQueryImpl;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cmd.AbstractExecuteFilterCmd;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.camunda.bpm.engine.query.Query;
import org.springframework.stereotype.Component;
import org.springframework.util.ReflectionUtils;

/**
 * Expressions in a task query run code inside the engine. The engine refuses them at the top of an ad-hoc query, but
 * not inside its {@code orQueries}, and a stored filter's expressions (written by admins) make the whole extended
 * query trusted, including what the caller added to it. This interceptor closes both: only admins submit a task
 * query, or a filter extension, that holds an expression anywhere.
 */
@Component
class TaskQueryExpressionGuard extends AbstractProcessEnginePlugin {

    private static final Field EXTENDING_QUERY = extendingQueryField();

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        configuration.setCustomPreCommandInterceptorsTxRequired(
                withGuard(configuration, configuration.getCustomPreCommandInterceptorsTxRequired()));
        configuration.setCustomPreCommandInterceptorsTxRequiresNew(
                withGuard(configuration, configuration.getCustomPreCommandInterceptorsTxRequiresNew()));
    }

    private static List<CommandInterceptor> withGuard(ProcessEngineConfigurationImpl configuration,
            List<CommandInterceptor> interceptors) {
        List<CommandInterceptor> all = interceptors == null ? new ArrayList<>() : new ArrayList<>(interceptors);
        all.add(new Guard(configuration));
        return all;
    }

    static final class Guard extends CommandInterceptor {

        /** Set while a filter runs: its stored query was written by an admin and may hold expressions. */
        private static final ThreadLocal<Boolean> IN_FILTER = ThreadLocal.withInitial(() -> false);

        private final ProcessEngineConfigurationImpl configuration;

        Guard(ProcessEngineConfigurationImpl configuration) {
            this.configuration = configuration;
        }

        @Override
        public <T> T execute(Command<T> command) {
            if (command instanceof AbstractExecuteFilterCmd filter) {
                refuseExpressions((Query<?, ?>) ReflectionUtils.getField(EXTENDING_QUERY, filter));
                boolean outer = !IN_FILTER.get();
                IN_FILTER.set(true);
                try {
                    return next.execute(command);
                } finally {
                    if (outer) {
                        IN_FILTER.remove();
                    }
                }
            }
            if (command instanceof TaskQueryImpl query && !IN_FILTER.get()) {
                refuseExpressions(query);
            }
            return next.execute(command);
        }

        private void refuseExpressions(Query<?, ?> query) {
            if (!(query instanceof TaskQueryImpl taskQuery) || isAdmin()) {
                return;
            }
            boolean expressions = !taskQuery.getExpressions().isEmpty()
                    || taskQuery.getQueries().stream().anyMatch(q -> !q.getExpressions().isEmpty());
            if (expressions) {
                throw new BadUserRequestException("Expressions are forbidden in task queries, orQueries and filter "
                        + "extensions; only admins store them, in filters");
            }
        }

        /** No signed-in user means Gatehouse's own code, which is trusted like an admin. */
        private boolean isAdmin() {
            var authentication = configuration.getIdentityService().getCurrentAuthentication();
            return authentication == null
                    || authentication.getGroupIds() != null && authentication.getGroupIds().contains(Groups.CAMUNDA_ADMIN);
        }
    }

    private static Field extendingQueryField() {
        Field field = ReflectionUtils.findField(AbstractExecuteFilterCmd.class, "extendingQuery");
        if (field == null) {
            throw new IllegalStateException("This Camunda version has no AbstractExecuteFilterCmd.extendingQuery: "
                    + "review TaskQueryExpressionGuard");
        }
        ReflectionUtils.makeAccessible(field);
        return field;
    }
}

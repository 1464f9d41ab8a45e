package org.gatehouse.platform;

import java.lang.reflect.Field;

import org.camunda.bpm.engine.BadUserRequestException;
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

    private static final Field EXTENDING_QUERY =
            CommandGuards.field(AbstractExecuteFilterCmd.class, "extendingQuery", TaskQueryExpressionGuard.class);

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        CommandGuards.beforeEveryCommand(configuration, () -> new Guard(configuration));
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

        /** Gatehouse's own calls are marked as such ({@link TrustedCalls}); a missing user proves nothing. */
        private boolean isAdmin() {
            var authentication = configuration.getIdentityService().getCurrentAuthentication();
            return TrustedCalls.active() || CommandGuards.isAdmin(authentication);
        }
    }

}

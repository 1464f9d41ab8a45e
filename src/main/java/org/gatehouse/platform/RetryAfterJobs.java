package org.gatehouse.platform;

import java.util.Date;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cmd.DefaultJobRetryCmd;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.JobEntity;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;

/**
 * A job that failed on a {@link RetryAfterException} is tried again when the outside service said, not when the
 * retry cycle would: Camunda's own handling of the failure runs first (a retry spent, the exception kept, an incident
 * when none is left), then the job's next try moves to the time asked for. The job executor picks a failed job up
 * once its lock expires, and a due date makes the wait visible in Cockpit and to anyone who lists the due jobs.
 */
@Component
class RetryAfterJobs extends AbstractProcessEnginePlugin {

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        configuration.setFailedJobCommandFactory(RetryAfterCmd::new);
    }

    static final class RetryAfterCmd extends DefaultJobRetryCmd {

        RetryAfterCmd(String jobId, Throwable exception) {
            super(jobId, exception);
        }

        @Override
        public Object execute(CommandContext commandContext) {
            super.execute(commandContext);
            RetryAfterException retryAfter = retryAfter(exception);
            JobEntity job = getJob();
            if (retryAfter != null && job != null && job.getRetries() > 0) {
                Date next = new Date(ClockUtil.getCurrentTime().getTime() + retryAfter.retryAfter().toMillis());
                job.setLockExpirationTime(next);
                job.setDuedate(next);
            }
            return null;
        }

        private static RetryAfterException retryAfter(Throwable failure) {
            for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
                if (cause instanceof RetryAfterException found) {
                    return found;
                }
            }
            return null;
        }
    }
}

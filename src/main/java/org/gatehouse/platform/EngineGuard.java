package org.gatehouse.platform;

import java.lang.reflect.Field;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.AbstractQuery;
import org.camunda.bpm.engine.impl.ProcessInstantiationBuilderImpl;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cmd.AbstractCorrelateMessageCmd;
import org.camunda.bpm.engine.impl.cmd.AbstractModificationCmd;
import org.camunda.bpm.engine.impl.cmd.AbstractPatchVariablesCmd;
import org.camunda.bpm.engine.impl.cmd.AbstractRemoveVariableCmd;
import org.camunda.bpm.engine.impl.cmd.AbstractRestartProcessInstanceCmd;
import org.camunda.bpm.engine.impl.cmd.AbstractSetVariableCmd;
import org.camunda.bpm.engine.impl.cmd.CompleteTaskCmd;
import org.camunda.bpm.engine.impl.cmd.EvaluateStartConditionCmd;
import org.camunda.bpm.engine.impl.cmd.ExecuteJobsCmd;
import org.camunda.bpm.engine.impl.cmd.ExternalTaskCmd;
import org.camunda.bpm.engine.impl.cmd.FetchExternalTasksCmd;
import org.camunda.bpm.engine.impl.cmd.HandleTaskBpmnErrorCmd;
import org.camunda.bpm.engine.impl.cmd.HandleTaskEscalationCmd;
import org.camunda.bpm.engine.impl.cmd.LockExternalTaskCmd;
import org.camunda.bpm.engine.impl.cmd.MessageEventReceivedCmd;
import org.camunda.bpm.engine.impl.cmd.ModifyProcessInstanceAsyncCmd;
import org.camunda.bpm.engine.impl.cmd.ModifyProcessInstanceCmd;
import org.camunda.bpm.engine.impl.cmd.ProcessInstanceModificationBatchCmd;
import org.camunda.bpm.engine.impl.cmd.SetJobDuedateCmd;
import org.camunda.bpm.engine.impl.cmd.SetProcessDefinitionVersionCmd;
import org.camunda.bpm.engine.impl.cmd.SignalCmd;
import org.camunda.bpm.engine.impl.cmd.SignalEventReceivedCmd;
import org.camunda.bpm.engine.impl.cmd.StartProcessInstanceAtActivitiesCmd;
import org.camunda.bpm.engine.impl.cmd.StartProcessInstanceCmd;
import org.camunda.bpm.engine.impl.cmd.SubmitStartFormCmd;
import org.camunda.bpm.engine.impl.cmd.SubmitTaskFormCmd;
import org.camunda.bpm.engine.impl.cmd.batch.CorrelateAllMessageBatchCmd;
import org.camunda.bpm.engine.impl.cmd.batch.variables.SetVariablesToProcessInstancesBatchCmd;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.camunda.bpm.engine.impl.migration.AbstractMigrationCmd;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;
import org.springframework.util.ReflectionUtils;

/**
 * Only Gatehouse's own paths move a request, a ticket or an approval. Camunda lets a right such as
 * {@code CREATE_INSTANCE} start an instance at any activity with a business key of the caller's choosing, and takes
 * the variables of a start or a task completion at face value; this interceptor closes those side doors for everyone
 * but {@code camunda-admin}, whichever way the command comes in (engine REST API, the webapps' API, Java):
 * <ul>
 * <li>a start is plain: at the start event, no skip flags, no business key (Gatehouse's register step sets it), and
 * only the variables its Camunda Form declares;</li>
 * <li>a task completion carries only the variables its form declares;</li>
 * <li>modification, restart, migration (the batch variants too, whose jobs later run with no user), version changes,
 * message correlation, signals, execution triggers, conditional starts, variable updates, BPMN errors and escalations
 * thrown from a task, external tasks, and running a job or moving its due date are refused outright.</li>
 * </ul>
 * Gatehouse's own calls are marked ({@link TrustedCalls}) and pass, with the engine's authorization checks off but the
 * person still named in history; commands nested in an admitted one (delegates, the job executor's work) pass too.
 * "No user" is no longer a pass: the API names its caller to the engine, so an unmarked call without one is refused
 * like any other.
 */
@Component
class EngineGuard extends AbstractProcessEnginePlugin {

    private static final Field START_BUILDER = CommandGuards.field(StartProcessInstanceCmd.class, "instantiationBuilder", EngineGuard.class);
    private static final Field FORM_START_BUSINESS_KEY = CommandGuards.field(SubmitStartFormCmd.class, "businessKey", EngineGuard.class);
    private static final Field FORM_START_DEFINITION = CommandGuards.field(SubmitStartFormCmd.class, "processDefinitionId", EngineGuard.class);
    private static final Field FORM_START_VARIABLES = CommandGuards.field(SubmitStartFormCmd.class, "variables", EngineGuard.class);
    private static final Field COMPLETE_TASK = CommandGuards.field(CompleteTaskCmd.class, "taskId", EngineGuard.class);
    private static final Field COMPLETE_VARIABLES = CommandGuards.field(CompleteTaskCmd.class, "variables", EngineGuard.class);
    private static final Field FORM_TASK = CommandGuards.field(SubmitTaskFormCmd.class, "taskId", EngineGuard.class);
    private static final Field FORM_TASK_VARIABLES = CommandGuards.field(SubmitTaskFormCmd.class, "properties", EngineGuard.class);

    /** Commands that move an instance past its model's order or rewrite its data: admins only. */
    private static final List<Class<?>> ADMIN_ONLY = List.of(
            StartProcessInstanceAtActivitiesCmd.class, AbstractModificationCmd.class, ModifyProcessInstanceCmd.class,
            ModifyProcessInstanceAsyncCmd.class, ProcessInstanceModificationBatchCmd.class,
            AbstractRestartProcessInstanceCmd.class, AbstractMigrationCmd.class, SetProcessDefinitionVersionCmd.class,
            AbstractCorrelateMessageCmd.class, CorrelateAllMessageBatchCmd.class, MessageEventReceivedCmd.class,
            SignalCmd.class, SignalEventReceivedCmd.class, EvaluateStartConditionCmd.class,
            AbstractSetVariableCmd.class, AbstractRemoveVariableCmd.class, AbstractPatchVariablesCmd.class,
            SetVariablesToProcessInstancesBatchCmd.class, ExternalTaskCmd.class, FetchExternalTasksCmd.class,
            LockExternalTaskCmd.class, SetJobDuedateCmd.class, HandleTaskBpmnErrorCmd.class, HandleTaskEscalationCmd.class);

    private final DeclaredFormFields forms;

    EngineGuard(DeclaredFormFields forms) {
        this.forms = forms;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        CommandGuards.beforeEveryCommand(configuration, () -> new Guard(configuration, forms));
        CommandGuards.insideEveryCommand(configuration, new TrustedWithoutAuthorizationChecks(configuration));
    }

    static final class Guard extends CommandGuards.OutsideCommandGuard {

        private final DeclaredFormFields forms;

        Guard(ProcessEngineConfigurationImpl configuration, DeclaredFormFields forms) {
            super(configuration);
            this.forms = forms;
        }

        @Override
        void check(Command<?> command, Authentication authentication) {
            String user = authentication == null ? null : authentication.getUserId();
            if (CommandGuards.isAdmin(authentication)) {
                return;
            }
            if (command instanceof ExecuteJobsCmd) {
                // the job executor runs jobs with no user; a person may not run one ahead of its time
                if (user != null) {
                    throw refused(user, "run a job");
                }
                return;
            }
            for (Class<?> type : ADMIN_ONLY) {
                if (type.isInstance(command)) {
                    throw refused(user, describe(command));
                }
            }
            if (command instanceof StartProcessInstanceCmd start) {
                var builder = (ProcessInstantiationBuilderImpl) ReflectionUtils.getField(START_BUILDER, start);
                var modification = builder.getModificationBuilder();
                if (modification != null && (modification.isSkipCustomListeners() || modification.isSkipIoMappings()
                        || !modification.getModificationOperations().isEmpty())) {
                    throw refused(user, "start a process at an activity or skip its listeners or mappings");
                }
                if (builder.getBusinessKey() != null) {
                    throw refused(user, "choose a business key (Gatehouse sets it)");
                }
                var fields = forms.startFields(builder.getProcessDefinitionId(), builder.getProcessDefinitionKey());
                var kept = answered(user, "start this process", fields, builder.getVariables());
                // the builder's own map: the engine reads it from there
                builder.getVariables().keySet().retainAll(kept.keySet());
            } else if (command instanceof SubmitStartFormCmd start) {
                if (ReflectionUtils.getField(FORM_START_BUSINESS_KEY, start) != null) {
                    throw refused(user, "choose a business key (Gatehouse sets it)");
                }
                var fields = forms.startFields((String) ReflectionUtils.getField(FORM_START_DEFINITION, start), null);
                replace(FORM_START_VARIABLES, start, answered(user, "start this process", fields, variables(FORM_START_VARIABLES, start)));
            } else if (command instanceof CompleteTaskCmd complete) {
                var fields = forms.taskFields((String) ReflectionUtils.getField(COMPLETE_TASK, complete));
                replace(COMPLETE_VARIABLES, complete, answered(user, "complete this task", fields, variables(COMPLETE_VARIABLES, complete)));
            } else if (command instanceof SubmitTaskFormCmd submit) {
                var fields = forms.taskFields((String) ReflectionUtils.getField(FORM_TASK, submit));
                replace(FORM_TASK_VARIABLES, submit, answered(user, "complete this task", fields, variables(FORM_TASK_VARIABLES, submit)));
            }
        }

        /**
         * What a person's start or completion may write: the fields its form lets them answer. Anything undeclared
         * refuses the command; a read-only field's copy is dropped, the process keeps its own value.
         */
        private static VariableMap answered(String user, String action, DeclaredFormFields.Fields fields, Map<String, Object> sent) {
            VariableMap kept = Variables.createVariables();
            if (sent == null) {
                return kept;
            }
            Set<String> undeclared = new TreeSet<>();
            sent.forEach((name, value) -> {
                if (!fields.declares(name)) {
                    undeclared.add(name);
                } else if (fields.editable().contains(name)) {
                    kept.put(name, value);
                }
            });
            if (!undeclared.isEmpty()) {
                throw refused(user, action + " with variables its form does not declare: " + String.join(", ", undeclared));
            }
            return kept;
        }

        @SuppressWarnings("unchecked")
        private static Map<String, Object> variables(Field field, Object command) {
            return (Map<String, Object>) ReflectionUtils.getField(field, command);
        }

        private static void replace(Field field, Object command, VariableMap variables) {
            ReflectionUtils.setField(field, command, variables);
        }

        private static String describe(Command<?> command) {
            String name = command.getClass().getSimpleName().replaceAll("Cmd$", "");
            return name.replaceAll("([a-z])([A-Z])", "$1 $2").toLowerCase(java.util.Locale.ROOT);
        }

        private static AuthorizationException refused(String user, String action) {
            return new AuthorizationException((user == null ? "A call without a signed-in user" : "User '" + user + "'")
                    + " may not " + action + ": only Gatehouse's own paths and camunda-admin may");
        }
    }

    /**
     * Gatehouse's own calls run without the engine's authorization checks (the guard above and Gatehouse's services
     * decide), while the engine still knows who asked. Its queries read as the engine's own code does, with no user:
     * they write nothing to name anyone in, and the result cap meant for people's queries would break its lists.
     */
    static final class TrustedWithoutAuthorizationChecks extends CommandInterceptor {

        private final ProcessEngineConfigurationImpl configuration;

        TrustedWithoutAuthorizationChecks(ProcessEngineConfigurationImpl configuration) {
            this.configuration = configuration;
        }

        @Override
        public <T> T execute(Command<T> command) {
            var context = Context.getCommandContext();
            if (!TrustedCalls.active() || context == null || !context.isAuthorizationCheckEnabled()) {
                return next.execute(command);
            }
            IdentityService identity = configuration.getIdentityService();
            var person = identity.getCurrentAuthentication();
            boolean query = command instanceof AbstractQuery<?, ?> && person != null;
            context.disableAuthorizationCheck();
            if (query) {
                identity.clearAuthentication();
            }
            try {
                return next.execute(command);
            } finally {
                context.enableAuthorizationCheck();
                if (query) {
                    identity.setAuthentication(person);
                }
            }
        }
    }

}

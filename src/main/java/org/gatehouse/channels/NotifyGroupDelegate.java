package org.gatehouse.channels;

import static org.gatehouse.platform.ProcessVariables.string;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Reminders and escalations: the BPMN gives the group and the text as input parameters {@code group} and
 * {@code message}, so process owners word them in the Modeler. Both chase work that waits, so they go out as
 * {@link MessageKind#REMINDER}s.
 */
@Component("notifyGroup")
class NotifyGroupDelegate implements JavaDelegate {

    private final Notifier notifier;

    NotifyGroupDelegate(Notifier notifier) {
        this.notifier = notifier;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String group = string(execution, "group");
        notifier.notifyGroup(group, MessageKind.REMINDER, MessageTemplate.of("group-reminder", execution.getProcessInstanceId())
                .with("group", group).with("message", string(execution, "message"))
                .with("process", execution.getProcessEngineServices().getRepositoryService()
                        .getProcessDefinition(execution.getProcessDefinitionId()).getName()));
    }
}

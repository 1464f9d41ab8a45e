package org.gatehouse.channels;

import static org.gatehouse.platform.ProcessVariable.stringVariable;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.gatehouse.platform.ProcessVariable;
import org.springframework.stereotype.Component;

/**
 * Reminders and escalations: the BPMN gives the group and the text as input parameters {@code group} and
 * {@code message}, so process owners word them in the Modeler. Both chase work that waits, so they go out as
 * {@link MessageKind#REMINDER}s.
 */
@Component("notifyGroup")
class NotifyGroupDelegate implements JavaDelegate {

    // the delegate's input parameters, in any process that names it
    static final ProcessVariable<String> GROUP = stringVariable("group");
    static final ProcessVariable<String> MESSAGE = stringVariable("message");

    private final Notifier notifier;

    NotifyGroupDelegate(Notifier notifier) {
        this.notifier = notifier;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String group = GROUP.from(execution);
        notifier.notifyGroup(group, MessageKind.REMINDER, MessageTemplate.of("group-reminder", execution.getProcessInstanceId())
                .with("group", group).with("message", MESSAGE.from(execution))
                .with("process", execution.getProcessEngineServices().getRepositoryService()
                        .getProcessDefinition(execution.getProcessDefinitionId()).getName()));
    }
}

package org.gatehouse.platform;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.delegate.TaskListener;

/**
 * The rules of a process that asks one person for an answer, given in their own task or through a single-use link (an
 * approval, an expert's invitation): whoever asks never answers, not even as an admin in Tasklist (four eyes on the
 * answer task); the link's messages are Gatehouse's own; one group starts the process, and the group of the people
 * asked opens their task with its form and model. The flow adds what else is its own (its private variables).
 */
public abstract class AskedByLinkRules implements ProcessRules {

    private final String processKey;
    private final String answerTask;
    private final ProcessVariable<String> askedBy;
    private final String starters;
    private final String asked;
    private final Set<String> messageNames;

    protected AskedByLinkRules(String processKey, String answerTask, ProcessVariable<String> askedBy, String starters,
            String asked, String... messageNames) {
        this.processKey = processKey;
        this.answerTask = answerTask;
        this.askedBy = askedBy;
        this.starters = starters;
        this.asked = asked;
        this.messageNames = Set.of(messageNames);
    }

    @Override
    public String processKey() {
        return processKey;
    }

    @Override
    public Map<String, TaskListener> fourEyesTasks() {
        return Map.of(answerTask, FourEyes.keepingOff(askedBy));
    }

    @Override
    public Set<String> messageNames() {
        return messageNames;
    }

    @Override
    public List<Grant> grants() {
        return Stream.concat(Grant.toStart(starters, processKey).stream(),
                Stream.of(Grant.onProcess(asked, processKey, ProcessDefinitionPermissions.READ))).toList();
    }
}

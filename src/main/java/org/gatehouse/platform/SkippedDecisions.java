package org.gatehouse.platform;

import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Deque;
import java.util.HashSet;
import java.util.Set;
import java.util.TreeSet;

import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BoundaryEvent;
import org.camunda.bpm.model.bpmn.instance.BusinessRuleTask;
import org.camunda.bpm.model.bpmn.instance.CallActivity;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.Gateway;
import org.camunda.bpm.model.bpmn.instance.SubProcess;
import org.camunda.bpm.model.bpmn.instance.UserTask;

/**
 * Whether moving a waiting instance to a new version would carry it past a decision it never took: in the new
 * model, a decision (a user task, a business rule, a called process, a gateway) that leads to where the instance waits
 * and that the old model did not have there. An owner who adds an approval before a step must not see running
 * instances land behind it.
 */
public final class SkippedDecisions {

    private SkippedDecisions() {
    }

    /** The decisions of {@code target} before {@code activityId} that {@code source} lacks before it. */
    public static Set<String> before(BpmnModelInstance source, BpmnModelInstance target, String activityId) {
        Set<String> had = decisionsBefore(source, activityId);
        Set<String> skipped = new TreeSet<>(decisionsBefore(target, activityId));
        skipped.removeAll(had);
        return skipped;
    }

    private static Set<String> decisionsBefore(BpmnModelInstance model, String activityId) {
        Set<String> decisions = new HashSet<>();
        if (!(model.getModelElementById(activityId) instanceof FlowNode start)) {
            return decisions;
        }
        Set<FlowNode> seen = new HashSet<>();
        Deque<FlowNode> todo = new ArrayDeque<>(incoming(start));
        while (!todo.isEmpty()) {
            FlowNode node = todo.pop();
            if (!seen.add(node)) {
                continue;
            }
            if (isDecision(node)) {
                decisions.add(node.getId());
            }
            todo.addAll(incoming(node));
        }
        return decisions;
    }

    /** What leads here: the sources of incoming flows, a boundary event's host, a sub-process's own entry. */
    private static Collection<FlowNode> incoming(FlowNode node) {
        Set<FlowNode> sources = new HashSet<>(node.getPreviousNodes().list());
        if (node instanceof BoundaryEvent boundary && boundary.getAttachedTo() != null) {
            sources.add(boundary.getAttachedTo());
        }
        if (node.getParentElement() instanceof SubProcess sub && node.getIncoming().isEmpty()) {
            sources.add(sub);
        }
        return sources;
    }

    private static boolean isDecision(FlowNode node) {
        return node instanceof UserTask || node instanceof BusinessRuleTask || node instanceof CallActivity
                || node instanceof Gateway && node.getOutgoing().size() > 1;
    }
}

package org.gatehouse.platform;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.BoundaryEvent;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.Lane;
import org.camunda.bpm.model.bpmn.instance.Participant;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.SubProcess;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnEdge;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnShape;
import org.camunda.bpm.model.bpmn.instance.dc.Bounds;
import org.camunda.bpm.model.bpmn.instance.di.Waypoint;

/**
 * A diagram as its owners read it in Camunda Modeler: no sequence flow is drawn through a shape other than its own ends
 * (expanded sub-processes, pools and lanes contain flows, they are not crossed), every named flow has its label
 * placed, and no label lies on another. The test suite holds {@code bpmn/} to it and a model bundle is refused
 * without it ({@link ModelBundleCheck}).
 */
public final class DiagramLayout {

    private DiagramLayout() {
    }

    /** Each flow drawn through a shape: "flow crosses shape". */
    public static List<String> crossings(BpmnModelInstance model) {
        List<String> crossings = new ArrayList<>();
        for (BpmnEdge edge : model.getModelElementsByType(BpmnEdge.class)) {
            if (!(edge.getBpmnElement() instanceof SequenceFlow flow)) {
                continue;
            }
            List<Waypoint> points = new ArrayList<>(edge.getWaypoints());
            for (BpmnShape shape : model.getModelElementsByType(BpmnShape.class)) {
                BaseElement element = shape.getBpmnElement();
                if (element == flow.getSource() || element == flow.getTarget() || container(shape)
                        || attachedTo(element, flow)) {
                    continue;
                }
                for (int i = 1; i < points.size(); i++) {
                    if (crosses(points.get(i - 1), points.get(i), shape.getBounds())) {
                        crossings.add(flow.getId() + " crosses " + element.getId());
                        break;
                    }
                }
            }
        }
        return crossings;
    }

    /** Each named flow without label bounds, and each pair of labels lying on each other. */
    public static List<String> labelProblems(BpmnModelInstance model) {
        List<String> problems = new ArrayList<>();
        List<Labelled> labels = new ArrayList<>();
        for (BpmnEdge edge : model.getModelElementsByType(BpmnEdge.class)) {
            String name = edge.getBpmnElement() instanceof SequenceFlow flow ? flow.getName() : null;
            if (name != null && !name.isBlank()) {
                if (edge.getBpmnLabel() == null || edge.getBpmnLabel().getBounds() == null) {
                    problems.add(edge.getBpmnElement().getId() + " (\"" + name + "\") has no label bounds");
                } else {
                    labels.add(new Labelled(edge.getBpmnElement().getId(), edge.getBpmnLabel().getBounds()));
                }
            }
        }
        for (BpmnShape shape : model.getModelElementsByType(BpmnShape.class)) {
            if (shape.getBpmnLabel() != null && shape.getBpmnLabel().getBounds() != null) {
                labels.add(new Labelled(shape.getBpmnElement().getId(), shape.getBpmnLabel().getBounds()));
            }
        }
        for (int i = 0; i < labels.size(); i++) {
            for (int j = i + 1; j < labels.size(); j++) {
                if (overlap(labels.get(i).bounds(), labels.get(j).bounds())) {
                    problems.add("the labels of " + labels.get(i).id() + " and " + labels.get(j).id() + " overlap");
                }
            }
        }
        return problems;
    }

    private record Labelled(String id, Bounds bounds) {
    }

    private static boolean container(BpmnShape shape) {
        BaseElement element = shape.getBpmnElement();
        return element instanceof Participant || element instanceof Lane
                || element instanceof SubProcess && !Boolean.FALSE.equals(shape.isExpanded());
    }

    /** A boundary event sits on its activity's edge: a flow of that activity may touch it, and a flow leaving it the activity. */
    private static boolean attachedTo(BaseElement element, SequenceFlow flow) {
        if (element instanceof BoundaryEvent boundary) {
            FlowNode host = boundary.getAttachedTo();
            return host == flow.getSource() || host == flow.getTarget();
        }
        return flow.getSource() instanceof BoundaryEvent boundary && boundary.getAttachedTo() == element;
    }

    /** Whether the segment passes through the inside of the box (touching its border does not count). */
    private static boolean crosses(Waypoint a, Waypoint b, Bounds box) {
        double x1 = box.getX() + 1;
        double y1 = box.getY() + 1;
        double x2 = box.getX() + box.getWidth() - 1;
        double y2 = box.getY() + box.getHeight() - 1;
        // Liang-Barsky clipping of the segment against the shrunk box
        double dx = b.getX() - a.getX();
        double dy = b.getY() - a.getY();
        double[] p = {-dx, dx, -dy, dy};
        double[] q = {a.getX() - x1, x2 - a.getX(), a.getY() - y1, y2 - a.getY()};
        double enter = 0;
        double leave = 1;
        for (int i = 0; i < 4; i++) {
            if (p[i] == 0) {
                if (q[i] < 0) {
                    return false;
                }
            } else {
                double t = q[i] / p[i];
                if (p[i] < 0) {
                    enter = Math.max(enter, t);
                } else {
                    leave = Math.min(leave, t);
                }
            }
        }
        return enter < leave;
    }

    private static boolean overlap(Bounds a, Bounds b) {
        return a.getX() < b.getX() + b.getWidth() && b.getX() < a.getX() + a.getWidth()
                && a.getY() < b.getY() + b.getHeight() && b.getY() < a.getY() + a.getHeight();
    }
}

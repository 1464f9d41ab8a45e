package org.gatehouse.platform;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BusinessRuleTask;
import org.camunda.bpm.model.bpmn.instance.CallActivity;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.Message;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaInputOutput;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.instance.Decision;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.samskivert.mustache.Mustache;

/**
 * Whether a set of files may be deployed as Gatehouse's models, with every reason it may not, so that a refused bundle
 * is refused whole and its owner fixes everything at once. Runs on every new deployment (the engine REST API, Camunda
 * Modeler, {@code POST /api/models/deployments}, {@code --deploy-models}, the jar's own at start-up) and in the test
 * suite on {@code bpmn/}:
 * <ul>
 * <li>the whole folder, with its version: {@code bundle.properties}, newer than the latest deployed bundle;</li>
 * <li>nothing but models, decisions, Camunda Forms and templates, each within {@link ModelCheck};</li>
 * <li>the contract of {@code bpmn/README.md} ({@link ModelCatalogue}): its processes, decisions, user tasks, messages
 * forms and link pages are all there (a partial deployment, as Modeler's "deploy changed only" makes, lacks them);
 * </li>
 * <li>every Mustache template (message texts, link pages, the house rules) compiles;</li>
 * <li>every form, decision and called process bound to the deployment is in the bundle;</li>
 * <li>each step whose code reads an input parameter from the model ({@link ProcessRules#requiredInputs}) gives it;</li>
 * <li>a Gatehouse process keeps its four-eyes tasks, and a message Gatehouse correlates is declared by its own process
 * only (another model catching it would take Gatehouse's correlations);</li>
 * <li>every diagram reads as {@link DiagramLayout} asks.</li>
 * </ul>
 */
final class ModelBundleCheck {

    static final String HOW_TO_DEPLOY = "deploy the whole bpmn/ folder as one bundle: POST /api/models/deployments with "
            + "every file of the folder, java -jar gatehouse.jar --deploy-models=bpmn/, or in Camunda Modeler \"Deploy\" "
            + "with every other file of the folder attached";
    private static final Set<String> EXTENSIONS = Set.of(".bpmn", ".dmn", ".form", ".mustache");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final ModelCheck modelCheck;
    private final ModelCatalogue catalogue;
    private final Map<String, Set<String>> fourEyesTasks;
    private final Map<String, String> messageOwners;
    private final Map<String, Map<String, Set<String>>> requiredInputs;

    /**
     * @param fourEyesTasks by process key, the user tasks a feature declares four eyes on ({@link ProcessRules})
     * @param messageOwners by message name, the process Gatehouse correlates it into
     * @param requiredInputs by process key and step id, the input parameters the step's code reads from the model
     */
    ModelBundleCheck(Map<String, Map<String, Set<String>>> requiredInputs, ModelCheck modelCheck,
            ModelCatalogue catalogue, Map<String, Set<String>> fourEyesTasks, Map<String, String> messageOwners) {
        this.requiredInputs = requiredInputs;
        this.modelCheck = modelCheck;
        this.catalogue = catalogue;
        this.fourEyesTasks = fourEyesTasks;
        this.messageOwners = messageOwners;
    }

    /** Every reason the files may not be deployed; empty when they may. */
    List<String> refusals(Map<String, byte[]> resources, Optional<String> latestDeployed) {
        List<String> refusals = new ArrayList<>();
        Optional<String> version = ModelBundle.versionOf(resources);
        if (version.isEmpty()) {
            refusals.add(ModelBundle.VERSION_FILE + " with version=<number> is missing: " + HOW_TO_DEPLOY);
        } else if (latestDeployed.isPresent() && ModelBundle.NEWER.compare(version.get(), latestDeployed.get()) <= 0) {
            refusals.add("version " + version.get() + " is not newer than the deployed " + latestDeployed.get()
                    + ": raise version in " + ModelBundle.VERSION_FILE);
        }
        Found found = new Found();
        resources.forEach((name, content) -> read(name, content, found, refusals));
        List<String> lacking = new ArrayList<>();
        lacking(lacking, "processes", catalogue.of("process"), found.processes);
        lacking(lacking, "decisions", catalogue.of("decision"), found.decisions);
        lacking(lacking, "user tasks", catalogue.of("user task"), found.userTasks);
        lacking(lacking, "messages", catalogue.of("message"), found.messages);
        lacking(lacking, "forms", catalogue.of("form"), found.forms);
        lacking(lacking, "pages", catalogue.of("page"), found.pages);
        if (!lacking.isEmpty()) {
            refusals.add("a partial deployment is refused: the bundle lacks what Gatehouse's contract (bpmn/README.md) "
                    + "names, " + String.join("; ", lacking) + "; " + HOW_TO_DEPLOY);
        }
        found.references.forEach(reference -> {
            Set<String> present = switch (reference.kind()) {
                case "form" -> found.forms;
                case "decision" -> found.decisions;
                default -> found.processes;
            };
            if (!present.contains(reference.target())) {
                refusals.add(reference.resource() + ": '" + reference.elementId() + "' is bound to the " + reference.kind()
                        + " '" + reference.target() + "' of its own deployment, which the bundle lacks");
            }
        });
        return refusals;
    }

    private void read(String name, byte[] content, Found found, List<String> refusals) {
        String lower = name.toLowerCase(Locale.ROOT);
        if (name.equals(ModelBundle.VERSION_FILE)) {
            return;
        }
        var checked = modelCheck.check(name, content);
        checked.forEach(refusal -> refusals.add(name + ": " + refusal.getMessage()));
        if (checked.isEmpty() && EXTENSIONS.stream().noneMatch(lower::endsWith)) {
            refusals.add(name + ": not part of a model bundle (BPMN, DMN, Camunda Forms and Mustache templates are)");
        }
        if (!checked.isEmpty() || EXTENSIONS.stream().noneMatch(lower::endsWith)) {
            return;
        }
        try {
            if (lower.endsWith(".bpmn")) {
                readBpmn(name, Bpmn.readModelFromStream(new ByteArrayInputStream(content)), found, refusals);
            } else if (lower.endsWith(".dmn")) {
                Dmn.readModelFromStream(new ByteArrayInputStream(content)).getModelElementsByType(Decision.class)
                        .forEach(decision -> found.decisions.add(decision.getId()));
            } else if (lower.endsWith(".form")) {
                found.forms.add(JSON.readTree(content).path("id").asText());
            } else if (lower.endsWith(".mustache")) {
                Mustache.compiler().compile(new String(content, StandardCharsets.UTF_8));
                if (name.startsWith(LinkPages.FOLDER)) {
                    found.pages.add(name.substring(LinkPages.FOLDER.length(), name.length() - ".mustache".length()));
                }
            }
        } catch (Exception e) {
            refusals.add(name + ": not readable (" + e.getMessage() + ")");
        }
    }

    private void readBpmn(String name, BpmnModelInstance model, Found found, List<String> refusals) {
        var processes = model.getModelElementsByType(org.camunda.bpm.model.bpmn.instance.Process.class);
        for (var process : processes) {
            found.processes.add(process.getId());
            requiredInputs.getOrDefault(process.getId(), Map.of()).forEach((step, inputs) -> inputs.stream()
                    .filter(input -> !hasInput(model, step, input)).forEach(input -> refusals.add(name + ": step '" + step
                            + "' of process '" + process.getId() + "' must give its input parameter '" + input + "'")));
            for (String task : fourEyesTasks.getOrDefault(process.getId(), Set.of())) {
                if (!(model.getModelElementById(task) instanceof UserTask)) {
                    refusals.add(name + ": process '" + process.getId() + "' must keep its four-eyes user task '" + task
                            + "'");
                }
            }
        }
        for (Message message : model.getModelElementsByType(Message.class)) {
            found.messages.add(message.getName());
            String owner = messageOwners.get(message.getName());
            if (owner != null && processes.stream().anyMatch(process -> !owner.equals(process.getId()))) {
                refusals.add(name + ": message '" + message.getName() + "' (" + message.getId() + ") is Gatehouse's, for "
                        + "process '" + owner + "' only");
            }
        }
        for (UserTask task : model.getModelElementsByType(UserTask.class)) {
            found.userTasks.add(task.getId());
            if ("deployment".equals(task.getCamundaFormRefBinding())) {
                found.references.add(new Reference(name, task.getId(), "form", task.getCamundaFormRef()));
            }
        }
        for (StartEvent start : model.getModelElementsByType(StartEvent.class)) {
            if ("deployment".equals(start.getCamundaFormRefBinding())) {
                found.references.add(new Reference(name, start.getId(), "form", start.getCamundaFormRef()));
            }
        }
        for (BusinessRuleTask task : model.getModelElementsByType(BusinessRuleTask.class)) {
            if ("deployment".equals(task.getCamundaDecisionRefBinding())) {
                found.references.add(new Reference(name, task.getId(), "decision", task.getCamundaDecisionRef()));
            }
        }
        for (CallActivity call : model.getModelElementsByType(CallActivity.class)) {
            if ("deployment".equals(call.getCamundaCalledElementBinding())) {
                found.references.add(new Reference(name, call.getId(), "process", call.getCalledElement()));
            }
        }
        DiagramLayout.crossings(model).forEach(problem -> refusals.add(name + ": the diagram draws " + problem));
        DiagramLayout.labelProblems(model).forEach(problem -> refusals.add(name + ": the diagram has " + problem));
    }

    private static boolean hasInput(BpmnModelInstance model, String step, String input) {
        return model.getModelElementById(step) instanceof FlowNode node
                && node.getExtensionElements() != null
                && node.getExtensionElements().getElementsQuery().filterByType(CamundaInputOutput.class).list().stream()
                        .flatMap(io -> io.getCamundaInputParameters().stream())
                        .anyMatch(parameter -> input.equals(parameter.getCamundaName())
                                && parameter.getTextContent() != null && !parameter.getTextContent().isBlank());
    }

    private static void lacking(List<String> lacking, String what, Set<String> contract, Set<String> found) {
        Set<String> missing = new TreeSet<>(contract);
        missing.removeAll(found);
        if (!missing.isEmpty()) {
            lacking.add(what + " " + String.join(", ", missing));
        }
    }

    private record Reference(String resource, String elementId, String kind, String target) {
    }

    private static final class Found {
        final Set<String> processes = new TreeSet<>();
        final Set<String> decisions = new TreeSet<>();
        final Set<String> userTasks = new TreeSet<>();
        final Set<String> messages = new TreeSet<>();
        final Set<String> forms = new TreeSet<>();
        final Set<String> pages = new TreeSet<>();
        final List<Reference> references = new ArrayList<>();
    }
}

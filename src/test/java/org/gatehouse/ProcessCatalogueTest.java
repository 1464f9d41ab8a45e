package org.gatehouse;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.Message;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.gatehouse.access.AccessRequestProcess;
import org.gatehouse.experts.ExpertOnboardingProcess;
import org.gatehouse.platform.AuthorizationSetup;
import org.gatehouse.platform.ModelBeans;
import org.gatehouse.intake.IntakeNoticeProcess;
import org.gatehouse.approvals.ApprovalProcess;
import org.gatehouse.tickets.TicketProcess;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** bpmn/README.md is a public contract: its table and what is deployed must agree, both ways. */
@GatehouseTest
class ProcessCatalogueTest {

    private static final Pattern ROW = Pattern.compile("^\\| ([a-z ]+) \\| `([^`]+)` \\|", Pattern.MULTILINE);

    @Autowired ProcessEngine engine;
    @Autowired ModelBeans modelBeans;

    Map<String, Set<String>> documented;
    Set<BpmnModelInstance> models;

    @BeforeEach
    void read() throws IOException {
        documented = new TreeMap<>();
        Matcher row = ROW.matcher(Files.readString(Path.of("bpmn", "README.md")));
        while (row.find()) {
            documented.computeIfAbsent(row.group(1), k -> new TreeSet<>()).add(row.group(2));
        }
        var repository = engine.getRepositoryService();
        models = repository.createProcessDefinitionQuery().latestVersion().list().stream()
                .map(ProcessDefinition::getId).map(repository::getBpmnModelInstance).collect(Collectors.toSet());
    }

    @Test
    void processesAndDecisionsAreTheDeployedOnes() {
        var repository = engine.getRepositoryService();
        assertThat(documented.get("process")).isEqualTo(keys(repository.createProcessDefinitionQuery().latestVersion().list()
                .stream().map(ProcessDefinition::getKey)));
        assertThat(documented.get("decision")).isEqualTo(keys(repository.createDecisionDefinitionQuery().latestVersion().list()
                .stream().map(d -> d.getKey())));
    }

    @Test
    void userTasksMessagesAndFormsAreTheModelled() {
        assertThat(documented.get("user task")).isEqualTo(keys(models.stream()
                .flatMap(m -> m.getModelElementsByType(UserTask.class).stream()).map(UserTask::getId)));
        assertThat(documented.get("message")).isEqualTo(keys(models.stream()
                .flatMap(m -> m.getModelElementsByType(Message.class).stream()).map(Message::getName)));
        Set<String> formRefs = keys(models.stream().flatMap(m -> java.util.stream.Stream.concat(
                m.getModelElementsByType(UserTask.class).stream().map(UserTask::getCamundaFormRef),
                m.getModelElementsByType(StartEvent.class).stream().map(StartEvent::getCamundaFormRef))
                .filter(java.util.Objects::nonNull)));
        assertThat(documented.get("form")).isEqualTo(formRefs).isEqualTo(deployedFormIds());
    }

    @Test
    void variablesAreTheContractsAndTheForms() throws IllegalAccessException {
        Set<String> known = new TreeSet<>(processVariables());
        known.add("initiator");
        Set<String> formKeys = new TreeSet<>();
        formDefinitions().forEach(form -> form.path("components").findValuesAsText("key").forEach(formKeys::add));
        assertThat(known).containsAll(formKeys);
        assertThat(documented.get("variable")).isEqualTo(known);
    }

    /**
     * The README's Beans table is exactly what models may name, each linked to the class that declares it, and
     * Gatehouse's own models name only those.
     */
    @Test
    void beansAreTheCatalogues() throws IOException, IllegalAccessException {
        String readme = Files.readString(Path.of("bpmn", "README.md"));
        String section = readme.substring(readme.indexOf("\n## Beans\n"));
        section = section.substring(0, section.indexOf("\n## ", 1));
        Set<String> listed = new TreeSet<>();
        Matcher bean = Pattern.compile("^\\| `([a-zA-Z]+)` \\| \\[`[\\w/]+`]\\(\\.\\./([\\w/.]+)\\) \\|", Pattern.MULTILINE)
                .matcher(section);
        while (bean.find()) {
            listed.add(bean.group(1));
            // one hop from the catalogue to the code: the linked file declares the bean
            assertThat(Files.readString(Path.of(bean.group(2)))).as(bean.group(2))
                    .containsPattern("@(Component|Bean)\\(\"" + bean.group(1) + "\"\\)");
        }
        assertThat(listed).isEqualTo(new TreeSet<>(modelBeans.names()));
        Pattern named = Pattern.compile("\\$\\{([a-zA-Z]+)[.}]");
        Set<String> used = new TreeSet<>();
        for (BpmnModelInstance model : models) {
            Matcher use = named.matcher(org.camunda.bpm.model.bpmn.Bpmn.convertToString(model));
            while (use.find()) {
                used.add(use.group(1));
            }
        }
        used.removeAll(processVariables());
        assertThat(listed).containsAll(used);
    }

    @Test
    void groupsAreTheOnesTheEngineKnowsAndTheModelsUse() {
        // team-<slug> stands for the teams experts create, which a task names by the expression ${teamGroup}
        assertThat(documented.get("group")).contains("team-<slug>");
        assertThat(keys(documented.get("group").stream().filter(g -> !g.contains("<"))))
                .isEqualTo(new TreeSet<>(AuthorizationSetup.GROUPS));
        Set<String> candidateGroups = keys(models.stream().flatMap(m -> m.getModelElementsByType(UserTask.class).stream())
                .map(UserTask::getCamundaCandidateGroups).filter(g -> g != null && !g.startsWith("${"))
                .flatMap(g -> Arrays.stream(g.split(","))));
        assertThat(documented.get("group")).containsAll(candidateGroups);
    }

    private Set<String> processVariables() throws IllegalAccessException {
        Set<String> names = new HashSet<>();
        for (Field field : contracts()) {
            boolean constant = Modifier.isStatic(field.getModifiers()) && field.getType() == String.class;
            boolean contractName = field.getName().equals("KEY") || field.getName().endsWith("_DECISION")
                    || field.getName().startsWith("MSG_") || field.getName().startsWith("TASK_");
            if (constant && !contractName) {
                names.add((String) field.get(null));
            }
        }
        return names;
    }

    /** The constants classes of the processes: each names its key, messages, tasks and variables. */
    private static java.util.List<Field> contracts() {
        return java.util.stream.Stream.of(AccessRequestProcess.class, ExpertOnboardingProcess.class,
                        ApprovalProcess.class, TicketProcess.class, IntakeNoticeProcess.class)
                .flatMap(c -> Arrays.stream(c.getFields())).toList();
    }

    private Set<String> deployedFormIds() {
        return keys(formDefinitions().stream().map(f -> f.path("id").asText()));
    }

    private java.util.List<JsonNode> formDefinitions() {
        var repository = engine.getRepositoryService();
        return repository.createDeploymentQuery().list().stream()
                .flatMap(d -> repository.getDeploymentResources(d.getId()).stream()
                        .filter(r -> r.getName().endsWith(".form"))
                        .map(r -> Api.json(new String(r.getBytes(), java.nio.charset.StandardCharsets.UTF_8))))
                .toList();
    }

    private static Set<String> keys(java.util.stream.Stream<String> names) {
        return names.collect(Collectors.toCollection(TreeSet::new));
    }
}

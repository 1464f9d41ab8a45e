package org.gatehouse;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

import com.fasterxml.jackson.databind.JsonNode;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.Message;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.gatehouse.access.AccessRequestProcess;
import org.gatehouse.access.NdaAssuranceProcess;
import org.gatehouse.access.OrganisationReconciliationProcess;
import org.gatehouse.access.PartnerOffboardingProcess;
import org.gatehouse.experts.ExpertOnboardingProcess;
import org.gatehouse.platform.AuthorizationSetup;
import org.gatehouse.platform.ModelBeans;
import org.gatehouse.platform.ProcessVariable;
import org.gatehouse.intake.IntakeNoticeProcess;
import org.gatehouse.approvals.ApprovalProcess;
import org.gatehouse.tickets.TicketProcess;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** bpmn/README.md is a public contract: its table and what is deployed must agree, both ways. */
@GatehouseTest
class ProcessCatalogueTest {

    /** The constants classes of the processes: each names its key, messages, tasks and declares its variables. */
    private static final List<Class<?>> CONTRACTS = List.of(AccessRequestProcess.class, NdaAssuranceProcess.class,
            PartnerOffboardingProcess.class, OrganisationReconciliationProcess.class, ExpertOnboardingProcess.class,
            ApprovalProcess.class, TicketProcess.class, IntakeNoticeProcess.class);

    private static final Pattern ROW = Pattern.compile("^\\| ([a-z ]+) \\| `([^`]+)` \\|", Pattern.MULTILINE);
    private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    @Autowired ProcessEngine engine;
    @Autowired ModelBeans modelBeans;

    Map<String, Set<String>> documented;
    /** The README's rows section by section, under each process's key. */
    Map<String, Map<String, Set<String>>> sections;
    Set<BpmnModelInstance> models;

    @BeforeEach
    void read() throws IOException {
        String readme = Files.readString(Path.of("bpmn", "README.md"));
        documented = rows(readme);
        sections = new TreeMap<>();
        for (String section : readme.split("\n## ")) {
            sections.put(section.substring(0, section.indexOf('\n')).strip(), rows(section));
        }
        var repository = engine.getRepositoryService();
        models = repository.createProcessDefinitionQuery().latestVersion().list().stream()
                .map(ProcessDefinition::getId).map(repository::getBpmnModelInstance).collect(Collectors.toSet());
    }

    private static Map<String, Set<String>> rows(String text) {
        Map<String, Set<String>> rows = new TreeMap<>();
        Matcher row = ROW.matcher(text);
        while (row.find()) {
            rows.computeIfAbsent(row.group(1), k -> new TreeSet<>()).add(row.group(2));
        }
        return rows;
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
        Set<String> formRefs = keys(models.stream().flatMap(m -> Stream.concat(
                m.getModelElementsByType(UserTask.class).stream().map(UserTask::getCamundaFormRef),
                m.getModelElementsByType(StartEvent.class).stream().map(StartEvent::getCamundaFormRef))
                .filter(Objects::nonNull)));
        assertThat(documented.get("form")).isEqualTo(formRefs).isEqualTo(deployedFormIds());
    }

    /** Tasklist sorts and flags work by these: a user task without them would sink to the bottom unseen. */
    @Test
    void everyUserTaskHasADueDateAndAPriority() {
        assertThat(models.stream().flatMap(m -> m.getModelElementsByType(UserTask.class).stream()))
                .isNotEmpty()
                .allSatisfy(task -> assertThat(task.getCamundaDueDate()).as(task.getId() + " due date").isNotBlank())
                .allSatisfy(task -> assertThat(task.getCamundaPriority()).as(task.getId() + " priority").isNotBlank());
    }

    /** Each variable Java reads or writes is declared once, in its process's contract, and documented there. */
    @Test
    void declaredVariablesAreDocumentedInTheirProcessSection() throws ReflectiveOperationException {
        for (Class<?> contract : CONTRACTS) {
            List<String> names = declared(contract).stream().map(ProcessVariable::name).toList();
            assertThat(names).as("%s declares each variable once", contract.getSimpleName()).doesNotHaveDuplicates();
            assertThat(section(key(contract), "variable")).as("the variable rows of ## %s", key(contract))
                    .containsAll(names);
        }
    }

    /**
     * The other way round: a process's variable rows are what Java declares, what its forms ask or show, and what its
     * model names (a decision's result, a condition, a call's mapping): no row is left over when one of them goes.
     */
    @Test
    void documentedVariablesAreDeclaredOrUsedByTheFormsAndModels() throws ReflectiveOperationException {
        for (Class<?> contract : CONTRACTS) {
            String key = key(contract);
            BpmnModelInstance model = model(key);
            Set<String> formKeys = keys(forms(model).flatMap(ProcessCatalogueTest::fields)
                    .map(field -> field.path("key").asText()));
            assertThat(section(key, "variable")).as("the variable rows of ## %s", key).containsAll(formKeys);
            Set<String> used = new TreeSet<>(formKeys);
            used.addAll(modelNames(model));
            declared(contract).forEach(variable -> used.add(variable.name()));
            used.add("initiator");
            assertThat(used).as("what %s's contract, forms and model use", key).containsAll(section(key, "variable"));
        }
    }

    /** What a person answers in a form reads as the type its declaration says (form fields are sent as JSON). */
    @Test
    void formAnswersHaveTheDeclaredTypes() throws ReflectiveOperationException {
        for (Class<?> contract : CONTRACTS) {
            Map<String, Class<?>> types = new TreeMap<>();
            declared(contract).forEach(variable -> types.put(variable.name(), variable.type()));
            forms(model(key(contract))).flatMap(ProcessCatalogueTest::fields).filter(ProcessCatalogueTest::answered)
                    .filter(field -> types.containsKey(field.path("key").asText()))
                    .forEach(field -> assertThat(types.get(field.path("key").asText()))
                            .as("the answer to %s's field %s", contract.getSimpleName(), field.path("key").asText())
                            .isEqualTo(answerType(field)));
        }
    }

    /**
     * A form's text shows what the process holds through Camunda Forms templates ({@code {{ endDate }}}), never a
     * copy of a model's duration in prose, which an edit of the timer would leave behind: a template names a variable
     * of its process, and no text states a number of minutes, hours, days, weeks or months.
     */
    @Test
    void formTextsShowTheProcessValuesAndCopyNoDuration() throws ReflectiveOperationException {
        Pattern template = Pattern.compile("\\{\\{\\s*(.*?)\\s*}}");
        Pattern duration = Pattern.compile("\\b\\d+\\s*(minute|hour|day|week|month|year)s?\\b", Pattern.CASE_INSENSITIVE);
        for (Class<?> contract : CONTRACTS) {
            String key = key(contract);
            forms(model(key)).forEach(form -> texts(form).forEach(text -> {
                String where = form.path("id").asText() + "'s text";
                assertThat(text).as(where).doesNotContainPattern(duration);
                Matcher named = template.matcher(text);
                while (named.find()) {
                    assertThat(section(key, "variable")).as("what %s shows", where).contains(named.group(1));
                }
            }));
        }
    }

    /**
     * The README's Beans table is exactly what models may name, each linked to the class that declares it, and
     * Gatehouse's own models name only those.
     */
    @Test
    void beansAreTheCatalogues() throws IOException {
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
            Matcher use = named.matcher(Bpmn.convertToString(model));
            while (use.find()) {
                used.add(use.group(1));
            }
        }
        used.removeAll(documented.get("variable"));
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

    private static String key(Class<?> contract) throws ReflectiveOperationException {
        return (String) contract.getField("KEY").get(null);
    }

    /** The variables a contract declares: its {@link ProcessVariable} constants. */
    private static List<ProcessVariable<?>> declared(Class<?> contract) throws IllegalAccessException {
        List<ProcessVariable<?>> variables = new ArrayList<>();
        for (Field field : contract.getFields()) {
            if (Modifier.isStatic(field.getModifiers()) && field.getType() == ProcessVariable.class) {
                variables.add((ProcessVariable<?>) field.get(null));
            }
        }
        return variables;
    }

    /** The rows of one kind in the README's section of a process. */
    private Set<String> section(String processKey, String kind) {
        return sections.getOrDefault(processKey, Map.of()).getOrDefault(kind, Set.of());
    }

    private BpmnModelInstance model(String processKey) {
        var repository = engine.getRepositoryService();
        return repository.getBpmnModelInstance(repository.createProcessDefinitionQuery()
                .processDefinitionKey(processKey).latestVersion().singleResult().getId());
    }

    /** The Camunda Forms of a model's start event and user tasks, as deployed. */
    private Stream<JsonNode> forms(BpmnModelInstance model) {
        Set<String> refs = keys(Stream.concat(
                model.getModelElementsByType(UserTask.class).stream().map(UserTask::getCamundaFormRef),
                model.getModelElementsByType(StartEvent.class).stream().map(StartEvent::getCamundaFormRef))
                .filter(Objects::nonNull));
        return formDefinitions().stream().filter(form -> refs.contains(form.path("id").asText()));
    }

    /** A form's keyed fields; groups nest theirs. */
    private static Stream<JsonNode> fields(JsonNode form) {
        return StreamSupport.stream(form.path("components").spliterator(), false).flatMap(component -> Stream.concat(
                component.hasNonNull("key") ? Stream.of(component) : Stream.empty(), fields(component)));
    }

    /** The prose of a form: its text views; groups nest theirs. */
    private static Stream<String> texts(JsonNode form) {
        return StreamSupport.stream(form.path("components").spliterator(), false).flatMap(component -> Stream.concat(
                component.path("type").asText().equals("text") ? Stream.of(component.path("text").asText()) : Stream.empty(),
                texts(component)));
    }

    /** A field a person answers; a read-only one only shows the process's value, in whatever type it has. */
    private static boolean answered(JsonNode field) {
        return !field.path("readonly").asBoolean(false) && !field.path("disabled").asBoolean(false);
    }

    /** The type a field's answer comes in: text, a yes or no, or an ISO date; anything else is not provided for. */
    private static Class<?> answerType(JsonNode field) {
        boolean yesOrNo = field.path("values").path(0).path("value").isBoolean();
        return switch (field.path("type").asText()) {
            case "textfield", "textarea" -> String.class;
            case "checkbox" -> Boolean.class;
            case "radio", "select" -> yesOrNo ? Boolean.class : String.class;
            case "datetime" -> field.path("subtype").asText().equals("date") ? LocalDate.class : Object.class;
            default -> Object.class;
        };
    }

    /**
     * The variables a model names: in its expressions (string literals aside), as a decision's result, in a call
     * activity's mappings.
     */
    private static Set<String> modelNames(BpmnModelInstance model) {
        String xml = Bpmn.convertToString(model).replace("&#39;", "'").replace("&apos;", "'");
        Set<String> names = new TreeSet<>();
        Matcher expression = Pattern.compile("\\$\\{([^}]*)}").matcher(xml);
        while (expression.find()) {
            Matcher name = NAME.matcher(expression.group(1).replaceAll("'[^']*'", ""));
            while (name.find()) {
                names.add(name.group());
            }
        }
        Matcher attribute = Pattern.compile("\\s(?:camunda:)?(?:resultVariable|source|target)=\"([^\"]+)\"")
                .matcher(xml);
        while (attribute.find()) {
            names.add(attribute.group(1));
        }
        return names;
    }

    private Set<String> deployedFormIds() {
        return keys(formDefinitions().stream().map(f -> f.path("id").asText()));
    }

    private List<JsonNode> formDefinitions() {
        var repository = engine.getRepositoryService();
        return repository.createDeploymentQuery().list().stream()
                .flatMap(d -> repository.getDeploymentResources(d.getId()).stream()
                        .filter(r -> r.getName().endsWith(".form"))
                        .map(r -> Api.json(new String(r.getBytes(), java.nio.charset.StandardCharsets.UTF_8))))
                .toList();
    }

    private static Set<String> keys(Stream<String> names) {
        return names.collect(Collectors.toCollection(TreeSet::new));
    }
}

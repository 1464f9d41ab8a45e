package org.gatehouse.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Each kind of code a model could carry is refused with the element named; Gatehouse's own models pass. */
class ModelCheckTest {

    /** The retention's default, gatehouse.history.retention (HistoryRetentionTest holds the models to the setting). */
    private static final int RETENTION = 2557;

    private final ModelCheck check = new ModelCheck(new ExpressionAllowlist(Set.of("notifyGroup", "accessRequestStatus"),
            name -> name.equals("identityService")), RETENTION);

    @Test
    void gatehousesOwnModelsPass() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("bpmn"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".bpmn") || f.toString().endsWith(".dmn")).toList()) {
                var allowlist = new ExpressionAllowlist(catalogueBeans(), name -> false);
                assertThat(new ModelCheck(allowlist, RETENTION, Set.of("organisation-reconciliation"))
                        .check(file.getFileName().toString(), Files.readAllBytes(file)))
                        .as(file.toString()).isEmpty();
            }
        }
    }

    /** The beans of the catalogue (bpmn/README.md, Beans), which ProcessCatalogueTest holds to the code. */
    private static Set<String> catalogueBeans() throws IOException {
        String readme = Files.readString(Path.of("bpmn", "README.md"));
        String section = readme.substring(readme.indexOf("\n## Beans\n"));
        section = section.substring(0, section.indexOf("\n## ", 1));
        Set<String> beans = new TreeSet<>();
        Matcher bean = Pattern.compile("^\\| `([a-zA-Z]+)` \\|", Pattern.MULTILINE).matcher(section);
        while (bean.find()) {
            beans.add(bean.group(1));
        }
        return beans;
    }

    static Stream<Arguments> refusedBpmn() {
        return Stream.of(
                Arguments.of("<scriptTask id='Script_1' scriptFormat='groovy'><script>1</script></scriptTask>", "Script_1",
                        "script tasks"),
                Arguments.of("<serviceTask id='Class_1' camunda:class='com.evil.Task'/>", "Class_1", "class=\"com.evil.Task\""),
                Arguments.of("<serviceTask id='Ext_1' camunda:expression='${notifyGroup}'><extensionElements>"
                        + "<camunda:executionListener class='com.evil.L' event='start'/></extensionElements></serviceTask>",
                        "Ext_1", "class=\"com.evil.L\""),
                Arguments.of("<callActivity id='Call_1' calledElement='x' camunda:variableMappingClass='com.evil.M'/>",
                        "Call_1", "variableMappingClass"),
                Arguments.of("<userTask id='Task_1'><extensionElements><camunda:taskListener event='create'>"
                        + "<camunda:script scriptFormat='javascript'>java.lang.System.exit(1)</camunda:script>"
                        + "</camunda:taskListener></extensionElements></userTask>", "Task_1", "camunda:script"),
                Arguments.of("<serviceTask id='Io_1' camunda:delegateExpression='${notifyGroup}'><extensionElements>"
                        + "<camunda:inputOutput><camunda:inputParameter name='x'><camunda:script scriptFormat='groovy'>"
                        + "1</camunda:script></camunda:inputParameter></camunda:inputOutput></extensionElements>"
                        + "</serviceTask>", "Io_1", "camunda:script"),
                Arguments.of("<serviceTask id='Connector_1'><extensionElements><camunda:connector>"
                        + "<camunda:connectorId>http-connector</camunda:connectorId></camunda:connector>"
                        + "</extensionElements></serviceTask>", "Connector_1", "camunda:connector"),
                Arguments.of("<userTask id='Form_1' camunda:formKey='embedded:deployment:evil.html'/>", "Form_1",
                        "embedded HTML forms"),
                Arguments.of("<sequenceFlow id='Flow_1' sourceRef='a' targetRef='b'><conditionExpression "
                        + "xsi:type='tFormalExpression' language='groovy'>true</conditionExpression></sequenceFlow>",
                        "Flow_1", "script conditions"),
                Arguments.of("<startEvent id='Start_1'><timerEventDefinition><timeCycle>R/PT1M</timeCycle>"
                        + "</timerEventDefinition></startEvent>", "Start_1", "nobody's name"),
                Arguments.of("<serviceTask id='Expr_1' camunda:expression='${execution.processEngineServices}'/>", "Expr_1",
                        "execution.processEngineServices"),
                Arguments.of("<userTask id='Assignee_1' camunda:assignee='${execution.getVariable(\"x\")}'/>", "Assignee_1",
                        "execution.getVariable"),
                Arguments.of("<userTask id='Groups_1' camunda:candidateGroups='${identityService}'/>", "Groups_1",
                        "identityService"),
                Arguments.of("<userTask id='Due_1' camunda:dueDate='${task.execution.processEngine}'/>", "Due_1",
                        "task.execution"),
                Arguments.of("<userTask id='Prio_1' camunda:priority='${count + 1}'/>", "Prio_1", "count + 1"),
                Arguments.of("<userTask id='Multi_1'><multiInstanceLoopCharacteristics camunda:collection="
                        + "'${execution.variables}'><completionCondition>${nrOfCompletedInstances.getClass()}"
                        + "</completionCondition></multiInstanceLoopCharacteristics></userTask>", "Multi_1",
                        "execution.variables"),
                Arguments.of("<intermediateCatchEvent id='Timer_1'><timerEventDefinition><timeDuration>"
                        + "${execution.processEngine}</timeDuration></timerEventDefinition></intermediateCatchEvent>",
                        "Timer_1", "execution.processEngine"),
                Arguments.of("<callActivity id='Call_2' calledElement='${x.y}' camunda:calledElementBinding='latest'>"
                        + "<extensionElements><camunda:in businessKey='${execution.processBusinessKey}'/>"
                        + "</extensionElements></callActivity>", "Call_2", "x.y"),
                Arguments.of("<serviceTask id='Field_1' camunda:delegateExpression='${notifyGroup}'><extensionElements>"
                        + "<camunda:field name='f'><camunda:expression>${execution.processEngine}</camunda:expression>"
                        + "</camunda:field></extensionElements></serviceTask>", "Field_1", "execution.processEngine"),
                Arguments.of("<serviceTask id='Result_1' camunda:expression='${notifyGroup.getClass()}' "
                        + "camunda:resultVariable='x'/>", "Result_1", "getClass"),
                Arguments.of("<userTask id='Listener_1'><extensionElements><camunda:taskListener event='create' "
                        + "expression='${task.execution.processEngineServices}'/></extensionElements></userTask>",
                        "Listener_1", "task.execution"));
    }

    @ParameterizedTest
    @MethodSource
    void refusedBpmn(String element, String id, String reason) {
        var refusals = check.check("evil.bpmn", bpmn(element));
        assertThat(refusals).as(element).isNotEmpty()
                .anySatisfy(r -> assertThat(r.getMessage()).startsWith("'" + id + "'").contains(reason));
    }

    @Test
    void aMessageNameIsAnExpressionToo() {
        String model = "<?xml version='1.0'?><definitions xmlns='" + ModelCheck.BPMN + "' targetNamespace='t'>"
                + "<message id='Message_1' name='${execution.processEngine}'/></definitions>";
        assertThat(check.check("m.bpmn", model.getBytes(StandardCharsets.UTF_8)))
                .extracting(ModelCheck.Refusal::getMainElementId).containsExactly("Message_1");
    }

    @Test
    void anEventSubProcessMayStartOnATimerAndDocumentationIsNotCode() {
        assertThat(check.check("ok.bpmn", bpmn("<subProcess id='Sub_1' triggeredByEvent='true'><startEvent id='S'>"
                + "<timerEventDefinition><timeDuration>P1D</timeDuration></timerEventDefinition></startEvent>"
                + "</subProcess><task id='T'><documentation>${execution.processEngine} is refused</documentation></task>")))
                .isEmpty();
    }

    /** Only the process Gatehouse schedules starts on a timer, and only on a timer: every other stays refused. */
    @Test
    void aProcessGatehouseSchedulesMayStartOnATimerAndNoOtherMay() {
        var scheduling = new ModelCheck(new ExpressionAllowlist(Set.of(), name -> false), RETENTION, Set.of("nightly"));
        String attributes = " isExecutable='true' camunda:historyTimeToLive='" + RETENTION + "'";
        String timer = "<startEvent id='Start_1'><timerEventDefinition><timeCycle>0 0 2 * * ?</timeCycle>"
                + "</timerEventDefinition></startEvent>";
        assertThat(scheduling.check("n.bpmn", process("nightly", attributes, timer))).isEmpty();
        assertThat(scheduling.check("o.bpmn", process("other", attributes, timer))).singleElement()
                .satisfies(r -> assertThat(r.getMessage()).contains("Start_1", "nobody's name"));
        assertThat(scheduling.check("s.bpmn", process("nightly", attributes, "<startEvent id='Start_2'>"
                + "<signalEventDefinition signalRef='x'/></startEvent>"))).singleElement()
                .satisfies(r -> assertThat(r.getMessage()).contains("Start_2", "nobody's name"));
    }

    @Test
    void aDoctypeIsRefused() {
        String model = "<?xml version='1.0'?><!DOCTYPE d [<!ENTITY x SYSTEM 'file:///etc/passwd'>]>"
                + "<definitions xmlns='" + ModelCheck.BPMN + "'>&x;</definitions>";
        assertThat(check.check("x.bpmn", model.getBytes(StandardCharsets.UTF_8))).singleElement()
                .satisfies(r -> assertThat(r.getMessage()).contains("not readable XML"));
    }

    @Test
    void decisionsAreFeelOnly() {
        byte[] juel = dmn("", "<inputExpression id='In_1' typeRef='string' expressionLanguage='juel'><text>${a}</text>"
                + "</inputExpression>", "");
        assertThat(check.check("d.dmn", juel)).singleElement().satisfies(r -> {
            assertThat(r.getMainElementId()).isEqualTo("In_1");
            assertThat(r.getMessage()).contains("expressionLanguage=\"juel\"");
        });
        assertThat(check.check("d.dmn", dmn(" expressionLanguage='groovy'", "<inputExpression id='In_1'><text>a</text>"
                + "</inputExpression>", ""))).extracting(ModelCheck.Refusal::getMainElementId).containsExactly("Definitions_1");
        assertThat(check.check("d.dmn", dmn("", "<inputExpression id='In_1'><text>a</text></inputExpression>",
                "<literalExpression id='Lit_1' expressionLanguage='javascript'><text>1</text></literalExpression>")))
                .extracting(ModelCheck.Refusal::getMainElementId).containsExactly("Lit_1");
        for (String feel : List.of("feel", "FEEL", "https://www.omg.org/spec/DMN/20191111/FEEL/",
                "http://www.omg.org/spec/FEEL/20140401", "http://www.omg.org/spec/DMN/20180521/FEEL/")) {
            assertThat(check.check("d.dmn", dmn(" expressionLanguage='" + feel + "'", "<inputExpression id='In_1' "
                    + "expressionLanguage='" + feel + "'><text>a</text></inputExpression>", ""))).as(feel).isEmpty();
        }
    }

    @Test
    void htmlAndCmmnAreRefusedAndOtherResourcesPass() {
        assertThat(check.check("forms/approve.HTML", new byte[0])).singleElement()
                .satisfies(r -> assertThat(r.getMessage()).contains("embedded HTML forms"));
        assertThat(check.check("case.cmmn", new byte[0])).isNotEmpty();
        assertThat(check.check("forms/approve.form", "{\"components\": []}".getBytes(StandardCharsets.UTF_8))).isEmpty();
        assertThat(check.check("house-rules.mustache", "{{host.name}}".getBytes(StandardCharsets.UTF_8))).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " camunda:historyTimeToLive=''", " camunda:historyTimeToLive='2556'",
            " camunda:historyTimeToLive='P365D'", " camunda:historyTimeToLive='P7Y'", " camunda:historyTimeToLive='${ttl}'",
            " camunda:historyTimeToLive='-1'", " camunda:historyTimeToLive=' 2557 '"})
    void aProcessOrDecisionKeepingHistoryShorterThanTheRetentionOrNotSayingIsRefused(String timeToLive) {
        assertThat(check.check("p.bpmn", process("Process_1", " isExecutable='true'" + timeToLive, "")))
                .singleElement().satisfies(r -> {
                    assertThat(r.getMainElementId()).isEqualTo("Process_1");
                    assertThat(r.getMessage()).contains("camunda:historyTimeToLive", "2557 days", HistoryProperties.RETENTION);
                });
        assertThat(check.check("d.dmn", decision(timeToLive, "<inputExpression id='In_1'><text>a</text></inputExpression>", "")))
                .extracting(ModelCheck.Refusal::getMainElementId).containsExactly("Decision_1");
    }

    @ParameterizedTest
    @ValueSource(strings = {"2557", "P2557D", "3650"})
    void theRetentionOrLongerPasses(String timeToLive) {
        String attribute = " camunda:historyTimeToLive='" + timeToLive + "'";
        assertThat(check.check("p.bpmn", process("Process_1", " isExecutable='true'" + attribute, ""))).isEmpty();
        assertThat(check.check("d.dmn", decision(attribute, "<inputExpression id='In_1'><text>a</text></inputExpression>",
                ""))).isEmpty();
    }

    /** The engine deploys no process that is not executable: a partner's pool, say, keeps no history to shorten. */
    @Test
    void aProcessTheEngineDoesNotRunNeedsNoTimeToLive() {
        assertThat(check.check("p.bpmn", process("Partner_1", "", ""))).isEmpty();
        assertThat(check.check("p.bpmn", process("Partner_1", " isExecutable='false'", ""))).isEmpty();
    }

    private static byte[] bpmn(String elements) {
        return process("evil", " isExecutable='true' camunda:historyTimeToLive='" + RETENTION + "'", elements);
    }

    private static byte[] process(String id, String attributes, String elements) {
        return ("<?xml version='1.0'?><definitions xmlns='" + ModelCheck.BPMN + "' "
                + "xmlns:camunda='http://camunda.org/schema/1.0/bpmn' "
                + "xmlns:xsi='http://www.w3.org/2001/XMLSchema-instance' targetNamespace='t'>"
                + "<process id='" + id + "'" + attributes + ">" + elements + "</process></definitions>")
                .getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] dmn(String definitionsAttributes, String input, String extra) {
        return decision(" camunda:historyTimeToLive='" + RETENTION + "'", definitionsAttributes, input, extra);
    }

    private static byte[] decision(String decisionAttributes, String input, String extra) {
        return decision(decisionAttributes, "", input, extra);
    }

    private static byte[] decision(String decisionAttributes, String definitionsAttributes, String input, String extra) {
        return ("<?xml version='1.0'?><definitions xmlns='https://www.omg.org/spec/DMN/20191111/MODEL/' "
                + "xmlns:camunda='http://camunda.org/schema/1.0/dmn' id='Definitions_1' name='d' namespace='t'"
                + definitionsAttributes + "><decision id='Decision_1' name='d'" + decisionAttributes + ">"
                + "<decisionTable id='Table_1'><input id='Input_1'>" + input + "</input><output id='Out_1' "
                + "typeRef='string'/></decisionTable>" + extra + "</decision></definitions>").getBytes(StandardCharsets.UTF_8);
    }
}

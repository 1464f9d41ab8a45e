package org.gatehouse.platform;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;

import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.Problem;
import org.camunda.bpm.engine.impl.util.ParseUtil;
import org.w3c.dom.Attr;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.SAXException;

/**
 * What a deployment may hold, resource by resource: nothing that runs code in Gatehouse's JVM or in a person's browser.
 * BPMN: no {@code camunda:class} (nor any {@code camunda:…Class}), no script task, script, script condition or
 * connector, no embedded HTML form, no process started by a timer, signal or condition (it would run with nobody's
 * name; the one exception is a timer start of a process Gatehouse itself schedules, {@link ProcessRules#startsOnSchedule}),
 * and every expression, wherever the model holds one (the whole document is walked, so no attribute is
 * forgotten), within the {@link ExpressionAllowlist}. DMN: FEEL only, by default and in every expression. No HTML
 * resources, no CMMN. And no history kept shorter than Gatehouse's retention: every executable process and every
 * decision names its {@code camunda:historyTimeToLive}, at least {@link HistoryProperties#retention()}. Each refusal
 * names the element and the offending text.
 */
final class ModelCheck {

    static final String BPMN = "http://www.omg.org/spec/BPMN/20100524/MODEL";
    private static final Set<String> CAMUNDA = Set.of("http://camunda.org/schema/1.0/bpmn", "http://activiti.org/bpmn");
    private static final String CAMUNDA_DMN = "http://camunda.org/schema/1.0/dmn";
    /** Diagram interchange: shapes and edges, which the engine evaluates nothing of. */
    private static final Set<String> DIAGRAM = Set.of("http://www.omg.org/spec/BPMN/20100524/DI",
            "http://www.omg.org/spec/DD/20100524/DI", "http://www.omg.org/spec/DD/20100524/DC");
    private static final Set<String> NO_EXPRESSIONS_UNDER = Set.of("documentation", "text");
    private static final Set<String> PERSONLESS_STARTS = Set.of("timerEventDefinition", "signalEventDefinition",
            "conditionalEventDefinition");
    private static final Pattern FEEL = Pattern.compile("(?i)feel|https?://www\\.omg\\.org/spec/(feel/\\d+|dmn/\\d+/feel)/?");

    /** One refusal: the element (its id, or its nearest ancestor's) and why. */
    record Refusal(String elementId, String reason) implements Problem {

        @Override
        public String getMessage() {
            return (elementId == null ? "" : "'" + elementId + "': ") + reason;
        }

        @Override
        public int getLine() {
            return 0;
        }

        @Override
        public int getColumn() {
            return 0;
        }

        @Override
        public String getMainElementId() {
            return elementId;
        }

        @Override
        public List<String> getElementIds() {
            return elementId == null ? List.of() : List.of(elementId);
        }
    }

    private final ExpressionAllowlist expressions;
    private final int retentionDays;
    private final Set<String> scheduledProcesses;

    ModelCheck(ExpressionAllowlist expressions, int retentionDays) {
        this(expressions, retentionDays, Set.of());
    }

    /** {@code scheduledProcesses}: the keys of the processes Gatehouse starts on a timer of their own model. */
    ModelCheck(ExpressionAllowlist expressions, int retentionDays, Set<String> scheduledProcesses) {
        this.expressions = expressions;
        this.retentionDays = retentionDays;
        this.scheduledProcesses = Set.copyOf(scheduledProcesses);
    }

    List<Refusal> check(String resourceName, byte[] content) {
        String name = resourceName.toLowerCase(Locale.ROOT);
        if (name.endsWith(".html") || name.endsWith(".htm")) {
            return List.of(new Refusal(null, "embedded HTML forms are refused; use a Camunda Form (.form)"));
        }
        if (name.endsWith(".cmmn") || name.endsWith(".cmmn10.xml") || name.endsWith(".cmmn11.xml")) {
            return List.of(new Refusal(null, "CMMN models are refused"));
        }
        boolean bpmn = name.endsWith(".bpmn") || name.endsWith(".bpmn20.xml");
        boolean dmn = name.endsWith(".dmn") || name.endsWith(".dmn11.xml");
        if (!bpmn && !dmn) {
            return List.of();
        }
        Element root;
        try {
            root = read(content);
        } catch (SAXException | IOException e) {
            return List.of(new Refusal(null, "not readable XML (" + e.getMessage() + ")"));
        }
        List<Refusal> refusals = new ArrayList<>();
        if (bpmn) {
            walkBpmn(root, null, refusals);
        } else {
            walkDmn(root, null, refusals);
        }
        return refusals;
    }

    private void walkBpmn(Element element, String nearestId, List<Refusal> refusals) {
        String id = element.hasAttribute("id") ? element.getAttribute("id") : nearestId;
        String ns = element.getNamespaceURI();
        String tag = element.getLocalName();
        if (BPMN.equals(ns)) {
            if (NO_EXPRESSIONS_UNDER.contains(tag)) {
                return;
            }
            if (tag.equals("process") && Boolean.parseBoolean(element.getAttribute("isExecutable"))) {
                checkTimeToLive(id, element, refusals);
            }
            if (tag.equals("scriptTask")) {
                refusals.add(new Refusal(id, "script tasks are refused"));
            }
            if (tag.equals("conditionExpression") && !element.getAttribute("language").isEmpty()) {
                refusals.add(new Refusal(id, "script conditions (language=\"" + element.getAttribute("language")
                        + "\") are refused"));
            }
            if (tag.equals("startEvent") && isProcess(element.getParentNode()) && hasChild(element, PERSONLESS_STARTS)
                    && !scheduledTimerStart(element)) {
                refusals.add(new Refusal(id, "a process started by a timer, signal or condition runs in nobody's name; "
                        + "it is refused"));
            }
        } else if (isCamunda(ns) && (tag.equals("script") || tag.equals("connector"))) {
            refusals.add(new Refusal(id, "camunda:" + tag + " is refused"));
            return;
        } else if (ns != null && DIAGRAM.contains(ns)) {
            return;
        }
        for (int i = 0; i < element.getAttributes().getLength(); i++) {
            checkBpmnAttribute(id, (Attr) element.getAttributes().item(i), refusals);
        }
        checkExpression(id, ownText(element), refusals);
        for (Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child instanceof Element childElement) {
                walkBpmn(childElement, id, refusals);
            }
        }
    }

    /** Attributes of BPMN and Camunda elements alike: a listener's {@code class} carries no namespace. */
    private void checkBpmnAttribute(String id, Attr attribute, List<Refusal> refusals) {
        String name = attribute.getLocalName();
        String value = attribute.getValue();
        if (name.equals("class") || name.endsWith("Class")) {
            refusals.add(new Refusal(id, name + "=\"" + value + "\" is refused: models name beans of the catalogue "
                    + "(bpmn/README.md, Beans), never Java classes"));
        } else if (name.equals("formKey") && value.trim().startsWith("embedded:")) {
            refusals.add(new Refusal(id, "embedded HTML forms are refused (formKey=\"" + value + "\"); use a Camunda "
                    + "Form (camunda:formRef)"));
        } else if (name.equals("scriptFormat")) {
            refusals.add(new Refusal(id, "scripts are refused (scriptFormat=\"" + value + "\")"));
        } else {
            checkExpression(id, value, refusals);
        }
    }

    private void checkExpression(String id, String text, List<Refusal> refusals) {
        if (text.contains("${") || text.contains("#{")) {
            expressions.refusal(text).ifPresent(why -> refusals.add(new Refusal(id, "expression " + text.trim()
                    + " is refused: " + why)));
        }
    }

    /** DMN: every expressionLanguage, the definitions' default included, is FEEL. */
    private void walkDmn(Element element, String nearestId, List<Refusal> refusals) {
        String id = element.hasAttribute("id") ? element.getAttribute("id") : nearestId;
        String language = element.getAttribute("expressionLanguage");
        if (!language.isEmpty() && !FEEL.matcher(language.trim()).matches()) {
            refusals.add(new Refusal(id, "expressionLanguage=\"" + language + "\" is refused: decisions are FEEL only"));
        }
        if ("decision".equals(element.getLocalName()) && !CAMUNDA_DMN.equals(element.getNamespaceURI())) {
            checkTimeToLive(id, element, refusals);
        }
        for (Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child instanceof Element childElement) {
                walkDmn(childElement, id, refusals);
            }
        }
    }

    /**
     * The engine deletes a process's or decision's history once its time-to-live has passed: a model that kept it
     * shorter than the retention would shorten it for everyone, so it is refused, as is one that names none (the
     * engine's own message about that speaks of its configuration, not of Gatehouse's setting).
     */
    private void checkTimeToLive(String id, Element element, List<Refusal> refusals) {
        String rule = "Gatehouse keeps history " + retentionDays + " days (" + HistoryProperties.RETENTION
                + ") and no model may keep it shorter";
        String value = camundaAttribute(element, "historyTimeToLive");
        if (value == null || value.isBlank()) {
            refusals.add(new Refusal(id, "camunda:historyTimeToLive is missing: " + rule));
            return;
        }
        Integer days;
        try {
            days = ParseUtil.parseHistoryTimeToLive(value);
        } catch (ProcessEngineException notDays) {
            days = null;
        }
        if (days == null || days < retentionDays) {
            refusals.add(new Refusal(id, "camunda:historyTimeToLive=\"" + value + "\" is refused: " + rule));
        }
    }

    /** A Camunda extension attribute, in any of the namespaces the engine reads it from; null if absent. */
    private static String camundaAttribute(Element element, String name) {
        for (int i = 0; i < element.getAttributes().getLength(); i++) {
            Attr attribute = (Attr) element.getAttributes().item(i);
            String ns = attribute.getNamespaceURI();
            if (name.equals(attribute.getLocalName()) && (isCamunda(ns) || CAMUNDA_DMN.equals(ns))) {
                return attribute.getValue();
            }
        }
        return null;
    }

    private static boolean isCamunda(String namespace) {
        return namespace != null && CAMUNDA.contains(namespace);
    }

    /** A timer, and nothing else, starts a process that Gatehouse schedules: a check that decides nothing for anyone. */
    private boolean scheduledTimerStart(Element startEvent) {
        return scheduledProcesses.contains(((Element) startEvent.getParentNode()).getAttribute("id"))
                && hasChild(startEvent, Set.of("timerEventDefinition"))
                && !hasChild(startEvent, Set.of("signalEventDefinition", "conditionalEventDefinition"));
    }

    private static boolean isProcess(Node node) {
        return node instanceof Element parent && BPMN.equals(parent.getNamespaceURI())
                && parent.getLocalName().equals("process");
    }

    private static boolean hasChild(Element element, Set<String> tags) {
        for (Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child instanceof Element e && BPMN.equals(e.getNamespaceURI()) && tags.contains(e.getLocalName())) {
                return true;
            }
        }
        return false;
    }

    /** The element's own text (CDATA included), as the engine reads a timer's, a condition's or a parameter's. */
    private static String ownText(Element element) {
        StringBuilder text = new StringBuilder();
        for (Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child.getNodeType() == Node.TEXT_NODE || child.getNodeType() == Node.CDATA_SECTION_NODE) {
                text.append(child.getNodeValue());
            }
        }
        return text.toString();
    }

    /** Namespace-aware, with no DTD and no external entity: a model is data, never a reference to fetch. */
    private static Element read(byte[] content) throws SAXException, IOException {
        try {
            var factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setXIncludeAware(false);
            factory.setExpandEntityReferences(false);
            return factory.newDocumentBuilder().parse(new ByteArrayInputStream(content)).getDocumentElement();
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("The JDK's XML parser lacks a safe setting", e);
        }
    }
}

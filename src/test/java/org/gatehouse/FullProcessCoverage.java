package org.gatehouse;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import javax.xml.parsers.DocumentBuilderFactory;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.springframework.core.Ordered;
import org.springframework.test.context.TestContext;
import org.springframework.test.context.TestExecutionListener;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * A {@code …ProcessTest} class must take every flow node and sequence flow of each process it starts. Reads the
 * report that camunda-process-test-coverage has just written for the class (its listener runs its after-class step
 * first) and names what was not taken. Other test classes get their report and no verdict.
 */
public class FullProcessCoverage implements TestExecutionListener, Ordered {

    static final Path REPORTS = Path.of("target", "process-test-coverage");

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE - 1;
    }

    @Override
    public void afterTestClass(TestContext context) throws Exception {
        Class<?> testClass = context.getTestClass();
        if (!testClass.getSimpleName().endsWith("ProcessTest")) {
            return;
        }
        Path report = REPORTS.resolve(testClass.getName()).resolve("report.json");
        JsonNode json = new ObjectMapper().readTree(report.toFile());
        Set<String> taken = new TreeSet<>();
        json.path("suites").findValues("events").forEach(events -> events.forEach(
                e -> taken.add(e.path("modelKey").asText() + ":" + e.path("definitionKey").asText())));
        Set<String> used = taken.stream().map(k -> k.substring(0, k.indexOf(':'))).collect(Collectors.toSet());
        Set<String> missing = new TreeSet<>();
        for (JsonNode model : json.path("models")) {
            String key = model.path("key").asText();
            if (used.contains(key)) {
                elements(model.path("xml").asText()).stream().filter(id -> !taken.contains(key + ":" + id))
                        .forEach(id -> missing.add(key + ":" + id));
            }
        }
        if (!missing.isEmpty()) {
            throw new AssertionError(testClass.getSimpleName() + " leaves untaken: " + missing + " (report: " + report + ")");
        }
    }

    private static Set<String> elements(String xml) throws Exception {
        var factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        var document = factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
        Set<String> ids = new TreeSet<>();
        NodeList all = document.getElementsByTagNameNS("http://www.omg.org/spec/BPMN/20100524/MODEL", "*");
        for (int i = 0; i < all.getLength(); i++) {
            Element element = (Element) all.item(i);
            if (isFlowElement(element.getLocalName()) && element.hasAttribute("id")) {
                ids.add(element.getAttribute("id"));
            }
        }
        return ids;
    }

    private static boolean isFlowElement(String name) {
        return name.equals("sequenceFlow") || name.endsWith("Event") || name.endsWith("Task") || name.endsWith("Gateway")
                || name.equals("subProcess") || name.equals("callActivity") || name.equals("task");
    }
}

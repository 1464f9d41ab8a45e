package org.gatehouse.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.Test;

/**
 * Cockpit's audit plugin as the jar serves it: Gatehouse's Cockpit configuration loads it, and the bpmn-js viewer
 * vendored beside it is the one pinned in package.json and the one Cockpit itself bundles, so that the trail's diagram
 * is drawn as Cockpit draws its own. When Camunda moves to another bpmn-js, this says to vendor that one.
 */
class CockpitPluginTest {

    private static final String COCKPIT = "META-INF/resources/webjars/camunda/app/cockpit/";
    private static final String PLUGIN = COCKPIT + "scripts/gatehouse-audit/";

    @Test
    void cockpitsConfigurationLoadsThePlugins() throws IOException {
        Matcher list = Pattern.compile("customScripts:\\s*\\[([^\\]]+)\\]").matcher(read(COCKPIT + "scripts/config.js"));
        assertThat(list.find()).as("config.js lists the plugins").isTrue();
        List<String> scripts = Pattern.compile("'([^']+)'").matcher(list.group(1)).results().map(m -> m.group(1)).toList();
        assertThat(scripts).containsExactly("scripts/gatehouse-audit/plugin", "scripts/gatehouse-organisations/plugin",
                "scripts/gatehouse-admin/plugin");
        for (String script : scripts) {
            assertThat(read(COCKPIT + script + ".js")).contains("export default").contains("cockpit.route")
                    .contains("from '../gatehouse-shared/page.js'");
        }
        assertThat(read(COCKPIT + "scripts/gatehouse-shared/page.js")).contains("export function el")
                .contains("export function showRefusal");
        assertThat(read(COCKPIT + "scripts/gatehouse-shared/page.css")).contains(".gatehouse-field-error");
        assertThat(read(PLUGIN + "plugin.css")).contains(".gatehouse-audit-passed");
        assertThat(read(COCKPIT + "scripts/gatehouse-organisations/plugin.css")).contains(".gatehouse-organisations-chart");
        assertThat(read(COCKPIT + "scripts/gatehouse-admin/plugin.css")).contains(".gatehouse-admin-form");
    }

    @Test
    void theVendoredViewerIsTheBpmnJsCockpitBundlesAndPackageJsonPins() throws IOException {
        String vendored = find("bpmn-viewer v(\\d+\\.\\d+\\.\\d+)", read(PLUGIN + "bpmn-js/bpmn-viewer.production.min.js"));
        String cockpits = find("bpmn-js@(\\d+\\.\\d+\\.\\d+)", read("META-INF/resources/webjars/camunda/lib/deps.js.LICENSE.txt"));
        String pinned = new ObjectMapper().readTree(Files.readString(Path.of("package.json")))
                .path("devDependencies").path("bpmn-js").asText();
        assertThat(vendored).as("the vendored viewer and Cockpit's bpmn-js").isEqualTo(cockpits);
        assertThat(pinned).as("package.json's bpmn-js (npm run vendor:bpmn-js copies it)").isEqualTo(vendored);
        assertThat(read(PLUGIN + "bpmn-js/LICENSE")).as("its licence travels with it").contains("bpmn.io");
    }

    private static String find(String pattern, String text) {
        Matcher matcher = Pattern.compile(pattern).matcher(text);
        assertThat(matcher.find()).as("%s in the text", pattern).isTrue();
        return matcher.group(1);
    }

    private static String read(String resource) throws IOException {
        try (InputStream in = CockpitPluginTest.class.getClassLoader().getResourceAsStream(resource)) {
            assertThat(in).as("%s on the classpath", resource).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}

package org.gatehouse;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModule;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/** The modules as the README draws them, checked against the code without a Spring context. */
class ModularityTest {

    static final ApplicationModules MODULES = ApplicationModules.of(GatehouseApplication.class);

    private static final String PLATFORM = "platform";
    private static final Pattern EDGE = Pattern.compile("^\\s*(\\w+) --> (\\w+)\\s*$", Pattern.MULTILINE);
    private static final Pattern LISTED = Pattern.compile("^- `(\\w+)`: ", Pattern.MULTILINE);

    @Test
    void modulesFormNoCycleAndUseOnlyEachOthersApi() {
        MODULES.verify();
    }

    @Test
    void platformUsesNoFeature() {
        assertThat(uses(module(PLATFORM))).isEmpty();
    }

    @Test
    void theReadmeDiagramIsTheModulesDependencies() throws IOException {
        String readme = Files.readString(Path.of("README.md"));
        String diagram = readme.substring(readme.indexOf("<!-- modules:start -->"), readme.indexOf("<!-- modules:end -->"));
        Set<String> drawn = new TreeSet<>();
        Matcher edge = EDGE.matcher(diagram);
        while (edge.find()) {
            drawn.add(edge.group(1) + " --> " + edge.group(2));
        }
        Set<String> actual = new TreeSet<>();
        MODULES.forEach(module -> uses(module).stream().filter(target -> !target.equals(PLATFORM))
                .forEach(target -> actual.add(module.getName() + " --> " + target)));
        assertThat(drawn).as("edges of the README's module diagram").isEqualTo(actual);

        Set<String> listed = new TreeSet<>();
        Matcher line = LISTED.matcher(readme.substring(readme.indexOf("<!-- modules:end -->")));
        while (line.find()) {
            listed.add(line.group(1));
        }
        assertThat(listed).as("one line per module under the diagram").isEqualTo(names());
    }

    @Test
    void everyModuleSaysWhatItIs() {
        names().forEach(name -> assertThat(Path.of("src/main/java/org/gatehouse", name, "package-info.java"))
                .as("package-info of " + name).isRegularFile());
    }

    /** Modulith's own PlantUML of the modules, under target/, for whoever wants the picture with every arrow. */
    @Test
    void writesTheModuleDiagram() {
        new Documenter(MODULES, Documenter.Options.defaults().withOutputFolder("target/modulith-docs"))
                .writeModulesAsPlantUml();
        assertThat(Path.of("target/modulith-docs/components.puml")).isRegularFile();
    }

    private static Set<String> names() {
        Set<String> names = new TreeSet<>();
        MODULES.forEach(module -> names.add(module.getName()));
        return names;
    }

    private static ApplicationModule module(String name) {
        return MODULES.getModuleByName(name).orElseThrow();
    }

    private static Set<String> uses(ApplicationModule module) {
        Set<String> targets = new TreeSet<>();
        module.getDirectDependencies(MODULES).uniqueModules().forEach(target -> targets.add(target.getName()));
        return targets;
    }
}

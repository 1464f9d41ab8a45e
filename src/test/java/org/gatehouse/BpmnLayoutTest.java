package org.gatehouse;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import org.camunda.bpm.model.bpmn.Bpmn;
import org.gatehouse.platform.DiagramLayout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every diagram of {@code bpmn/} reads as {@link DiagramLayout} asks. Runs without an engine, in milliseconds. */
class BpmnLayoutTest {

    static Stream<Path> models() throws IOException {
        return Files.list(Path.of("bpmn")).filter(p -> p.toString().endsWith(".bpmn")).sorted();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("models")
    void noFlowCrossesAShape(Path file) {
        assertThat(DiagramLayout.crossings(Bpmn.readModelFromFile(file.toFile()))).as(file + ": flows drawn through shapes")
                .isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("models")
    void everyNamedFlowHasItsLabelPlacedAndNoLabelLiesOnAnother(Path file) {
        assertThat(DiagramLayout.labelProblems(Bpmn.readModelFromFile(file.toFile()))).as(file.toString()).isEmpty();
    }
}

package org.gatehouse;

import static org.assertj.core.api.Assertions.assertThat;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.test.assertions.bpmn.AbstractAssertions;
import org.gatehouse.platform.RefusedStepException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Base of the tests that drive a process through its services and the engine (the {@code …ProcessTest} classes), in
 * the shared test context: camunda-bpm-assert bound to the engine, a driver for jobs and timers, and the engine's
 * clock put back after each test.
 */
@GatehouseTest
public abstract class EngineTest {

    @Autowired protected ProcessEngine engine;

    protected ProcessDriver driver;
    protected HistoryService history;
    protected RuntimeService runtime;

    @BeforeEach
    void bindEngine() {
        AbstractAssertions.init(engine);
        driver = new ProcessDriver(engine);
        history = engine.getHistoryService();
        runtime = engine.getRuntimeService();
    }

    @AfterEach
    void putClockBack() {
        ProcessDriver.resetClock();
    }

    /** The domain refused a step out of order (thrown by a delegate as it is, or wrapped by the engine for a listener). */
    protected static void refused(Throwable thrown, String why) {
        assertThat(thrown).hasStackTraceContaining(RefusedStepException.class.getName()).hasStackTraceContaining(why);
    }
}

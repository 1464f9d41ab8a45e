package org.gatehouse;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.TestExecutionListeners;

/**
 * The one Spring test configuration: every test class that carries it shares a single application context (on two
 * cores each extra context costs seconds), with a real HTTP port, the demo data and the test profile (and the
 * production one on PostgreSQL: {@link TestDatabase}), a mail server and Slack's Web API in the test JVM
 * ({@link TestMailServer}, {@link TestSlack}). Every class
 * gets a process coverage report; {@code …ProcessTest} classes must cover their processes fully.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles(resolver = TestDatabase.Profiles.class)
@ContextConfiguration(initializers = {TestDatabase.class, TestMailServer.class, TestSlack.class})
@Import(TestSupport.class)
@TestExecutionListeners(listeners = FullProcessCoverage.class, mergeMode = TestExecutionListeners.MergeMode.MERGE_WITH_DEFAULTS)
public @interface GatehouseTest {
}

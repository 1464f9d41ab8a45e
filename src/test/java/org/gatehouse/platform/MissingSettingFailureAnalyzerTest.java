package org.gatehouse.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

/** The analysis names the variables a failed start-up lacked, and leaves every other failure to Spring Boot. */
class MissingSettingFailureAnalyzerTest {

    private static StandardEnvironment environment(Map<String, Object> profile, Map<String, Object> operator) {
        var environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new MapPropertySource("profile", profile));
        environment.getPropertySources().addFirst(new MapPropertySource("commandLineArgs", operator));
        return environment;
    }

    @Test
    void anUnsetVariableIsNamedWhateverTheFailureLookedLike() {
        var environment = environment(Map.of("spring.datasource.url", "${GATEHOUSE_TEST_UNSET_DB_URL}",
                "gatehouse.links.secret", "${GATEHOUSE_TEST_UNSET_SECRET}",
                "gatehouse.mail.address", "${GATEHOUSE_TEST_UNSET_ADDRESS:}"), Map.of());

        var analysis = new MissingSettingFailureAnalyzer(environment)
                .analyze(new IllegalArgumentException("'url' must start with \"jdbc\""));

        assertThat(analysis.getDescription().lines()).containsExactlyInAnyOrder("Gatehouse needs these settings:",
                "    GATEHOUSE_TEST_UNSET_DB_URL is not set (spring.datasource.url)",
                "    GATEHOUSE_TEST_UNSET_SECRET is not set (gatehouse.links.secret)");
    }

    @Test
    void aSettingTheOperatorGaveDirectlyNeedsNoVariable() {
        var environment = environment(Map.of("spring.datasource.url", "${GATEHOUSE_TEST_UNSET_DB_URL}"),
                Map.of("spring.datasource.url", "jdbc:postgresql://db/gatehouse"));

        assertThat(new MissingSettingFailureAnalyzer(environment).analyze(new IllegalStateException("port in use")))
                .isNull();
    }
}

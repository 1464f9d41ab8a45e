package org.gatehouse.platform;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.core.env.StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME;

import java.io.IOException;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.springframework.core.io.ClassPathResource;

/** The durations that moved into the models stop start-up where an operator still sets them, without Spring. */
class MovedSettingsTest {

    @Test
    void gatehousesOwnConfigurationSetsNoneOfThem() throws IOException {
        var environment = environment(Map.of(), Map.of());
        for (String file : new String[] {"application-postgres.yaml", "application.yaml"}) {
            new YamlPropertySourceLoader().load(file, new ClassPathResource(file))
                    .forEach(environment.getPropertySources()::addLast);
        }
        assertThatCode(() -> new MovedSettings().postProcessEnvironment(environment, new SpringApplication()))
                .doesNotThrowAnyException();
    }

    @Test
    void anOperatorWhoStillSetsOneIsToldWhereItWent() {
        assertThatThrownBy(() -> new MovedSettings().postProcessEnvironment(environment(
                Map.of("GATEHOUSE_TICKETS_AUTOCLOSEAFTER", "P10D"), Map.of("gatehouse.approvals.max-validity", "P60D")),
                new SpringApplication()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("gatehouse.tickets.auto-close-after is now the timer 'Reopen window over' in "
                        + "bpmn/ticket-lifecycle.bpmn")
                .hasMessageContaining("gatehouse.approvals.max-validity is now the input parameter maxDueIn")
                .hasMessageNotContaining("gatehouse.access.invitation-validity");
    }

    private static StandardEnvironment environment(Map<String, Object> variables, Map<String, Object> commandLine) {
        var environment = new StandardEnvironment();
        environment.getPropertySources().replace(SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
                new SystemEnvironmentPropertySource(SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, variables));
        environment.getPropertySources().addFirst(new MapPropertySource("commandLineArgs", commandLine));
        ConfigurationPropertySources.attach(environment);
        return environment;
    }
}

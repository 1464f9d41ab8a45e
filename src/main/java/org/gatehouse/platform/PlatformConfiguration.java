package org.gatehouse.platform;

import java.time.Clock;
import java.util.Arrays;
import java.util.stream.Stream;

import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** The clock everyone reads, the order of start-up, and scheduling (the mailbox is polled). */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class PlatformConfiguration {

    static final String ENGINE = "processEngineFactoryBean";
    static final String FLYWAY = "flywayInitializer";

    @Bean
    Clock clock() {
        return EngineClock.utc();
    }

    /**
     * Gatehouse's tables are migrated before the engine starts: Flyway refuses a schema the engine has already filled,
     * and the engine's first jobs may touch Gatehouse's tables.
     */
    @Bean
    static BeanFactoryPostProcessor engineStartsAfterFlyway() {
        return beanFactory -> {
            if (beanFactory.containsBeanDefinition(ENGINE) && beanFactory.containsBeanDefinition(FLYWAY)) {
                var engine = beanFactory.getBeanDefinition(ENGINE);
                String[] dependsOn = engine.getDependsOn() == null ? new String[0] : engine.getDependsOn();
                engine.setDependsOn(Stream.concat(Arrays.stream(dependsOn), Stream.of(FLYWAY)).toArray(String[]::new));
            }
        };
    }
}

package org.gatehouse;

import org.camunda.community.process_test_coverage.spring_test.common.ProcessEngineCoverageProperties;
import org.gatehouse.channels.LocalChannelGateway;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

@TestConfiguration(proxyBeanMethods = false)
class TestSupport {

    @Bean
    @Primary
    FlakyChannelGateway flakyChannelGateway(LocalChannelGateway local) {
        return new FlakyChannelGateway(local);
    }

    /** Process test classes (…ProcessTest) must take every flow of the processes they start; the report shows it. */
    @Bean
    ProcessEngineCoverageProperties processEngineCoverageProperties() {
        return ProcessEngineCoverageProperties.Companion.builder()
                .addInclusionPatternForTestClasses("*ProcessTest")
                .assertClassCoverageAtLeast(1.0)
                .build();
    }
}

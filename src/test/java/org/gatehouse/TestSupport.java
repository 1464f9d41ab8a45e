package org.gatehouse;

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
}

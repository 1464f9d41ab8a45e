package org.gatehouse.legal;

import org.gatehouse.platform.WebappSessionRoutes;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The NDA register in Cockpit, beside the other admin views: its plugin (README, "Where admins look") lists it and
 * puts an NDA on file with the webapps' session. Who may is still the controller's to say.
 */
@Configuration(proxyBeanMethods = false)
class NdaRegisterInCockpit {

    @Bean
    WebappSessionRoutes ndaRoutesForCockpit() {
        return new WebappSessionRoutes("/api/ndas");
    }
}

package org.gatehouse.channels;

import org.gatehouse.platform.WebappSessionRoutes;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Admins read and change the sharing policy, and read its versions, in Cockpit beside the other admin views: its
 * plugin (README, "Where admins look") calls these routes with the webapps' session. Who may is still the
 * controller's to say.
 */
@Configuration(proxyBeanMethods = false)
class SharingPolicyInCockpit {

    @Bean
    WebappSessionRoutes sharingPolicyRoutesForCockpit() {
        return new WebappSessionRoutes("/api/sharing-policy", "/api/sharing-policy/versions");
    }
}

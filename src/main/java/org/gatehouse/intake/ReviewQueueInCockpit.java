package org.gatehouse.intake;

import org.gatehouse.platform.WebappSessionRoutes;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The review queue of C10 in Cockpit, beside the other admin views: its plugin (README, "Where admins look") lists
 * the messages waiting and converts or dismisses them with the webapps' session. Who may is still the service's to
 * say (experts and admins).
 */
@Configuration(proxyBeanMethods = false)
class ReviewQueueInCockpit {

    @Bean
    WebappSessionRoutes reviewQueueRoutesForCockpit() {
        return new WebappSessionRoutes("/api/intake/messages", "/api/intake/messages/*/convert",
                "/api/intake/messages/*/dismiss");
    }
}

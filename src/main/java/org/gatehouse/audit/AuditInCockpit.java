package org.gatehouse.audit;

import org.gatehouse.platform.WebappSessionRoutes;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Auditors read the trail in Cockpit, where they already sign in: its plugin (README, "Where auditors look") calls
 * this module's routes with the webapps' session, beside HTTP Basic. Who may read is still the controller's to say.
 */
@Configuration(proxyBeanMethods = false)
class AuditInCockpit {

    @Bean
    WebappSessionRoutes auditRoutesForCockpit() {
        return new WebappSessionRoutes(AuditReads.SEARCH, AuditReads.SEARCH + "/**");
    }
}

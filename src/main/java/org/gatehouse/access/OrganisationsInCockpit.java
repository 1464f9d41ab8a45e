package org.gatehouse.access;

import org.gatehouse.platform.WebappSessionRoutes;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Admins see the outside organisations in Cockpit, beside the auditors' view, and start ending a partnership there:
 * its plugin (README, "Where admins look") calls these routes with the webapps' session. Who may is still the
 * controllers' to say.
 */
@Configuration(proxyBeanMethods = false)
class OrganisationsInCockpit {

    @Bean
    WebappSessionRoutes organisationRoutesForCockpit() {
        return new WebappSessionRoutes("/api/organisations/sharing", "/api/organisations/*/sharing",
                "/api/partners/*/disconnect", "/api/partners/*/offboardings/*",
                "/api/partners/*/offboardings/*/cancel");
    }
}

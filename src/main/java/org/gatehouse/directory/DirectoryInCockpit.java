package org.gatehouse.directory;

import org.gatehouse.platform.WebappSessionRoutes;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The directory in Cockpit, beside the other admin views: its plugin (README, "Where admins look") reads the imports
 * and their reports, searches people, and changes their status and roles with the webapps' session. An import itself
 * is still sent with HTTP Basic (a file, from a script or the command line). Who may is still the controller's to say.
 */
@Configuration(proxyBeanMethods = false)
class DirectoryInCockpit {

    @Bean
    WebappSessionRoutes directoryRoutesForCockpit() {
        return new WebappSessionRoutes("GET /api/directory/imports", "/api/directory/imports/*", "/api/directory/people",
                "/api/directory/people/*/activate", "/api/directory/people/*/deactivate",
                "/api/directory/people/*/roles/*");
    }
}

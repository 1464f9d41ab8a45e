package org.gatehouse.platform;

import java.util.List;
import java.util.Set;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Before any change of this run (the demo data's come at order 2), records every configuration that has no version
 * as it stands, by {@value #ACTOR}: how it stood when versions began. Once each has one, a start records nothing.
 */
@Component
@Order(1)
class ConfigurationBaseline implements ApplicationRunner {

    static final String ACTOR = "gatehouse";

    private final ConfigurationVersions versions;
    private final List<VersionedConfiguration> features;

    ConfigurationBaseline(ConfigurationVersions versions, List<VersionedConfiguration> features) {
        this.versions = versions;
        this.features = features;
    }

    @Override
    public void run(ApplicationArguments args) {
        features.forEach(feature -> feature.configuration().forEach((kind, subjects) -> {
            Set<String> versioned = versions.subjects(kind);
            subjects.forEach((subject, content) -> {
                if (!versioned.contains(subject)) {
                    versions.recordFirst(kind, subject, ACTOR, content);
                }
            });
        }));
    }
}

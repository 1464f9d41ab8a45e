package org.gatehouse.platform;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.boot.context.properties.source.ConfigurationPropertySource;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.PropertySource;

/**
 * The links' settings under their old names ({@link LinkSettings.Names}: {@code gatehouse.access.invitation-secret} and
 * the like): an old name stands for the new one in the source that sets it, so the most specific source wins (the
 * command line over the environment over a file beside the jar over a profile's file), as for any setting, and within
 * one source the new name wins. The old names were separate settings once: where an operator gave two of them, or one
 * and the profile's variable, different values, one flow's links would silently stop working (or point elsewhere), so
 * start-up stops and names them instead.
 * Registered in {@code META-INF/spring.factories}, after the configuration files are read.
 */
class LinkSettingAliases implements EnvironmentPostProcessor, Ordered {

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        for (LinkSettings.Names names : List.of(LinkSettings.SECRET, LinkSettings.PUBLIC_BASE_URL)) {
            requireOneValue(environment, names);
            alias(environment, names.name(), names.oldNames());
        }
    }

    /** Before {@link InstallationSecrets}, which then finds the secret an old name gives. */
    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE - 1;
    }

    private static void alias(ConfigurableEnvironment environment, String name, List<String> oldNames) {
        for (ConfigurationPropertySource source : ConfigurationPropertySources.get(environment)) {
            if (source.getConfigurationProperty(ConfigurationPropertyName.of(name)) != null) {
                return;
            }
            for (String oldName : oldNames) {
                if (source.getConfigurationProperty(ConfigurationPropertyName.of(oldName)) != null) {
                    // a placeholder rather than the value: what fails to resolve is reported under the operator's name
                    PropertySource<?> underlying = (PropertySource<?>) source.getUnderlyingSource();
                    environment.getPropertySources().addBefore(underlying.getName(), new MapPropertySource(
                            name + " as " + oldName, Map.of(name, "${" + oldName + "}")));
                    return;
                }
            }
        }
    }

    /** The old names and the profile's variable, where set, agree; the configuration files' defaults do not count. */
    private static void requireOneValue(ConfigurableEnvironment environment, LinkSettings.Names names) {
        Map<String, String> values = new LinkedHashMap<>();
        for (String oldName : Stream.concat(names.oldNames().stream(), Stream.of(names.variable())).toList()) {
            try {
                Optional.ofNullable(environment.getProperty(oldName)).ifPresent(value -> values.put(oldName, value));
            } catch (IllegalArgumentException unresolvable) {
                // a variable nobody set: the binding of the settings names it
            }
        }
        if (values.values().stream().distinct().count() > 1) {
            throw new IllegalStateException(String.join(" and ", values.keySet()) + " differ: all links now share one "
                    + "setting, " + names.name() + ". Set that one, or give the old names one value.");
        }
    }
}

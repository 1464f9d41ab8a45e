package org.gatehouse.platform;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.boot.context.properties.bind.DataObjectPropertyName;
import org.springframework.boot.context.properties.bind.validation.BindValidationException;
import org.springframework.boot.context.properties.bind.validation.ValidationErrors;
import org.springframework.boot.context.properties.source.ConfigurationProperty;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.boot.context.properties.source.ConfigurationPropertySource;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalyzer;
import org.springframework.boot.origin.Origin;
import org.springframework.boot.origin.PropertySourceOrigin;
import org.springframework.boot.origin.SystemEnvironmentOrigin;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.EnumerablePropertySource;
import org.springframework.core.env.Environment;
import org.springframework.core.env.PropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.util.PlaceholderResolutionException;
import org.springframework.validation.FieldError;
import org.springframework.validation.ObjectError;

/**
 * A setting an operator left out, or set wrong, stops start-up with one line per setting that names the environment
 * variable to set (the one the profile's {@code ${…}} names), instead of a placeholder's stack trace or Spring Boot's
 * multi-line report. Registered in {@code META-INF/spring.factories}; ahead of Spring Boot's own analyzers.
 */
class MissingSettingFailureAnalyzer implements FailureAnalyzer, Ordered {

    private static final Pattern PLACEHOLDER = Pattern.compile("^\\$\\{([^:}]+)");
    private static final Set<String> OPERATOR_SOURCES = Set.of(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
            StandardEnvironment.SYSTEM_PROPERTIES_PROPERTY_SOURCE_NAME);

    private final ConfigurableEnvironment environment;

    MissingSettingFailureAnalyzer(Environment environment) {
        this.environment = (ConfigurableEnvironment) environment;
    }

    @Override
    public FailureAnalysis analyze(Throwable failure) {
        Map<String, String> unset = unsetVariables();
        PlaceholderResolutionException unresolved = cause(failure, PlaceholderResolutionException.class);
        if (unresolved != null) {
            // a placeholder outside the property sources: an annotation's, say
            unset.putIfAbsent(unresolved.getPlaceholder(), null);
        }
        List<String> lines = new ArrayList<>();
        unset.forEach((variable, property) -> lines.add(variable + " is not set"
                + (property == null ? "" : " (" + property + ")")));
        BindValidationException invalid = cause(failure, BindValidationException.class);
        if (invalid != null) {
            ValidationErrors errors = invalid.getValidationErrors();
            errors.getAllErrors().forEach(error -> lines.add(line(errors.getName(), error)));
        }
        return lines.isEmpty() ? null : new FailureAnalysis("Gatehouse needs these settings:" + System.lineSeparator()
                + "    " + String.join(System.lineSeparator() + "    ", lines),
                "Set each environment variable named above (README, \"Set-ups\").", failure);
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }

    /** {@code VARIABLE (property): reason}; the property alone where no environment variable feeds it. */
    private String line(ConfigurationPropertyName target, ObjectError error) {
        if (!(error instanceof FieldError field)) {
            return target + ": " + error.getDefaultMessage();
        }
        String property = target.append(DataObjectPropertyName.toDashedForm(field.getField())).toString();
        String variable = variableFeeding(property);
        return (variable == null ? property : variable + " (" + property + ")") + ": " + error.getDefaultMessage();
    }

    /**
     * The environment variable the property's value comes from: named by its placeholder, or the variable itself; for
     * a property that stands for another ({@link LinkSettingAliases}), what feeds that one, or its name.
     */
    private String variableFeeding(String property) {
        for (ConfigurationPropertySource source : ConfigurationPropertySources.get(environment)) {
            ConfigurationProperty found = source.getConfigurationProperty(ConfigurationPropertyName.of(property));
            if (found != null) {
                // Spring Boot wraps the variable's own origin in its property source's
                Origin origin = found.getOrigin() instanceof PropertySourceOrigin wrapped ? wrapped.getOrigin()
                        : found.getOrigin();
                if (origin instanceof SystemEnvironmentOrigin variable) {
                    return variable.getProperty();
                }
                Matcher placeholder = PLACEHOLDER.matcher(String.valueOf(found.getValue()));
                if (!placeholder.find()) {
                    return null;
                }
                String named = placeholder.group(1);
                return ConfigurationPropertyName.isValid(named) ? Objects.requireNonNullElse(variableFeeding(named), named)
                        : named;
            }
        }
        return null;
    }

    /**
     * Each variable that a setting's {@code ${…}} names, with no default, and that nobody set; with the first such
     * setting. Whatever the failure looked like: the binder leaves such a placeholder in place, so a missing
     * {@code GATEHOUSE_DB_URL} surfaces as a data source refusing the URL {@code ${GATEHOUSE_DB_URL}}.
     */
    private Map<String, String> unsetVariables() {
        Map<String, String> unset = new LinkedHashMap<>();
        for (PropertySource<?> source : environment.getPropertySources()) {
            // the environment and system properties are the operator's values, not settings that name variables
            if (source instanceof EnumerablePropertySource<?> properties && !OPERATOR_SOURCES.contains(source.getName())
                    && !ConfigurationPropertySources.isAttachedConfigurationPropertySource(source)) {
                for (String name : properties.getPropertyNames()) {
                    if (String.valueOf(properties.getProperty(name)).contains("${")) {
                        try {
                            // resolves the value that wins, from whichever source
                            environment.getProperty(name);
                        } catch (PlaceholderResolutionException e) {
                            unset.putIfAbsent(e.getPlaceholder(), name);
                        }
                    }
                }
            }
        }
        return unset;
    }

    private static <T extends Throwable> T cause(Throwable failure, Class<T> type) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (type.isInstance(cause)) {
                return type.cast(cause);
            }
        }
        return null;
    }
}

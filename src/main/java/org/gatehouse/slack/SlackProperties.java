package org.gatehouse.slack;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.core.env.Environment;
import org.springframework.validation.annotation.Validated;

/**
 * The Slack app Gatehouse is (README, "Slack"). The tokens and the signing secret are required while Slack is the
 * chat gateway ({@code gatehouse.channels.gateway=slack}), and only then: without a signing secret {@code /slack/events}
 * refuses every request, without a bot token Gatehouse calls nothing.
 *
 * @param apiUrl        the Web API's base URL, so that tests and staging can point elsewhere
 * @param botToken      the app's bot token ({@code xoxb-…}), for every call but the {@code admin.*} ones
 * @param adminToken    an org admin's user token ({@code xoxp-…}) for {@code admin.*} methods, which only Enterprise
 *                      Grid has (disconnecting a shared channel); optional
 * @param signingSecret the app's signing secret, by which a request to {@code /slack/events} proves it is Slack's
 * @param enterpriseGrid whether the workspace is on Enterprise Grid, where Gatehouse disconnects a shared channel
 *                      itself ({@code admin.conversations.disconnectShared}, with the admin token, then required);
 *                      without it a workspace admin removes the partner in Slack, asked by a Tasklist task
 */
@Validated
@SlackProperties.CompleteForSlackGateway
@ConfigurationProperties("gatehouse.slack")
public record SlackProperties(
        @NotBlank @Pattern(regexp = "https?://\\S+/", message = "must be an http(s) URL ending with /") String apiUrl,
        String botToken,
        String adminToken,
        String signingSecret,
        boolean enterpriseGrid) {

    static final String GATEWAY_SETTING = "gatehouse.channels.gateway";
    static final String GATEWAY = "slack";

    boolean hasAdminToken() {
        return set(adminToken);
    }

    boolean hasSigningSecret() {
        return set(signingSecret);
    }

    boolean hasBotToken() {
        return set(botToken);
    }

    private static boolean set(String value) {
        return value != null && !value.isBlank();
    }

    @Target(ElementType.TYPE)
    @Retention(RetentionPolicy.RUNTIME)
    @Constraint(validatedBy = CompleteForSlackGatewayValidator.class)
    public @interface CompleteForSlackGateway {

        String message() default "must be set while Slack is the chat gateway (gatehouse.channels.gateway=slack)";

        Class<?>[] groups() default {};

        Class<? extends Payload>[] payload() default {};
    }

    /** Reads the gateway from the environment: the setting belongs to {@code channels}, not to these properties. */
    public static class CompleteForSlackGatewayValidator
            implements ConstraintValidator<CompleteForSlackGateway, SlackProperties> {

        private final Environment environment;

        public CompleteForSlackGatewayValidator(Environment environment) {
            this.environment = environment;
        }

        @Override
        public boolean isValid(SlackProperties slack, ConstraintValidatorContext context) {
            if (slack == null || !GATEWAY.equals(environment.getProperty(GATEWAY_SETTING))) {
                return true;
            }
            context.disableDefaultConstraintViolation();
            boolean valid = required(slack.hasBotToken(), context, "botToken");
            valid = required(slack.hasSigningSecret(), context, "signingSecret") && valid;
            if (slack.enterpriseGrid() && !slack.hasAdminToken()) {
                context.buildConstraintViolationWithTemplate("must be set with gatehouse.slack.enterprise-grid=true: "
                        + "Gatehouse disconnects shared channels with it").addPropertyNode("adminToken")
                        .addConstraintViolation();
                return false;
            }
            return valid;
        }

        private static boolean required(boolean present, ConstraintValidatorContext context, String property) {
            if (!present) {
                context.buildConstraintViolationWithTemplate(context.getDefaultConstraintMessageTemplate())
                        .addPropertyNode(property).addConstraintViolation();
            }
            return present;
        }
    }
}

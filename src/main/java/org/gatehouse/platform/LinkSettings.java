package org.gatehouse.platform;

import java.util.List;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * The settings of every link that works without an account (the partner's invitation, an expert's invitation, an
 * approval). How long each kind stays open is its flow's own setting.
 *
 * @param secret        key from which the links' tokens are derived; only their hashes are stored, so the secret must
 *                      be the same on every instance and kept out of the database (generated when none is set:
 *                      {@link InstallationSecrets})
 * @param publicBaseUrl where partners and employees reach Gatehouse, to build the links
 */
@Validated
@ConfigurationProperties("gatehouse.links")
record LinkSettings(
        @NotBlank @Size(min = 32, message = "must be at least 32 characters") String secret,
        @NotBlank String publicBaseUrl) {

    static final Names SECRET = new Names("gatehouse.links.secret", List.of("gatehouse.access.invitation-secret",
            "gatehouse.experts.invitation-secret", "gatehouse.approvals.link-secret"), "GATEHOUSE_INVITATION_SECRET");
    static final Names PUBLIC_BASE_URL = new Names("gatehouse.links.public-base-url", List.of(
            "gatehouse.access.public-base-url", "gatehouse.experts.public-base-url", "gatehouse.approvals.public-base-url"),
            "GATEHOUSE_PUBLIC_URL");

    /**
     * A setting's name, the names it had while every kind of link had its own ({@link LinkSettingAliases}: an
     * operator's settings keep working), and the environment variable the {@code postgres} profile reads it from.
     */
    record Names(String name, List<String> oldNames, String variable) {
    }
}

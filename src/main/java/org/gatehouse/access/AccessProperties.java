package org.gatehouse.access;

import java.time.Duration;
import java.util.List;

import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * External access; the secret and URL of the partner's link are every link's ({@code gatehouse.links}).
 *
 * @param invitationValidity how long the partner's link stays valid (A5)
 * @param neverPost          what must never be posted in a shared channel (A4), told to every requester
 */
@Validated
@ConfigurationProperties("gatehouse.access")
public record AccessProperties(
        @NotNull Duration invitationValidity,
        @NotEmpty List<String> neverPost) {
}

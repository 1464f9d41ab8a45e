package org.gatehouse.experts;

import java.time.Duration;

import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * How long invitations to become an expert stay open; the secret and URL of their links are every link's
 * ({@code gatehouse.links}).
 *
 * @param invitationValidity how long an invitation stays open (C7); the process expires it then
 */
@Validated
@ConfigurationProperties("gatehouse.experts")
public record ExpertInvitationProperties(@NotNull Duration invitationValidity) {
}

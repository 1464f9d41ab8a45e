package org.gatehouse.experts;

import java.time.Duration;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * @param invitationValidity how long an invitation to become an expert stays open (C7); the process expires it then
 * @param invitationSecret   key from which the links' tokens are derived; kept out of the database, the same on every
 *                           instance (by default the partner links' secret: the tokens of the two kinds differ anyway)
 * @param publicBaseUrl      where employees reach Gatehouse, to build the link
 */
@Validated
@ConfigurationProperties("gatehouse.experts")
public record ExpertInvitationProperties(
        @NotNull Duration invitationValidity,
        @NotBlank @Size(min = 32, message = "must be at least 32 characters") String invitationSecret,
        @NotBlank String publicBaseUrl) {
}

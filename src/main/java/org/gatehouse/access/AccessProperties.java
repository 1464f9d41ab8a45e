package org.gatehouse.access;

import java.time.Duration;
import java.util.List;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * @param invitationValidity how long the partner's link stays valid (A5)
 * @param invitationSecret   key from which invitation tokens are derived; only their hashes are stored, so the secret
 *                           must be shared by every instance and kept out of the database
 * @param publicBaseUrl      where partners reach Gatehouse, to build the link
 * @param neverPost          what must never be posted in a shared channel (A4), told to every requester
 */
@Validated
@ConfigurationProperties("gatehouse.access")
public record AccessProperties(
        @NotNull Duration invitationValidity,
        @NotBlank @Size(min = 32, message = "must be at least 32 characters") String invitationSecret,
        @NotBlank String publicBaseUrl,
        @NotEmpty List<String> neverPost) {
}

package org.gatehouse.approvals;

import java.time.Duration;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * @param validity       how long an approval stays open when the caller names no {@code dueIn}; the process expires it then
 * @param maxValidity    the longest {@code dueIn} a caller may ask for
 * @param linkSecret     key from which the links' tokens are derived; kept out of the database, the same on every instance
 * @param publicBaseUrl  where employees reach Gatehouse, to build the link
 */
@Validated
@ConfigurationProperties("gatehouse.approvals")
public record ApprovalProperties(
        @NotNull Duration validity,
        @NotNull Duration maxValidity,
        @NotBlank @Size(min = 32, message = "must be at least 32 characters") String linkSecret,
        @NotBlank String publicBaseUrl) {
}

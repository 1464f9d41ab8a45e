package org.gatehouse.approvals;

import java.time.Duration;

import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * How long approvals stay open; the secret and URL of their links are every link's ({@code gatehouse.links}).
 *
 * @param validity       how long an approval stays open when the caller names no {@code dueIn}; the process expires it then
 * @param maxValidity    the longest {@code dueIn} a caller may ask for
 */
@Validated
@ConfigurationProperties("gatehouse.approvals")
public record ApprovalProperties(
        @NotNull Duration validity,
        @NotNull Duration maxValidity) {
}

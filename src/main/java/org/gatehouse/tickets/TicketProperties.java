package org.gatehouse.tickets;

import java.time.Duration;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * @param autoCloseAfter  a resolved ticket closes itself after this unless the requester answers (which reopens it)
 * @param maxBodyLength   the longest message accepted, in characters; a longer one is refused, and kept as received
 */
@Validated
@ConfigurationProperties("gatehouse.tickets")
public record TicketProperties(
        @NotNull Duration autoCloseAfter,
        @Min(100) @Max(1_000_000) int maxBodyLength) {
}

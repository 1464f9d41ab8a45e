package org.gatehouse.tickets;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Tickets; how long a resolved one waits before it closes is the model's (the timer 'Reopen window over').
 *
 * @param maxBodyLength the longest message accepted, in characters; a longer one is refused, and kept as received
 */
@Validated
@ConfigurationProperties("gatehouse.tickets")
public record TicketProperties(@Min(100) @Max(1_000_000) int maxBodyLength) {
}

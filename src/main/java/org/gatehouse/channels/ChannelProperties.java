package org.gatehouse.channels;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * @param gateway           which chat platform Gatehouse talks to: {@code local} (a table, for the demo and tests) or
 *                          {@code slack}
 * @param responseTimeSla   the answer time both sides promise in a shared channel, quoted by the house rules (A8)
 */
@Validated
@ConfigurationProperties("gatehouse.channels")
public record ChannelProperties(@NotBlank @Pattern(regexp = "local|slack", message = "must be local or slack") String gateway,
        @NotBlank String responseTimeSla) {
}

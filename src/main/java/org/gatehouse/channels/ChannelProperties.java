package org.gatehouse.channels;

import jakarta.validation.constraints.NotBlank;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * @param gateway           which chat platform Gatehouse talks to: {@code local}
 * @param responseTimeSla   the answer time both sides promise in a shared channel, quoted by the house rules (A8)
 */
@Validated
@ConfigurationProperties("gatehouse.channels")
public record ChannelProperties(@NotBlank String gateway, @NotBlank String responseTimeSla) {
}

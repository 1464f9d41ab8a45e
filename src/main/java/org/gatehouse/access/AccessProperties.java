package org.gatehouse.access;

import java.time.Duration;
import java.util.List;

import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * External access; the secret and URL of the partner's link are every link's ({@code gatehouse.links}), and how long
 * it stays valid is the model's ({@code linkValidFor} of 'Issue invitation link').
 *
 * @param neverPost what must never be posted in a shared channel (A4), told to every requester
 * @param ndaNotice how long before a partner's NDA ends the organisations' view flags it (A9)
 */
@Validated
@ConfigurationProperties("gatehouse.access")
public record AccessProperties(@NotEmpty List<String> neverPost, @NotNull Duration ndaNotice) {
}

package org.gatehouse.platform;

import java.time.Instant;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One version of a configuration: the whole of it after a change, who made the change and when.
 *
 * @param kind    what is configured: {@code sharing-policy}, {@code channel-rules}, {@code requester-attributes},
 *                {@code roles}, {@code teams} (each declared by the feature that owns it)
 * @param subject which one: {@code ""} for a singleton, a person's id for roles, a team's slug for teams
 * @param version 1, 2, ... for each (kind, subject)
 * @param content the configuration after the change, as canonical JSON (keys sorted)
 */
public record ConfigurationVersion(String kind, String subject, int version, String actor, Instant changedAt,
        JsonNode content) {
}

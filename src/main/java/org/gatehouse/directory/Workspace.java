package org.gatehouse.directory;

/** A workspace of the host; {@code slackTeamId} is the Slack workspace (team) it is, null where it is not on Slack. */
public record Workspace(String id, String organisationId, String name, String slackTeamId) {
}

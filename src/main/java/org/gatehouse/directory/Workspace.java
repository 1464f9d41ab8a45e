package org.gatehouse.directory;

public record Workspace(String id, String organisationId, String name) {
}

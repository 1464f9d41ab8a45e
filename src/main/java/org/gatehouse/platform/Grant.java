package org.gatehouse.platform;

import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Resource;

/** A right a group holds in the engine, granted at every start and kept ({@link AuthorizationSetup}). */
public record Grant(String group, Resource resource, String resourceId, Permission... permissions) {
}

package org.gatehouse.platform;

import org.camunda.bpm.engine.authorization.Groups;

/**
 * The groups of DESIGN.md's security model, as Camunda groups: the directory gives people these roles, the platform
 * grants each its rights, features name them as candidate groups. Teams are {@code team-<slug>}.
 */
public final class GatehouseGroups {

    public static final String ADMINS = Groups.CAMUNDA_ADMIN;
    public static final String WORKSPACE_ADMINS = "workspace-admins";
    public static final String LEGAL = "legal";
    public static final String AUDITORS = "auditors";
    public static final String PROCESS_OWNERS = "process-owners";
    public static final String EXPERTS = "experts";
    public static final String REQUESTERS = "requesters";

    private GatehouseGroups() {
    }
}

package org.gatehouse.platform;

import java.util.List;

import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.ProcessInstancePermissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;

/** A right a group holds in the engine, granted at every start and kept ({@link AuthorizationSetup}). */
public record Grant(String group, Resource resource, String resourceId, Permission... permissions) {

    /** Rights on one process's definition. */
    public static Grant onProcess(String group, String processKey, Permission... permissions) {
        return new Grant(group, Resources.PROCESS_DEFINITION, processKey, permissions);
    }

    /** What starting a process takes (the engine's guard still decides how): its model, an instance of it. */
    public static List<Grant> toStart(String group, String processKey) {
        return List.of(onProcess(group, processKey, ProcessDefinitionPermissions.READ,
                        ProcessDefinitionPermissions.CREATE_INSTANCE),
                new Grant(group, Resources.PROCESS_INSTANCE, Authorization.ANY, ProcessInstancePermissions.CREATE));
    }
}

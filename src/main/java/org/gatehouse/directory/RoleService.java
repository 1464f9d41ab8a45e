package org.gatehouse.directory;

import java.util.List;
import java.util.Optional;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.gatehouse.platform.GatehouseEngineCalls;
import org.gatehouse.platform.GatehouseGroups;
import org.springframework.stereotype.Service;

/**
 * Who belongs to which group. Every process asks this service; nothing hard-codes a person. It reads the identity
 * store that the webapps and the REST API authenticate against, so the answer is the same everywhere.
 */
@Service
@GatehouseEngineCalls
public class RoleService {

    private final IdentityService identity;

    RoleService(IdentityService identity) {
        this.identity = identity;
    }

    public List<String> groupsOf(String userId) {
        return identity.createGroupQuery().groupMember(userId).list().stream().map(Group::getId).toList();
    }

    public boolean isMember(String userId, String groupId) {
        return identity.createGroupQuery().groupMember(userId).groupId(groupId).count() > 0;
    }

    public boolean isWorkspaceAdmin(String userId) {
        return isMember(userId, GatehouseGroups.WORKSPACE_ADMINS) || isMember(userId, GatehouseGroups.ADMINS);
    }

    /** C6: experts and admins name further experts and run teams. */
    public boolean isExpertOrAdmin(String userId) {
        return userId != null && (isMember(userId, GatehouseGroups.EXPERTS) || isMember(userId, GatehouseGroups.ADMINS));
    }

    public List<String> membersOf(String groupId) {
        return identity.createUserQuery().memberOfGroup(groupId).list().stream().map(User::getId).toList();
    }

    public Optional<String> emailOf(String userId) {
        return Optional.ofNullable(identity.createUserQuery().userId(userId).singleResult())
                .map(User::getEmail).filter(e -> !e.isBlank());
    }
}

package org.gatehouse.platform;

import static org.camunda.bpm.engine.authorization.Authorization.ANY;
import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;

import java.util.List;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.authorization.HistoricProcessInstancePermissions;
import org.camunda.bpm.engine.authorization.HistoricTaskPermissions;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.authorization.TaskPermissions;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The groups of DESIGN.md and what each may do in the engine, set at every start and kept: a right removed by hand
 * comes back, and a new right reaches existing installations (a user's own account included: they read it, nothing
 * more). Tasks need no grant here: the engine grants a task to its assignee and candidate groups as they are set.
 */
@Component
@Order(1)
public class AuthorizationSetup implements ApplicationRunner {

    private final IdentityService identity;
    private final AuthorizationService authorizations;
    private final ObjectProvider<ProcessRules> rules;

    AuthorizationSetup(IdentityService identity, AuthorizationService authorizations, ObjectProvider<ProcessRules> rules) {
        this.identity = identity;
        this.authorizations = authorizations;
        this.rules = rules;
    }

    /** What no single process gives: the webapps each role works in, and the auditors' and process owners' reach. */
    static final List<Grant> GRANTS = List.of(
            new Grant(GatehouseGroups.REQUESTERS, Resources.APPLICATION, "tasklist", Permissions.ACCESS),
            new Grant(GatehouseGroups.WORKSPACE_ADMINS, Resources.APPLICATION, "tasklist", Permissions.ACCESS),
            // workspace admins see the outside organisations in Cockpit, beside the auditors' view, with what they read
            new Grant(GatehouseGroups.WORKSPACE_ADMINS, Resources.APPLICATION, "cockpit", Permissions.ACCESS),
            new Grant(GatehouseGroups.LEGAL, Resources.APPLICATION, "tasklist", Permissions.ACCESS),
            new Grant(GatehouseGroups.EXPERTS, Resources.APPLICATION, "tasklist", Permissions.ACCESS),
            // auditors read history and the models it refers to, and nothing else; history keeps no private value
            // (PrivateHistory), so its variables are theirs to read
            new Grant(GatehouseGroups.AUDITORS, Resources.APPLICATION, "cockpit", Permissions.ACCESS),
            new Grant(GatehouseGroups.AUDITORS, Resources.PROCESS_DEFINITION, ANY, ProcessDefinitionPermissions.READ,
                    ProcessDefinitionPermissions.READ_HISTORY, ProcessDefinitionPermissions.READ_HISTORY_VARIABLE),
            new Grant(GatehouseGroups.AUDITORS, Resources.DECISION_DEFINITION, ANY, Permissions.READ, Permissions.READ_HISTORY),
            new Grant(GatehouseGroups.AUDITORS, Resources.DECISION_REQUIREMENTS_DEFINITION, ANY, Permissions.READ),
            new Grant(GatehouseGroups.AUDITORS, Resources.DEPLOYMENT, ANY, Permissions.READ),
            new Grant(GatehouseGroups.AUDITORS, Resources.HISTORIC_PROCESS_INSTANCE, ANY, HistoricProcessInstancePermissions.READ),
            new Grant(GatehouseGroups.AUDITORS, Resources.HISTORIC_TASK, ANY, HistoricTaskPermissions.READ),
            // process owners deploy their models and watch their instances and incidents (READ_INSTANCE), never the
            // values of running instances' variables (enforceSpecificVariablePermission): a ticket's words stay private
            new Grant(GatehouseGroups.PROCESS_OWNERS, Resources.APPLICATION, "cockpit", Permissions.ACCESS),
            new Grant(GatehouseGroups.PROCESS_OWNERS, Resources.APPLICATION, "tasklist", Permissions.ACCESS),
            new Grant(GatehouseGroups.PROCESS_OWNERS, Resources.DEPLOYMENT, ANY, Permissions.CREATE, Permissions.READ, Permissions.DELETE),
            new Grant(GatehouseGroups.PROCESS_OWNERS, Resources.PROCESS_DEFINITION, ANY, ProcessDefinitionPermissions.READ,
                    ProcessDefinitionPermissions.READ_INSTANCE, ProcessDefinitionPermissions.READ_HISTORY, ProcessDefinitionPermissions.READ_HISTORY_VARIABLE,
                    ProcessDefinitionPermissions.SUSPEND),
            new Grant(GatehouseGroups.PROCESS_OWNERS, Resources.DECISION_DEFINITION, ANY, Permissions.READ, Permissions.READ_HISTORY),
            new Grant(GatehouseGroups.PROCESS_OWNERS, Resources.DECISION_REQUIREMENTS_DEFINITION, ANY, Permissions.READ));

    public static final List<String> GROUPS = List.of(Groups.CAMUNDA_ADMIN, GatehouseGroups.WORKSPACE_ADMINS, GatehouseGroups.LEGAL,
            GatehouseGroups.AUDITORS, GatehouseGroups.PROCESS_OWNERS, GatehouseGroups.EXPERTS, GatehouseGroups.REQUESTERS);

    @Override
    public void run(ApplicationArguments args) {
        GROUPS.forEach(this::ensureGroup);
        for (Resources resource : Resources.values()) {
            grant(new Grant(Groups.CAMUNDA_ADMIN, resource, ANY, Permissions.ALL));
        }
        GRANTS.forEach(this::grant);
        rules.orderedStream().flatMap(rule -> rule.grants().stream()).forEach(this::grant);
        narrowOwnAccounts();
        letTaskWorkersReadVariables();
    }

    /**
     * Users created before {@link IdentityGuard} hold every right on their own account, as the engine grants by
     * default; they keep reading it and lose the rest.
     */
    private void narrowOwnAccounts() {
        authorizations.createAuthorizationQuery().authorizationType(AUTH_TYPE_GRANT).resourceType(Resources.USER).list()
                .stream().filter(IdentityGuard::isWiderOwnAccountRight).forEach(authorization -> {
                    IdentityGuard.narrowToOwnAccount(authorization);
                    authorizations.saveAuthorization(authorization);
                });
    }

    /**
     * Variables take their own permission ({@code enforceSpecificVariablePermission}): the engine grants READ_VARIABLE
     * with every new task to whoever may work it, and tasks made before that setting get it here.
     */
    private void letTaskWorkersReadVariables() {
        authorizations.createAuthorizationQuery().authorizationType(AUTH_TYPE_GRANT).resourceType(Resources.TASK)
                .hasPermission(TaskPermissions.UPDATE).list().stream()
                .filter(authorization -> !authorization.isPermissionGranted(TaskPermissions.READ_VARIABLE))
                .forEach(authorization -> {
                    authorization.addPermission(TaskPermissions.READ_VARIABLE);
                    authorizations.saveAuthorization(authorization);
                });
    }

    private void ensureGroup(String id) {
        if (identity.createGroupQuery().groupId(id).count() == 0) {
            var group = identity.newGroup(id);
            group.setName(id);
            group.setType(id.equals(Groups.CAMUNDA_ADMIN) ? Groups.GROUP_TYPE_SYSTEM : Groups.GROUP_TYPE_WORKFLOW);
            identity.saveGroup(group);
        }
    }

    private void grant(Grant grant) {
        Authorization authorization = authorizations.createAuthorizationQuery()
                .authorizationType(AUTH_TYPE_GRANT).groupIdIn(grant.group())
                .resourceType(grant.resource()).resourceId(grant.resourceId()).singleResult();
        if (authorization == null) {
            authorization = authorizations.createNewAuthorization(AUTH_TYPE_GRANT);
            authorization.setGroupId(grant.group());
            authorization.setResource(grant.resource());
            authorization.setResourceId(grant.resourceId());
        }
        for (Permission permission : grant.permissions()) {
            authorization.addPermission(permission);
        }
        authorizations.saveAuthorization(authorization);
    }
}

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
import org.camunda.bpm.engine.authorization.ProcessInstancePermissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.authorization.TaskPermissions;
import org.gatehouse.directory.ExpertOnboardingProcess;
import org.gatehouse.directory.RoleService;
import org.gatehouse.tickets.ApprovalProcess;
import org.gatehouse.tickets.TicketProcess;
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

    static final String ACCESS_PROCESS = "external-access-request";

    private final IdentityService identity;
    private final AuthorizationService authorizations;

    AuthorizationSetup(IdentityService identity, AuthorizationService authorizations) {
        this.identity = identity;
        this.authorizations = authorizations;
    }

    record Grant(String group, Resource resource, String resourceId, Permission... permissions) {
    }

    static final List<Grant> GRANTS = List.of(
            // requesters start requests in Tasklist and see their own tasks only
            new Grant(RoleService.REQUESTERS, Resources.APPLICATION, "tasklist", Permissions.ACCESS),
            new Grant(RoleService.REQUESTERS, Resources.PROCESS_DEFINITION, ACCESS_PROCESS,
                    ProcessDefinitionPermissions.READ, ProcessDefinitionPermissions.CREATE_INSTANCE),
            new Grant(RoleService.REQUESTERS, Resources.PROCESS_INSTANCE, ANY, ProcessInstancePermissions.CREATE),
            // workspace admins and legal work their tasks in Tasklist
            new Grant(RoleService.WORKSPACE_ADMINS, Resources.APPLICATION, "tasklist", Permissions.ACCESS),
            // READ_INSTANCE(_VARIABLE): Tasklist's filter columns show the request's variables (project, partner,
            // requester)
            new Grant(RoleService.WORKSPACE_ADMINS, Resources.PROCESS_DEFINITION, ACCESS_PROCESS, ProcessDefinitionPermissions.READ,
                    ProcessDefinitionPermissions.READ_INSTANCE, ProcessDefinitionPermissions.READ_INSTANCE_VARIABLE),
            new Grant(RoleService.LEGAL, Resources.APPLICATION, "tasklist", Permissions.ACCESS),
            new Grant(RoleService.LEGAL, Resources.PROCESS_DEFINITION, ACCESS_PROCESS, ProcessDefinitionPermissions.READ,
                    ProcessDefinitionPermissions.READ_INSTANCE, ProcessDefinitionPermissions.READ_INSTANCE_VARIABLE),
            new Grant(RoleService.EXPERTS, Resources.APPLICATION, "tasklist", Permissions.ACCESS),
            // experts name further experts (C6), also from Tasklist's start form; a team's tasks reach its members
            // through their candidate group team-<slug>, which the engine grants as it is set
            new Grant(RoleService.EXPERTS, Resources.PROCESS_DEFINITION, ExpertOnboardingProcess.KEY,
                    ProcessDefinitionPermissions.READ, ProcessDefinitionPermissions.CREATE_INSTANCE),
            new Grant(RoleService.EXPERTS, Resources.PROCESS_INSTANCE, ANY, ProcessInstancePermissions.CREATE),
            // an invitee (every employee is a requester) opens their acceptInvitation task with its form and diagram
            new Grant(RoleService.REQUESTERS, Resources.PROCESS_DEFINITION, ExpertOnboardingProcess.KEY,
                    ProcessDefinitionPermissions.READ),
            // experts ask employees for approvals (also standalone); the approver, any employee, opens the approve
            // task with its form and diagram
            new Grant(RoleService.EXPERTS, Resources.PROCESS_DEFINITION, ApprovalProcess.KEY,
                    ProcessDefinitionPermissions.READ, ProcessDefinitionPermissions.CREATE_INSTANCE),
            new Grant(RoleService.REQUESTERS, Resources.PROCESS_DEFINITION, ApprovalProcess.KEY,
                    ProcessDefinitionPermissions.READ),
            // experts work tickets in Tasklist (form, diagram); a ticket's variables only through its tasks, which
            // the engine lets their team (or the triaging experts) read: no READ_INSTANCE_VARIABLE. An approver
            // answering an approval asked on a ticket moves the ticket's process on, which reads its definition
            new Grant(RoleService.EXPERTS, Resources.PROCESS_DEFINITION, TicketProcess.KEY,
                    ProcessDefinitionPermissions.READ, ProcessDefinitionPermissions.READ_INSTANCE),
            new Grant(RoleService.REQUESTERS, Resources.PROCESS_DEFINITION, TicketProcess.KEY,
                    ProcessDefinitionPermissions.READ),
            // auditors read history and the models it refers to, and nothing else; history keeps no private value
            // (PrivateHistory), so its variables are theirs to read
            new Grant(RoleService.AUDITORS, Resources.APPLICATION, "cockpit", Permissions.ACCESS),
            new Grant(RoleService.AUDITORS, Resources.PROCESS_DEFINITION, ANY, ProcessDefinitionPermissions.READ,
                    ProcessDefinitionPermissions.READ_HISTORY, ProcessDefinitionPermissions.READ_HISTORY_VARIABLE),
            new Grant(RoleService.AUDITORS, Resources.DECISION_DEFINITION, ANY, Permissions.READ, Permissions.READ_HISTORY),
            new Grant(RoleService.AUDITORS, Resources.DECISION_REQUIREMENTS_DEFINITION, ANY, Permissions.READ),
            new Grant(RoleService.AUDITORS, Resources.DEPLOYMENT, ANY, Permissions.READ),
            new Grant(RoleService.AUDITORS, Resources.HISTORIC_PROCESS_INSTANCE, ANY, HistoricProcessInstancePermissions.READ),
            new Grant(RoleService.AUDITORS, Resources.HISTORIC_TASK, ANY, HistoricTaskPermissions.READ),
            // process owners deploy and watch their models
            new Grant(RoleService.PROCESS_OWNERS, Resources.APPLICATION, "cockpit", Permissions.ACCESS),
            new Grant(RoleService.PROCESS_OWNERS, Resources.APPLICATION, "tasklist", Permissions.ACCESS),
            new Grant(RoleService.PROCESS_OWNERS, Resources.DEPLOYMENT, ANY, Permissions.CREATE, Permissions.READ, Permissions.DELETE),
            new Grant(RoleService.PROCESS_OWNERS, Resources.PROCESS_DEFINITION, ANY, ProcessDefinitionPermissions.READ,
                    ProcessDefinitionPermissions.READ_HISTORY, ProcessDefinitionPermissions.READ_HISTORY_VARIABLE,
                    ProcessDefinitionPermissions.SUSPEND),
            new Grant(RoleService.PROCESS_OWNERS, Resources.DECISION_DEFINITION, ANY, Permissions.READ, Permissions.READ_HISTORY),
            new Grant(RoleService.PROCESS_OWNERS, Resources.DECISION_REQUIREMENTS_DEFINITION, ANY, Permissions.READ));

    public static final List<String> GROUPS = List.of(Groups.CAMUNDA_ADMIN, RoleService.WORKSPACE_ADMINS, RoleService.LEGAL,
            RoleService.AUDITORS, RoleService.PROCESS_OWNERS, RoleService.EXPERTS, RoleService.REQUESTERS);

    @Override
    public void run(ApplicationArguments args) {
        GROUPS.forEach(this::ensureGroup);
        for (Resources resource : Resources.values()) {
            grant(new Grant(Groups.CAMUNDA_ADMIN, resource, ANY, Permissions.ALL));
        }
        GRANTS.forEach(this::grant);
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

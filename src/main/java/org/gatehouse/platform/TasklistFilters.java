package org.gatehouse.platform;

import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;

import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.task.TaskQuery;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Tasklist opens on a filter for each group's work. Filters are created once, by name, and left alone afterwards:
 * an admin may have tuned them. Only admins create filters, because a stored query may hold expressions.
 */
@Component
@Order(3)
class TasklistFilters implements ApplicationRunner {

    private static final List<Map<String, String>> REQUEST_COLUMNS = List.of(
            Map.of("name", "projectName", "label", "Project"),
            Map.of("name", "partnerOrganisation", "label", "Partner"),
            Map.of("name", "requester", "label", "Requester"));
    private static final List<Map<String, String>> TICKET_COLUMNS = List.of(
            Map.of("name", "ticketReference", "label", "Ticket"),
            Map.of("name", "ticketSubject", "label", "Subject"));

    private final FilterService filters;
    private final TaskService tasks;
    private final AuthorizationService authorizations;

    TasklistFilters(FilterService filters, TaskService tasks, AuthorizationService authorizations) {
        this.filters = filters;
        this.tasks = tasks;
        this.authorizations = authorizations;
    }

    @Override
    public void run(ApplicationArguments args) {
        ensure("Access approvals", -10, "Requests to share a channel with an outside organisation",
                tasks.createTaskQuery().taskDefinitionKey("hostAdminApproval").taskCandidateGroup(GatehouseGroups.WORKSPACE_ADMINS)
                        .includeAssignedTasks(),
                List.of(GatehouseGroups.WORKSPACE_ADMINS), REQUEST_COLUMNS);
        ensure("NDAs to obtain", -9, "Partners that need a signed NDA before their channel is shared",
                tasks.createTaskQuery().taskDefinitionKey("obtainNda").taskCandidateGroup(GatehouseGroups.LEGAL).includeAssignedTasks(),
                List.of(GatehouseGroups.LEGAL), REQUEST_COLUMNS);
        // a team's tickets reach its members through their candidate group team-<slug>
        ensure("Tickets", -8, "Employee requests to my teams, taken or not",
                tasks.createTaskQuery().taskDefinitionKey("handleTicket")
                        .taskCandidateGroupInExpression("${currentUserGroups()}").includeAssignedTasks(),
                List.of(GatehouseGroups.EXPERTS), TICKET_COLUMNS);
        ensure("Triage", -7, "Employee requests no routing rule matched: choose their team",
                tasks.createTaskQuery().taskDefinitionKey("triageTicket").taskCandidateGroup(GatehouseGroups.EXPERTS),
                List.of(GatehouseGroups.EXPERTS), TICKET_COLUMNS);
        ensure("My tasks", -5, "Tasks assigned to me",
                tasks.createTaskQuery().taskAssigneeExpression("${currentUser()}"),
                List.of(GatehouseGroups.REQUESTERS, GatehouseGroups.WORKSPACE_ADMINS, GatehouseGroups.LEGAL, GatehouseGroups.EXPERTS,
                        GatehouseGroups.PROCESS_OWNERS), REQUEST_COLUMNS);
        ensure("My groups' tasks", 0, "Unclaimed tasks of my groups",
                tasks.createTaskQuery().taskCandidateGroupInExpression("${currentUserGroups()}").taskUnassigned(),
                List.of(GatehouseGroups.WORKSPACE_ADMINS, GatehouseGroups.LEGAL, GatehouseGroups.EXPERTS), REQUEST_COLUMNS);
    }

    private void ensure(String name, int priority, String description, TaskQuery query, List<String> readers,
            List<Map<String, String>> columns) {
        if (filters.createFilterQuery().filterName(name).count() > 0) {
            return;
        }
        Filter filter = filters.newTaskFilter(name).setQuery(query)
                .setProperties(Map.<String, Object>of("priority", priority, "description", description, "refresh", true,
                        "variables", columns));
        filters.saveFilter(filter);
        for (String group : readers) {
            var authorization = authorizations.createNewAuthorization(AUTH_TYPE_GRANT);
            authorization.setGroupId(group);
            authorization.setResource(Resources.FILTER);
            authorization.setResourceId(filter.getId());
            authorization.addPermission(Permissions.READ);
            authorizations.saveAuthorization(authorization);
        }
    }
}

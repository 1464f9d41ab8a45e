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
import org.springframework.beans.factory.ObjectProvider;
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

    private final FilterService filters;
    private final TaskService tasks;
    private final AuthorizationService authorizations;

    private final ObjectProvider<ProcessRules> rules;

    TasklistFilters(FilterService filters, TaskService tasks, AuthorizationService authorizations,
            ObjectProvider<ProcessRules> rules) {
        this.filters = filters;
        this.tasks = tasks;
        this.authorizations = authorizations;
        this.rules = rules;
    }

    /** Each feature's filters, then the two every role shares, with the columns of all of them. */
    @Override
    public void run(ApplicationArguments args) {
        List<TasklistFilter> features = rules.orderedStream().flatMap(rule -> rule.tasklistFilters().stream()).toList();
        features.forEach(filter -> ensure(filter.name(), filter.priority(), filter.description(),
                filter.query().apply(tasks), filter.readers(), filter.columns()));
        List<Map<String, String>> columns = features.stream().flatMap(filter -> filter.columns().stream()).distinct()
                .toList();
        ensure("My tasks", -5, "Tasks assigned to me",
                tasks.createTaskQuery().taskAssigneeExpression("${currentUser()}"),
                List.of(GatehouseGroups.REQUESTERS, GatehouseGroups.WORKSPACE_ADMINS, GatehouseGroups.LEGAL,
                        GatehouseGroups.EXPERTS, GatehouseGroups.PROCESS_OWNERS), columns);
        ensure("My groups' tasks", 0, "Unclaimed tasks of my groups",
                tasks.createTaskQuery().taskCandidateGroupInExpression("${currentUserGroups()}").taskUnassigned(),
                List.of(GatehouseGroups.WORKSPACE_ADMINS, GatehouseGroups.LEGAL, GatehouseGroups.EXPERTS), columns);
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

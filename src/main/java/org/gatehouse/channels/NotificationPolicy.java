package org.gatehouse.channels;

import java.util.Optional;
import java.util.Set;

import org.gatehouse.directory.Person;
import org.gatehouse.directory.PersonService;
import org.gatehouse.directory.RoleService;
import org.gatehouse.platform.GatehouseGroups;
import org.springframework.stereotype.Component;

/**
 * Who may be sent what (C5): "imported people get no email or notification, except an approval request". A person
 * who came into the directory by an import (HR, Slack or Teams) and holds no working role in Gatehouse receives only
 * {@link MessageKind#APPROVAL_REQUEST}s and {@link MessageKind#REPLY}s to what they wrote; everyone else receives every message, and so does an address or user id that
 * is no person of the directory (a partner's contact who was never imported, an operator's account).
 *
 * <p>The working roles are the groups that give someone work in Gatehouse: {@code experts}, {@code legal},
 * {@code workspace-admins}, {@code camunda-admin}, {@code process-owners} and every {@code team-<slug>}. Being a
 * requester (every employee is one) or an auditor is no working role. Roles are asked of {@link RoleService}, like
 * every other rule about groups, so a role granted after the import counts at once.
 *
 * <p>It sits in {@code channels}, beside the {@link Notifier} that consults it for every message, because it is a
 * rule about sending messages; it asks the directory for the facts it needs (how a person came in, their roles)
 * through the directory's services, and the directory knows nothing of messages.
 */
@Component
public class NotificationPolicy {

    static final Set<String> WORKING_ROLES = Set.of(GatehouseGroups.EXPERTS, GatehouseGroups.LEGAL, GatehouseGroups.WORKSPACE_ADMINS,
            GatehouseGroups.ADMINS, GatehouseGroups.PROCESS_OWNERS);
    static final String TEAM_GROUP_PREFIX = "team-";

    private final PersonService people;
    private final RoleService roles;

    NotificationPolicy(PersonService people, RoleService roles) {
        this.people = people;
        this.roles = roles;
    }

    /** May a message of this kind go to the user {@code userId}? */
    public boolean allowsUser(String userId, MessageKind kind) {
        return alwaysSent(kind) || allows(userId, people.sourceOf(userId));
    }

    /** May a message of this kind go to the address {@code email}? */
    public boolean allowsAddress(String email, MessageKind kind) {
        if (alwaysSent(kind)) {
            return true;
        }
        Optional<Person> person = people.findByEmail(email);
        return person.isEmpty() || allows(person.get().id(), people.sourceOf(person.get().id()));
    }

    private static boolean alwaysSent(MessageKind kind) {
        return kind == MessageKind.APPROVAL_REQUEST || kind == MessageKind.REPLY;
    }

    private boolean allows(String personId, Optional<Person.Source> source) {
        return source.isEmpty() || source.get() == Person.Source.MANUAL || hasWorkingRole(personId);
    }

    private boolean hasWorkingRole(String personId) {
        return roles.groupsOf(personId).stream().anyMatch(g -> WORKING_ROLES.contains(g) || g.startsWith(TEAM_GROUP_PREFIX));
    }
}

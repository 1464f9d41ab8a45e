package org.gatehouse.directory;

import java.util.HashSet;
import java.util.Set;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.gatehouse.platform.TrustedCalls;
import org.springframework.stereotype.Component;

/**
 * Makes Camunda's identity service follow the directory, person by person, on every change: an active person is a
 * user with exactly the groups the directory gives them; an inactive one is no user at all, so their access ends at
 * once while their history (which names them) stays. Running it twice changes nothing.
 *
 * <p>A sync rather than an identity provider plugin: Camunda's own store keeps credentials and the Admin webapp
 * working, and people who never log in still get a user id that tasks and history can name. What the sync writes is
 * the directory's: {@code IdentityGuard} refuses anyone else's change to it ({@link DirectoryIdentityOwner}).
 */
@Component
class IdentitySync {

    private final IdentityService identity;

    IdentitySync(IdentityService identity) {
        this.identity = identity;
    }

    /** Gatehouse's own identity calls: the only ones {@code IdentityGuard} lets change what the directory owns. */
    void sync(Person person, Set<String> groups) {
        TrustedCalls.run(() -> apply(person, groups));
    }

    private void apply(Person person, Set<String> groups) {
        User user = identity.createUserQuery().userId(person.id()).singleResult();
        if (!person.active() || person.kind() == Person.Kind.CONTACT) {
            if (user != null) {
                identity.deleteUser(person.id());
            }
            return;
        }
        if (user == null) {
            user = identity.newUser(person.id());
        }
        if (!person.firstName().equals(user.getFirstName()) || !person.lastName().equals(user.getLastName())
                || !person.email().equals(user.getEmail())) {
            user.setFirstName(person.firstName());
            user.setLastName(person.lastName());
            user.setEmail(person.email());
            identity.saveUser(user);
        }
        Set<String> current = new HashSet<>(identity.createGroupQuery().groupMember(person.id()).list().stream()
                .map(Group::getId).toList());
        for (String group : groups) {
            if (!current.contains(group)) {
                ensureGroup(group);
                identity.createMembership(person.id(), group);
            }
        }
        current.stream().filter(g -> !groups.contains(g)).forEach(g -> identity.deleteMembership(person.id(), g));
    }

    private void ensureGroup(String groupId) {
        if (identity.createGroupQuery().groupId(groupId).count() == 0) {
            saveGroup(groupId, groupId);
        }
    }

    /** Creates the group, or renames it: a team's group carries the team's name in the webapps. */
    void defineGroup(String groupId, String name) {
        TrustedCalls.run(() -> saveGroup(groupId, name));
    }

    private void saveGroup(String groupId, String name) {
        Group group = identity.createGroupQuery().groupId(groupId).singleResult();
        if (group == null) {
            group = identity.newGroup(groupId);
            group.setType("WORKFLOW");
        } else if (name.equals(group.getName())) {
            return;
        }
        group.setName(name);
        identity.saveGroup(group);
    }
}

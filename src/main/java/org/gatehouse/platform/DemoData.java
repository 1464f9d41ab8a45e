package org.gatehouse.platform;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Groups;
import org.gatehouse.access.SharingPolicy;
import org.gatehouse.access.SharingPolicyService;
import org.gatehouse.channels.ChannelService;
import org.gatehouse.directory.Organisation;
import org.gatehouse.directory.OrganisationService;
import org.gatehouse.directory.RoleService;
import org.gatehouse.directory.Workspace;
import org.gatehouse.legal.NdaRegister;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The demo: host Acme with two workspaces, three partners (Globex with a valid NDA, Initech with none, Umbrella with
 * an expired one) and one account per role, password equal to the user id. Loaded once, on the {@code demo} profile
 * only; a restart on the same database finds it and leaves it as it is.
 */
@Component
@Profile("demo")
@Order(2)
class DemoData implements ApplicationRunner {

    static final String SHARERS = "external-sharers";

    private final IdentityService identity;
    private final OrganisationService organisations;
    private final ChannelService channels;
    private final NdaRegister ndas;
    private final SharingPolicyService policy;
    private final Clock clock;

    DemoData(IdentityService identity, OrganisationService organisations, ChannelService channels, NdaRegister ndas,
            SharingPolicyService policy, Clock clock) {
        this.identity = identity;
        this.organisations = organisations;
        this.channels = channels;
        this.ndas = ndas;
        this.policy = policy;
        this.clock = clock;
    }

    private record Person(String id, String first, String last, List<String> groups) {
    }

    private static final List<Person> PEOPLE = List.of(
            new Person("admin", "Ada", "Admin", List.of(Groups.CAMUNDA_ADMIN, RoleService.WORKSPACE_ADMINS, RoleService.REQUESTERS)),
            new Person("alice", "Alice", "Martin", List.of(RoleService.REQUESTERS, SHARERS)),
            new Person("dave", "Dave", "Dubois", List.of(RoleService.REQUESTERS, SHARERS)),
            new Person("bob", "Bob", "Bernard", List.of(RoleService.WORKSPACE_ADMINS, RoleService.REQUESTERS)),
            new Person("carol", "Carol", "Petit", List.of(RoleService.WORKSPACE_ADMINS, RoleService.REQUESTERS)),
            new Person("lena", "Lena", "Laurent", List.of(RoleService.LEGAL, RoleService.REQUESTERS)),
            new Person("aude", "Aude", "Audit", List.of(RoleService.AUDITORS)),
            new Person("paul", "Paul", "Owner", List.of(RoleService.PROCESS_OWNERS, RoleService.REQUESTERS)));

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        if (organisations.find("acme").isPresent()) {
            return;
        }
        ensureGroup(SHARERS, "Members allowed to share channels externally");
        PEOPLE.forEach(this::ensurePerson);

        organisations.create(new Organisation("acme", "Acme", Organisation.Kind.HOST, "Europe/Paris", "09:00-18:00"));
        organisations.create(new Organisation("globex", "Globex", Organisation.Kind.PARTNER, "America/New_York", "09:00-17:00"));
        organisations.create(new Organisation("initech", "Initech", Organisation.Kind.PARTNER, "America/Chicago", "08:30-17:00"));
        organisations.create(new Organisation("umbrella", "Umbrella", Organisation.Kind.PARTNER, "Europe/London", "09:00-17:30"));
        organisations.createWorkspace(new Workspace("acme-main", "acme", "Acme"));
        organisations.createWorkspace(new Workspace("acme-sales", "acme", "Acme Sales"));
        List.of("autumn-campaign", "general", "design-review").forEach(c -> channels.create("acme-main", c));
        List.of("deals", "sales-ops").forEach(c -> channels.create("acme-sales", c));

        LocalDate today = LocalDate.now(clock);
        ndas.record("globex", today, today.plusYears(1), "NDA-GLOBEX-001", "lena");
        ndas.record("umbrella", today.minusYears(2), today.minusYears(1), "NDA-UMBRELLA-007", "lena");

        policy.change(SharingPolicy.Mode.GROUPS, List.of(SHARERS), "admin");
    }

    private void ensureGroup(String id, String name) {
        if (identity.createGroupQuery().groupId(id).count() == 0) {
            var group = identity.newGroup(id);
            group.setName(name);
            group.setType(Groups.GROUP_TYPE_WORKFLOW);
            identity.saveGroup(group);
        }
    }

    private void ensurePerson(Person p) {
        if (identity.createUserQuery().userId(p.id()).count() == 0) {
            var user = identity.newUser(p.id());
            user.setFirstName(p.first());
            user.setLastName(p.last());
            user.setEmail(p.id() + "@acme.example");
            user.setPassword(p.id());
            identity.saveUser(user);
        }
        for (String group : p.groups()) {
            if (identity.createUserQuery().userId(p.id()).memberOfGroup(group).count() == 0) {
                identity.createMembership(p.id(), group);
            }
        }
    }
}

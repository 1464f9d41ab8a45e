package org.gatehouse.demo;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Groups;
import org.gatehouse.channels.ChannelService;
import org.gatehouse.channels.SharingPolicy;
import org.gatehouse.channels.SharingPolicyService;
import org.gatehouse.directory.Organisation;
import org.gatehouse.directory.OrganisationService;
import org.gatehouse.directory.Person;
import org.gatehouse.directory.PersonService;
import org.gatehouse.teams.TeamDraft;
import org.gatehouse.teams.TeamService;
import org.gatehouse.directory.Workspace;
import org.gatehouse.legal.NdaRegister;
import org.gatehouse.platform.GatehouseGroups;
import org.gatehouse.platform.TrustedCalls;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The demo: host Acme with two workspaces, four teams of experts (HR, Finance, Legal, IT), three partners (Globex with a valid NDA, Initech with none, Umbrella with
 * an expired one) and one account per role, password equal to the user id. Loaded once, on the {@code demo} profile
 * only; a restart on the same database finds it and leaves it as it is.
 */
@Component
@Profile("demo")
@Order(2)
class DemoData implements ApplicationRunner {

    static final String SHARERS = "external-sharers";

    private final IdentityService identity;
    private final PersonService people;
    private final OrganisationService organisations;
    private final ChannelService channels;
    private final NdaRegister ndas;
    private final SharingPolicyService policy;
    private final TeamService teams;
    private final Clock clock;

    DemoData(IdentityService identity, PersonService people, OrganisationService organisations, ChannelService channels,
            NdaRegister ndas, SharingPolicyService policy, TeamService teams, Clock clock) {
        this.identity = identity;
        this.people = people;
        this.organisations = organisations;
        this.channels = channels;
        this.ndas = ndas;
        this.policy = policy;
        this.teams = teams;
        this.clock = clock;
    }

    /** Demo employees; every active employee is a requester besides the roles listed here (auditors excepted). */
    private record Account(String id, String first, String last, String position, String department, List<String> roles) {
    }

    private static final List<Account> ACCOUNTS = List.of(
            new Account("admin", "Ada", "Admin", "IT administrator", "IT", List.of(Groups.CAMUNDA_ADMIN, GatehouseGroups.WORKSPACE_ADMINS,
                    // C6: the admin holds the Conversations Expert role from the start and is the first expert
                    GatehouseGroups.EXPERTS)),
            new Account("alice", "Alice", "Martin", "Account manager", "Sales", List.of(SHARERS)),
            new Account("dave", "Dave", "Dubois", "Project lead", "Marketing", List.of(SHARERS)),
            new Account("bob", "Bob", "Bernard", "Workspace admin", "IT", List.of(GatehouseGroups.WORKSPACE_ADMINS)),
            new Account("carol", "Carol", "Petit", "Workspace admin", "IT", List.of(GatehouseGroups.WORKSPACE_ADMINS)),
            new Account("lena", "Lena", "Laurent", "Legal counsel", "Legal", List.of(GatehouseGroups.LEGAL, GatehouseGroups.EXPERTS)),
            new Account("hana", "Hana", "Haddad", "HR partner", "HR", List.of(GatehouseGroups.EXPERTS)),
            new Account("finn", "Finn", "Fabre", "Accountant", "Finance", List.of(GatehouseGroups.EXPERTS)),
            new Account("ivy", "Ivy", "Imbert", "IT support", "IT", List.of(GatehouseGroups.EXPERTS)),
            new Account("aude", "Aude", "Audit", "Internal auditor", "Finance", List.of(GatehouseGroups.AUDITORS)),
            new Account("paul", "Paul", "Owner", "Process owner", "Operations", List.of(GatehouseGroups.PROCESS_OWNERS)));

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        if (organisations.find("acme").isPresent()) {
            return;
        }
        organisations.create(new Organisation("acme", "Acme", Organisation.Kind.HOST, "Europe/Paris", "09:00-18:00"));
        ACCOUNTS.forEach(this::createAccount);

        organisations.create(new Organisation("globex", "Globex", Organisation.Kind.PARTNER, "America/New_York", "09:00-17:00"));
        organisations.create(new Organisation("initech", "Initech", Organisation.Kind.PARTNER, "America/Chicago", "08:30-17:00"));
        organisations.create(new Organisation("umbrella", "Umbrella", Organisation.Kind.PARTNER, "Europe/London", "09:00-17:30"));
        List.of("acme", "globex", "initech", "umbrella").forEach(o -> organisations.assignEmailDomain(o, o + ".example"));
        organisations.createWorkspace(new Workspace("acme-main", "acme", "Acme", null));
        organisations.createWorkspace(new Workspace("acme-sales", "acme", "Acme Sales", null));
        List.of("autumn-campaign", "general", "design-review").forEach(c -> channels.create("acme-main", c));
        List.of("deals", "sales-ops").forEach(c -> channels.create("acme-sales", c));

        LocalDate today = LocalDate.now(clock);
        ndas.record("globex", today, today.plusYears(1), "NDA-GLOBEX-001", "lena");
        ndas.record("umbrella", today.minusYears(2), today.minusYears(1), "NDA-UMBRELLA-007", "lena");

        policy.change(SharingPolicy.Mode.GROUPS, List.of(SHARERS), null, "admin");

        // the four teams of employee requests (C8), each led by its expert; the routing decision names them
        team("hr", "HR", "hana", "Europe/Paris");
        team("finance", "Finance", "finn", "Europe/Paris");
        team("legal", "Legal", "lena", "Europe/Paris");
        team("it", "IT", "ivy", "America/New_York");
    }

    private void team(String slug, String name, String lead, String zone) {
        teams.create(new TeamDraft(slug, name, "09:00-18:00", zone, "PT4H", "PT16H", lead, List.of(lead)), "admin");
    }

    /**
     * Through the directory, like any employee; then the demo password, which the directory does not hold and only
     * Gatehouse itself or an admin may set.
     */
    private void createAccount(Account a) {
        people.save(new Person(a.id(), a.id(), a.first(), a.last(), a.id() + "@acme.example", a.position(), a.department(),
                null, "Paris", "Europe/Paris", Person.Status.ACTIVE, Person.Kind.EMPLOYEE, "acme", null, null));
        a.roles().forEach(role -> people.grantRole(a.id(), role, "demo"));
        TrustedCalls.run(() -> {
            var user = identity.createUserQuery().userId(a.id()).singleResult();
            user.setPassword(a.id());
            identity.saveUser(user);
        });
    }
}

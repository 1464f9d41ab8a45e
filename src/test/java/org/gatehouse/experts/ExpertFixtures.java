package org.gatehouse.experts;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.camunda.bpm.engine.ProcessEngine;
import org.gatehouse.channels.LocalChannelGateway;
import org.gatehouse.channels.OutboxMessages;
import org.gatehouse.channels.OutboxMessages.Sent;
import org.gatehouse.directory.Person;
import org.gatehouse.directory.PersonService;
import org.gatehouse.platform.GatehouseGroups;
import org.gatehouse.platform.TrustedCalls;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * What expert and team tests need: fresh employees who can sign in (the demo data is shared by every test of the
 * run), experts, the onboarding instance of an invitation and the link the invitee received.
 */
@Component
public class ExpertFixtures {

    private static final AtomicInteger COUNTER = new AtomicInteger();

    @Autowired ProcessEngine engine;
    @Autowired PersonService people;
    @Autowired LocalChannelGateway platform;
    @Autowired OutboxMessages outbox;

    /** An active employee, a requester like every employee, whose password is their id. */
    public String newEmployee() {
        String id = "xpert-" + COUNTER.incrementAndGet();
        people.save(new Person(id, id, "Xena", "Number " + id.substring(6), id + "@acme.example", "Analyst", "HR", null,
                "Paris", "Europe/Paris", Person.Status.ACTIVE, Person.Kind.EMPLOYEE, "acme", null, null));
        setPassword(id);
        return id;
    }

    /** A directory person's password, which only Gatehouse itself or an admin sets. */
    public void setPassword(String id) {
        var identity = engine.getIdentityService();
        TrustedCalls.run(() -> {
            var user = identity.createUserQuery().userId(id).singleResult();
            user.setPassword(id);
            identity.saveUser(user);
        });
    }

    /** An employee who holds the experts role already. */
    public String newExpert() {
        String id = newEmployee();
        people.grantRole(id, GatehouseGroups.EXPERTS, "admin");
        return id;
    }

    /** The token of the last invitation link sent to the person through the chat platform. */
    public String token(String personId) {
        return token(personId, "/expert-invitations/");
    }

    /** The token of the last link under {@code path} ("/approvals/") sent to the person. */
    public String token(String personId, String path) {
        return outbox.linkToken(personId, path);
    }

    /** An employee imported from HR who never signs in: no password, as the import leaves them. */
    public String newImportedEmployee() {
        String id = "hr-" + COUNTER.incrementAndGet();
        people.save(new Person(id, id, "Ivo", "Imported " + id.substring(3), id + "@acme.example", "Clerk", "Finance",
                null, "Paris", "Europe/Paris", Person.Status.ACTIVE, Person.Kind.EMPLOYEE, "acme", null, null),
                Person.Source.HR_IMPORT);
        return id;
    }

    public boolean isExpert(String personId) {
        return engine.getIdentityService().createUserQuery().userId(personId).memberOfGroup(GatehouseGroups.EXPERTS).count() == 1;
    }
}

package org.gatehouse.directory;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.AbstractAssertions;
import org.gatehouse.ProcessDriver;
import org.gatehouse.channels.ChatDelivery;
import org.gatehouse.channels.LocalChannelGateway;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * What expert and team tests need: fresh employees who can sign in (the demo data is shared by every test of the
 * run), experts, the onboarding instance of an invitation and the link the invitee received.
 */
@Component
public class ExpertFixtures {

    private static final AtomicInteger COUNTER = new AtomicInteger();
    private static final Pattern LINK = Pattern.compile("/expert-invitations/([A-Za-z0-9_-]+)");

    @Autowired ProcessEngine engine;
    @Autowired PersonService people;
    @Autowired LocalChannelGateway platform;

    public ProcessDriver driver() {
        AbstractAssertions.init(engine);
        return new ProcessDriver(engine);
    }

    /** An active employee, a requester like every employee, whose password is their id. */
    public String newEmployee() {
        String id = "xpert-" + COUNTER.incrementAndGet();
        people.save(new Person(id, id, "Xena", "Number " + id.substring(6), id + "@acme.example", "Analyst", "HR", null,
                "Paris", "Europe/Paris", Person.Status.ACTIVE, Person.Kind.EMPLOYEE, "acme", null, null));
        var identity = engine.getIdentityService();
        var user = identity.createUserQuery().userId(id).singleResult();
        user.setPassword(id);
        identity.saveUser(user);
        return id;
    }

    /** An employee who holds the experts role already. */
    public String newExpert() {
        String id = newEmployee();
        people.grantRole(id, RoleService.EXPERTS, "admin");
        return id;
    }

    public ProcessInstance instance(String invitationId) {
        return driver().instance(invitationId);
    }

    /** The token of the last link sent to the person through the chat platform. */
    public String token(String personId) {
        List<ChatDelivery> deliveries = platform.deliveriesTo(personId);
        for (int i = deliveries.size() - 1; i >= 0; i--) {
            Matcher link = LINK.matcher(deliveries.get(i).body());
            if (link.find()) {
                return link.group(1);
            }
        }
        throw new AssertionError("No invitation link was sent to " + personId);
    }

    public boolean isExpert(String personId) {
        return engine.getIdentityService().createUserQuery().userId(personId).memberOfGroup(RoleService.EXPERTS).count() == 1;
    }
}

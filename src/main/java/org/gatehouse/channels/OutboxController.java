package org.gatehouse.channels;

import java.security.Principal;
import java.util.List;

import org.gatehouse.directory.RoleService;
import org.gatehouse.platform.EmailAddresses;
import org.gatehouse.platform.ForbiddenException;
import org.gatehouse.platform.GatehouseGroups;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * What each person was sent, or would have been where mail is off: for {@code camunda-admin} alone, since messages
 * carry links that are credentials and people's words.
 */
@RestController
@RequestMapping("/api/outbox")
class OutboxController {

    private final Notifier notifier;
    private final RoleService roles;

    OutboxController(Notifier notifier, RoleService roles) {
        this.notifier = notifier;
        this.roles = roles;
    }

    /** Newest first; {@code recipient} is an e-mail address or a person's id. */
    @GetMapping
    List<Notification> list(@RequestParam(required = false) String recipient,
            @RequestParam(defaultValue = "100") int limit, Principal principal) {
        if (!roles.isMember(principal.getName(), GatehouseGroups.ADMINS)) {
            throw new ForbiddenException("Only admins read the outbox");
        }
        // addresses are kept in one form; a person's id is matched as it is
        String wanted = recipient == null || recipient.isBlank() ? null
                : recipient.contains("@") ? EmailAddresses.normalise(recipient) : recipient.strip();
        return notifier.outbox(wanted, Math.max(1, Math.min(limit, 500)));
    }
}

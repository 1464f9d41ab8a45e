package org.gatehouse.directory;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.IntConsumer;

import jakarta.validation.Validator;

import org.springframework.stereotype.Service;

/**
 * Imports the contacts of the chat integrations (C5), outside contacts included, through {@link DirectoryImport}: a
 * Slack {@code users.list} export ({@link SlackExport}) or a Teams member export ({@link TeamsExport}).
 *
 * <p>A contact whose e-mail address is a person's in the directory joins that person: the person is now known on the
 * platform too, and keeps everything else as HR (or whoever created them) gave it. Any other contact becomes a person
 * of kind CONTACT, with the id {@code slack-<Slack id>} or {@code teams-<object id>}, who never gets an account
 * (contacts are not users of Gatehouse), marked with their organisation: the host for members of the host's own
 * workspace or tenant; for outside contacts, the organisation that holds their e-mail domain, or else a new partner
 * organisation created for that domain. A contact's details follow the platform that created them on every
 * re-import; re-importing the same export changes nothing.
 */
@Service
public class ContactImport {

    /** The chat platforms whose contacts are imported. */
    public enum Platform {
        SLACK("slack", "Slack", "SLACK_CONTACTS", Person.Source.SLACK_IMPORT),
        TEAMS("teams", "Teams", "TEAMS_CONTACTS", Person.Source.TEAMS_IMPORT);

        private final String prefix;
        private final String label;
        private final String kind;
        private final Person.Source source;

        Platform(String prefix, String label, String kind, Person.Source source) {
            this.prefix = prefix;
            this.label = label;
            this.kind = kind;
            this.source = source;
        }

        /** The directory id of a contact that this platform brought in. */
        String personId(String platformId) {
            return prefix + "-" + platformId;
        }

        String idOf(Person person) {
            return this == SLACK ? person.slackUserId() : person.teamsUserId();
        }

        Person withId(Person person, String platformId) {
            return this == SLACK ? person.withSlackUserId(platformId) : person.withTeamsUserId(platformId);
        }
    }

    /** A person to save; when {@code newDomain} is set, their organisation is created for that domain first. */
    record Change(Person person, String newDomain) {
    }

    private final PersonService people;
    private final OrganisationService organisations;
    private final DirectoryImport imports;
    private final Validator validator;

    ContactImport(PersonService people, OrganisationService organisations, DirectoryImport imports, Validator validator) {
        this.people = people;
        this.organisations = organisations;
        this.imports = imports;
        this.validator = validator;
    }

    public ImportReport importContacts(Platform platform, InputStream in, String sourceName, String actor,
            IntConsumer progress) {
        return imports.run(platform.kind, sourceName, actor, progress,
                () -> platform == Platform.SLACK ? SlackExport.read(in) : TeamsExport.read(in),
                contacts -> check(platform, contacts), change -> apply(platform, change));
    }

    private DirectoryImport.Plan<Change> check(Platform platform, List<ChatContact> contacts) {
        RowCheck checks = new RowCheck(validator);
        List<ImportReport.Refusal> refusals = new ArrayList<>();
        List<Change> changes = new ArrayList<>();
        int skipped = 0;
        for (ChatContact contact : contacts) {
            if (contact.skipped()) {
                skipped++;
                continue;
            }
            List<String> problems = checks.validate(contact);
            checks.once("id", contact.id(), contact.id(), contact.line(), problems);
            String email = contact.email() == null ? null : PersonRepository.key(contact.email());
            checks.once("email", contact.email(), email, contact.line(), problems);
            if (problems.isEmpty() && contact.outside() && !OrganisationService.isDomainName(domainOf(email))) {
                problems.add("email " + contact.email() + " has no domain name to find the contact's organisation by");
            }
            Optional<Person> known = Optional.empty();
            if (problems.isEmpty()) {
                Optional<Person> byId = platform == Platform.SLACK ? people.findBySlackId(contact.id())
                        : people.findByTeamsId(contact.id());
                Optional<Person> byEmail = people.findByEmail(email);
                if (byId.isPresent() && byEmail.isPresent() && !byId.get().id().equals(byEmail.get().id())) {
                    problems.add("email " + contact.email() + " belongs to " + byEmail.get().id() + " in the directory, but "
                            + platform.label + " user " + contact.id() + " is " + byId.get().id());
                } else if (byId.isEmpty() && byEmail.isPresent() && platform.idOf(byEmail.get()) != null) {
                    problems.add("email " + contact.email() + " belongs to " + byEmail.get().id() + ", who is "
                            + platform.label + " user " + platform.idOf(byEmail.get()) + " already");
                }
                known = byId.or(() -> byEmail);
            }
            if (!problems.isEmpty()) {
                refusals.add(new ImportReport.Refusal(contact.line(), String.join("; ", problems)));
            } else {
                changes.add(change(platform, contact, known.orElse(null)));
            }
        }
        return new DirectoryImport.Plan<>(changes, refusals, skipped);
    }

    /**
     * Someone the directory knew before this platform did joins the contact and keeps their details; a contact this
     * platform brought in takes the export's details.
     */
    private Change change(Platform platform, ChatContact contact, Person known) {
        String personId = platform.personId(contact.id());
        if (known != null && !known.id().equals(personId)) {
            return new Change(platform.withId(known, contact.id()), null);
        }
        String domain = domainOf(PersonRepository.key(contact.email()));
        Optional<Organisation> organisation = contact.outside() ? organisations.findByEmailDomain(domain)
                : Optional.of(organisations.host());
        String timeZone = contact.timeZone() != null && EmployeeImport.validZone(contact.timeZone()) ? contact.timeZone() : null;
        Person person = new Person(personId, null, contact.firstName(), contact.lastName(), contact.email(),
                contact.position(), null, null, null, timeZone, Person.Status.ACTIVE, Person.Kind.CONTACT,
                organisation.map(Organisation::id).orElse(null), known == null ? null : known.slackUserId(),
                known == null ? null : known.teamsUserId());
        return new Change(platform.withId(person, contact.id()), organisation.isPresent() ? null : domain);
    }

    /** Saves the change, creating the outside contact's partner organisation first when their domain is new. */
    private PersonService.Outcome apply(Platform platform, Change change) {
        Person p = change.person();
        if (change.newDomain() != null) {
            String organisationId = organisations.organisationForDomain(change.newDomain()).id();
            p = new Person(p.id(), p.employeeId(), p.firstName(), p.lastName(), p.email(), p.position(), p.department(),
                    p.supervisorId(), p.office(), p.timeZone(), p.status(), p.kind(), organisationId, p.slackUserId(),
                    p.teamsUserId());
        }
        return people.save(p, platform.source);
    }

    private static String domainOf(String email) {
        return email.substring(email.lastIndexOf('@') + 1);
    }
}

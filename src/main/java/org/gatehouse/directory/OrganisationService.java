package org.gatehouse.directory;

import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

import org.gatehouse.platform.ConflictException;
import org.gatehouse.platform.InvalidInputException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The host organisation, its workspaces and the partner organisations it works with. */
@Service
public class OrganisationService {

    /** Until a partner tells us otherwise, its working day is assumed to be the host's. */
    private static final String DEFAULT_WORKING_HOURS = "09:00-17:00";
    private static final Pattern DOMAIN = Pattern.compile("(?i)[a-z0-9]([a-z0-9-]*[a-z0-9])?(\\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)+");

    private final OrganisationRepository organisations;

    OrganisationService(OrganisationRepository organisations) {
        this.organisations = organisations;
    }

    public Optional<Organisation> find(String id) {
        return organisations.findById(id);
    }

    public Organisation get(String id) {
        return organisations.findById(id).orElseThrow(() -> new IllegalStateException("No organisation " + id));
    }

    public Optional<Organisation> findByName(String name) {
        return organisations.findByName(name);
    }

    public Optional<Organisation> findHost() {
        return organisations.findByKind(Organisation.Kind.HOST).stream().findFirst();
    }

    public Organisation host() {
        return organisations.findByKind(Organisation.Kind.HOST).stream().findFirst()
                .orElseThrow(() -> new IllegalStateException("No host organisation is set up"));
    }

    public List<Organisation> partners() {
        return organisations.findByKind(Organisation.Kind.PARTNER);
    }

    /** The last end of this partner's partnership, if it ever ended; a new partnership may follow it. */
    public Optional<PartnershipEnd> partnershipEnd(String partnerId) {
        return organisations.findPartnershipEnd(partnerId);
    }

    /** Its record says when the partnership ended, who asked and confirmed, and whether direct messages stay open. */
    @Transactional
    public void recordPartnershipEnd(String partnerId, PartnershipEnd end) {
        if (get(partnerId).kind() != Organisation.Kind.PARTNER) {
            throw new IllegalStateException(partnerId + " is not a partner: only a partnership ends");
        }
        organisations.updatePartnershipEnd(partnerId, end);
    }

    /** A request names its partner freely (A2); a name seen for the first time becomes a partner organisation. */
    @Transactional
    public Organisation partnerNamed(String name) {
        Optional<Organisation> existing = organisations.findByName(name);
        if (existing.isPresent()) {
            if (existing.get().kind() != Organisation.Kind.PARTNER) {
                throw new InvalidInputException("partnerOrganisation", "'" + name + "' is the host organisation, not a partner");
            }
            return existing.get();
        }
        var partner = new Organisation(slug(name), name.trim(), Organisation.Kind.PARTNER, host().timeZone(),
                DEFAULT_WORKING_HOURS);
        organisations.insert(partner);
        return partner;
    }

    /** The organisation whose people have e-mail addresses at {@code domain} (compared without case). */
    public Optional<Organisation> findByEmailDomain(String domain) {
        return organisations.findByEmailDomain(domainKey(domain));
    }

    /** Says that people with e-mail addresses at {@code domain} belong to the organisation; one organisation per domain. */
    @Transactional
    public void assignEmailDomain(String organisationId, String domain) {
        if (!isDomainName(domain)) {
            throw new InvalidInputException("emailDomain", "'" + domain + "' is not a domain name (such as globex.example)");
        }
        Organisation organisation = get(organisationId);
        Optional<Organisation> holder = findByEmailDomain(domain);
        if (holder.isPresent() && !holder.get().id().equals(organisation.id())) {
            throw new ConflictException("emailDomain", domain + " already belongs to " + holder.get().name());
        }
        organisations.setEmailDomain(organisation.id(), domainKey(domain));
    }

    /**
     * The organisation of an outside contact whose address is at {@code domain}: the one holding the domain, or else a
     * new partner named after it (an admin may rename it once its real name is known).
     */
    @Transactional
    public Organisation organisationForDomain(String domain) {
        return findByEmailDomain(domain).orElseGet(() -> {
            Organisation partner = partnerNamed(domainKey(domain));
            assignEmailDomain(partner.id(), domain);
            return partner;
        });
    }

    /** An admin sets up the host (there is one) or a partner; ids, names and domains are unique. */
    @Transactional
    public Organisation register(OrganisationDraft draft) {
        try {
            java.time.ZoneId.of(draft.timeZone());
        } catch (java.time.DateTimeException e) {
            throw new InvalidInputException("timeZone", "'" + draft.timeZone() + "' is not a time zone (such as Europe/Paris)");
        }
        if (draft.kind() == Organisation.Kind.HOST && !organisations.findByKind(Organisation.Kind.HOST).isEmpty()) {
            throw new ConflictException("kind", "The host organisation is already set up: " + host().name());
        }
        if (find(draft.id()).isPresent()) {
            throw new ConflictException("id", "There is already an organisation " + draft.id());
        }
        if (findByName(draft.name()).isPresent()) {
            throw new ConflictException("name", "There is already an organisation named " + draft.name());
        }
        Organisation organisation = create(new Organisation(draft.id(), draft.name().trim(), draft.kind(), draft.timeZone(),
                draft.workingHours()));
        if (draft.emailDomain() != null && !draft.emailDomain().isBlank()) {
            assignEmailDomain(organisation.id(), draft.emailDomain());
        }
        return organisation;
    }

    /** Workspaces belong to the host. */
    @Transactional
    public Workspace registerWorkspace(WorkspaceDraft draft) {
        if (organisations.findByKind(Organisation.Kind.HOST).isEmpty()) {
            throw new ConflictException("organisation", "Set up the host organisation before its workspaces");
        }
        if (findWorkspace(draft.id()).isPresent()) {
            throw new ConflictException("id", "There is already a workspace " + draft.id());
        }
        if (draft.slackTeamId() != null && workspaces().stream().anyMatch(w -> draft.slackTeamId().equals(w.slackTeamId()))) {
            throw new ConflictException("slackTeamId", "Another workspace is the Slack workspace " + draft.slackTeamId());
        }
        return createWorkspace(new Workspace(draft.id(), host().id(), draft.name().trim(), draft.slackTeamId()));
    }

    @Transactional
    public Organisation create(Organisation organisation) {
        organisations.insert(organisation);
        return organisation;
    }

    public Workspace workspace(String id) {
        return organisations.findWorkspace(id)
                .orElseThrow(() -> new InvalidInputException("workspace", "There is no workspace '" + id + "'"));
    }

    public Optional<Workspace> findWorkspace(String id) {
        return organisations.findWorkspace(id);
    }

    public List<Workspace> workspaces() {
        return organisations.findWorkspaces();
    }

    @Transactional
    public Workspace createWorkspace(Workspace workspace) {
        organisations.insertWorkspace(workspace);
        return workspace;
    }

    static boolean isDomainName(String domain) {
        return domain != null && domain.length() <= 253 && DOMAIN.matcher(domain.trim()).matches();
    }

    static String domainKey(String domain) {
        return domain.trim().toLowerCase(Locale.ROOT);
    }

    static String slug(String name) {
        String ascii = Normalizer.normalize(name, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        String slug = ascii.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
        return slug.isEmpty() ? "partner" : slug.substring(0, Math.min(slug.length(), 64));
    }
}

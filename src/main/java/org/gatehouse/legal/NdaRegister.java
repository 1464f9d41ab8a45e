package org.gatehouse.legal;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.gatehouse.platform.InvalidInputException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The NDAs signed with partner organisations (A3). Whether an NDA is good enough for a project is the DMN decision
 * {@code nda-check}; this register only says what is on file.
 */
@Service
public class NdaRegister {

    private static final String COLUMNS = "id, organisation_id, signed_on, expires_on, document_ref, recorded_by";

    private final JdbcClient jdbc;
    private final Clock clock;

    NdaRegister(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** The NDA that runs longest, expired or not: the decision needs to tell "expired" from "missing". */
    public Optional<Nda> latest(String organisationId) {
        return jdbc.sql("select " + COLUMNS + " from nda where organisation_id = ? order by expires_on desc")
                .param(organisationId).query(Nda.class).list().stream().findFirst();
    }

    public List<Nda> all(String organisationId) {
        return jdbc.sql("select " + COLUMNS + " from nda where organisation_id = ? order by expires_on desc")
                .param(organisationId).query(Nda.class).list();
    }

    @Transactional
    public Nda record(String organisationId, LocalDate signedOn, LocalDate expiresOn, String documentRef, String recordedBy) {
        if (signedOn == null) {
            throw new InvalidInputException("ndaSignedOn", "The signing date is required");
        }
        if (expiresOn == null) {
            throw new InvalidInputException("ndaExpiresOn", "The expiry date is required");
        }
        if (!expiresOn.isAfter(signedOn)) {
            throw new InvalidInputException("ndaExpiresOn", "The NDA must expire after it was signed");
        }
        if (signedOn.isAfter(LocalDate.now(clock))) {
            throw new InvalidInputException("ndaSignedOn", "The signing date cannot lie in the future");
        }
        if (documentRef == null || documentRef.isBlank()) {
            throw new InvalidInputException("ndaDocumentRef", "The document reference is required");
        }
        var nda = new Nda(UUID.randomUUID().toString(), organisationId, signedOn, expiresOn, documentRef.trim(), recordedBy);
        jdbc.sql("insert into nda (id, organisation_id, signed_on, expires_on, document_ref, recorded_by, recorded_at) "
                        + "values (?, ?, ?, ?, ?, ?, ?)")
                .params(nda.id(), organisationId, signedOn, expiresOn, nda.documentRef(), recordedBy, LocalDateTime.now(clock))
                .update();
        return nda;
    }
}

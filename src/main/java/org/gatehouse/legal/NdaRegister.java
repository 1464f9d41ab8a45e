package org.gatehouse.legal;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.gatehouse.platform.InvalidInputException;
import org.gatehouse.platform.ResultPage;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The NDAs signed with partner organisations (A3). Whether an NDA is good enough for a project is the DMN decision
 * {@code nda-check}; this register only says what is on file.
 */
@Service
public class NdaRegister {

    private static final String COLUMNS = "id, organisation_id, signed_on, expires_on, document_ref, recorded_by, "
            + "recorded_at";

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

    public Optional<Nda> find(String id) {
        return jdbc.sql("select " + COLUMNS + " from nda where id = ?").param(id).query(Nda.class).optional();
    }

    /** A page of the register, latest expiry first: every organisation's, or one's where {@code organisationId} is set. */
    public ResultPage<Nda> list(String organisationId, int page, int size) {
        ResultPage.check(page, size);
        String where = organisationId == null ? "" : " where organisation_id = :organisation";
        Map<String, Object> params = organisationId == null ? Map.of() : Map.of("organisation", organisationId);
        long total = jdbc.sql("select count(*) from nda" + where).params(params).query(Long.class).single();
        List<Nda> entries = jdbc.sql("select " + COLUMNS + " from nda" + where + " order by expires_on desc, id "
                        + "offset :offset rows fetch next :size rows only").params(params)
                .param("offset", ResultPage.offset(page, size)).param("size", size).query(Nda.class).list();
        return new ResultPage<>(entries, page, size, total);
    }

    @Transactional
    public Nda record(String organisationId, LocalDate signedOn, LocalDate expiresOn, String documentRef, String recordedBy) {
        if (signedOn == null) {
            throw new InvalidInputException("signedOn", "The signing date is required");
        }
        if (expiresOn == null) {
            throw new InvalidInputException("expiresOn", "The expiry date is required");
        }
        if (!expiresOn.isAfter(signedOn)) {
            throw new InvalidInputException("expiresOn", "The NDA must expire after it was signed");
        }
        if (signedOn.isAfter(LocalDate.now(clock))) {
            throw new InvalidInputException("signedOn", "The signing date cannot lie in the future");
        }
        if (documentRef == null || documentRef.isBlank()) {
            throw new InvalidInputException("documentRef", "The document reference is required");
        }
        var nda = new Nda(UUID.randomUUID().toString(), organisationId, signedOn, expiresOn, documentRef.trim(), recordedBy,
                LocalDateTime.now(clock));
        jdbc.sql("insert into nda (" + COLUMNS + ") values (?, ?, ?, ?, ?, ?, ?)")
                .params(nda.id(), organisationId, signedOn, expiresOn, nda.documentRef(), recordedBy, nda.recordedAt())
                .update();
        return nda;
    }
}

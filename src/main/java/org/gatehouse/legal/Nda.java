package org.gatehouse.legal;

import java.time.LocalDate;

public record Nda(String id, String organisationId, LocalDate signedOn, LocalDate expiresOn, String documentRef,
        String recordedBy) {
}

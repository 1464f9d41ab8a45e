package org.gatehouse.legal;

import java.time.LocalDate;
import java.time.LocalDateTime;

public record Nda(String id, String organisationId, LocalDate signedOn, LocalDate expiresOn, String documentRef,
        String recordedBy, LocalDateTime recordedAt) {
}

package org.gatehouse.legal;

import java.time.LocalDate;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** An NDA to put on file, ahead of any request: with whom, signed and ending when, and where the document is. */
public record NdaDraft(
        @NotBlank @Size(max = 64) String organisationId,
        @NotNull LocalDate signedOn,
        @NotNull LocalDate expiresOn,
        @NotBlank @Size(max = 500) String documentRef) {
}

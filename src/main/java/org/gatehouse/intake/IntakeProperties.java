package org.gatehouse.intake;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * @param refusedExcerpt how much of a refused message is kept (of its text, and of an e-mail as received), beside the
 *                       size of the whole: enough for an expert to see what it was, never a megabyte they must scroll
 */
@Validated
@ConfigurationProperties("gatehouse.intake")
public record IntakeProperties(@NotNull DataSize refusedExcerpt) {

    @AssertTrue(message = "refused-excerpt must be between 1KB and 1MB")
    boolean isRefusedExcerptReasonable() {
        return refusedExcerpt == null
                || (refusedExcerpt.toBytes() >= 1024 && refusedExcerpt.toBytes() <= DataSize.ofMegabytes(1).toBytes());
    }

    /** The excerpt's length, in characters. */
    int excerptLength() {
        return (int) refusedExcerpt.toBytes();
    }
}

package org.gatehouse.platform;

import java.util.Map;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * How big a request body to {@code /api/**}, {@code /engine-rest/**} and {@code /slack/**} may be; a bigger one is
 * refused with 413 before anything reads it.
 *
 * @param maxBodySize  the limit of every body
 * @param largerBodies paths (and the paths under them) with a limit of their own, such as the directory's imports
 */
@Validated
@ConfigurationProperties("gatehouse.http")
public record BodyLimits(@NotNull DataSize maxBodySize, Map<String, DataSize> largerBodies) {

    public BodyLimits {
        largerBodies = largerBodies == null ? Map.of() : Map.copyOf(largerBodies);
    }

    /** The limit of a body sent to {@code path} (the path within the application). */
    long limitFor(String path) {
        return largerBodies.entrySet().stream()
                .filter(e -> path.equals(e.getKey()) || path.startsWith(e.getKey() + "/"))
                .mapToLong(e -> e.getValue().toBytes()).max().orElse(maxBodySize.toBytes());
    }

    @AssertTrue(message = "every body limit must be positive and under 2GB")
    boolean isEveryLimitUsable() {
        return maxBodySize == null || (usable(maxBodySize) && largerBodies.values().stream().allMatch(BodyLimits::usable));
    }

    private static boolean usable(DataSize size) {
        return size != null && size.toBytes() > 0 && size.toBytes() < Integer.MAX_VALUE;
    }
}

package org.gatehouse.platform;

import java.util.List;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * The installation's signing key ({@link InstallationKey}).
 *
 * @param key         the Ed25519 private key, PKCS#8, as PEM or as the base64 of its DER form; the same on every
 *                    instance and kept out of the database, whose rewriting its signatures are there to show
 *                    (generated when none is set: {@link InstallationSecrets})
 * @param trustedKeys fingerprints of other keys whose signatures this installation accepts as its own: an earlier key
 *                    of its own, or another installation's
 */
@Validated
@ConfigurationProperties("gatehouse.signing")
record SigningSettings(
        @NotBlank String key,
        List<@Pattern(regexp = InstallationKey.FINGERPRINT, message = "must be sha256: and 64 lower-case hex digits")
                String> trustedKeys) {

    static final String KEY = "gatehouse.signing.key";

    SigningSettings {
        trustedKeys = trustedKeys == null ? List.of() : List.copyOf(trustedKeys);
    }
}

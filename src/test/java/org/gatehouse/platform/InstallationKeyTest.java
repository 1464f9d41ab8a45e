package org.gatehouse.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;

import org.junit.jupiter.api.Test;

/** The installation's signing key, read as PEM or bare base64, its public key derived, its signatures checked. */
class InstallationKeyTest {

    private static final byte[] MESSAGE = "the header, the count and the last hash".getBytes(StandardCharsets.UTF_8);

    @Test
    void theKeyReadsAsPemOrBase64AndGivesItsOwnPublicKey() throws Exception {
        KeyPair pair = KeyPairGenerator.getInstance(InstallationKey.ALGORITHM).generateKeyPair();
        String base64 = Base64.getEncoder().encodeToString(pair.getPrivate().getEncoded());
        String pem = "-----BEGIN PRIVATE KEY-----\n" + base64 + "\n-----END PRIVATE KEY-----\n";

        for (String text : List.of(base64, pem)) {
            InstallationKey key = new InstallationKey(new SigningSettings(text, null));
            assertThat(key.publicKey().getEncoded()).isEqualTo(pair.getPublic().getEncoded());
            assertThat(InstallationKey.verifies(pair.getPublic(), MESSAGE, key.sign(MESSAGE))).isTrue();
        }
        String fingerprint = "sha256:" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                .digest(pair.getPublic().getEncoded()));
        assertThat(InstallationKey.fingerprint(pair.getPublic())).isEqualTo(fingerprint);
        assertThat(InstallationKey.publicKey(Base64.getEncoder().encodeToString(pair.getPublic().getEncoded())))
                .isEqualTo(pair.getPublic());
    }

    @Test
    void itTrustsItsOwnKeyAndTheConfiguredOnes() {
        String other = "sha256:" + "ab".repeat(32);
        InstallationKey key = new InstallationKey(new SigningSettings(InstallationKey.generate(), List.of(other)));
        assertThat(key.trustedFingerprints()).containsExactlyInAnyOrder(key.fingerprint(), other);
        assertThat(key.fingerprint()).matches(InstallationKey.FINGERPRINT);
    }

    @Test
    void aSignatureOverAnotherMessageOrWithAnotherKeyDoesNotVerify() {
        InstallationKey key = new InstallationKey(new SigningSettings(InstallationKey.generate(), null));
        InstallationKey other = new InstallationKey(new SigningSettings(InstallationKey.generate(), null));
        byte[] signature = key.sign(MESSAGE);
        assertThat(InstallationKey.verifies(key.publicKey(), "another".getBytes(StandardCharsets.UTF_8), signature))
                .isFalse();
        assertThat(InstallationKey.verifies(other.publicKey(), MESSAGE, signature)).isFalse();
        assertThat(InstallationKey.verifies(key.publicKey(), MESSAGE, new byte[3])).isFalse();
    }

    @Test
    void aKeyThatDoesNotReadStopsTheStartNamingTheSettingNotTheValue() {
        String rsa = "MIIBVgIBADANBgkqhkiG9w0BAQEFAASCAUAwggE8AgEAAkEA";
        assertThatThrownBy(() -> new InstallationKey(new SigningSettings(rsa, null)))
                .hasMessageContaining("gatehouse.signing.key").hasMessageNotContaining(rsa);
        assertThat(InstallationKey.readable("not a key")).isFalse();
    }
}

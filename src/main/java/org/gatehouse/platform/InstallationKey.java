package org.gatehouse.platform;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.interfaces.EdECPrivateKey;
import java.security.spec.NamedParameterSpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.Set;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.stereotype.Component;

/**
 * The installation's own Ed25519 key pair, which signs what Gatehouse hands out as evidence (the auditors' exports),
 * so that a file can be shown to come from this installation unchanged. The private key is a setting
 * ({@link SigningSettings}); the public key is derived from it and named by its fingerprint, {@code sha256:} and the
 * hex SHA-256 of its X.509 form ({@code openssl pkey -pubout -outform DER | sha256sum} gives the same). The static
 * methods check a signature without Spring, for the verifiers.
 */
@Component
public class InstallationKey {

    public static final String ALGORITHM = "Ed25519";
    static final String FINGERPRINT = "sha256:[0-9a-f]{64}";
    private static final String PEM_BEGIN = "-----BEGIN PRIVATE KEY-----";
    private static final String PEM_END = "-----END PRIVATE KEY-----";
    private static final Log LOG = LogFactory.getLog(InstallationKey.class);

    private final PrivateKey privateKey;
    private final PublicKey publicKey;
    private final Set<String> trusted = new LinkedHashSet<>();

    InstallationKey(SigningSettings settings) {
        try {
            this.privateKey = privateKey(settings.key());
        } catch (IllegalArgumentException e) {
            // the message names the setting, never its value
            throw new IllegalStateException(SigningSettings.KEY + " is not an " + ALGORITHM + " private key (PKCS#8, as "
                    + "PEM or base64); " + e.getMessage());
        }
        this.publicKey = publicKeyOf(privateKey);
        trusted.add(fingerprint(publicKey));
        trusted.addAll(settings.trustedKeys());
        LOG.info("This installation signs with key " + fingerprint());
    }

    public byte[] sign(byte[] message) {
        return sign(privateKey, message);
    }

    public PublicKey publicKey() {
        return publicKey;
    }

    public String fingerprint() {
        return fingerprint(publicKey);
    }

    /** This installation's own key first, then the keys its settings trust besides. */
    public Set<String> trustedFingerprints() {
        return Set.copyOf(trusted);
    }

    public static String fingerprint(PublicKey key) {
        try {
            return "sha256:" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(key.getEncoded()));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A public key from the base64 of its X.509 form, as {@link PublicKey#getEncoded()} gives it. */
    public static PublicKey publicKey(String base64) {
        try {
            return KeyFactory.getInstance(ALGORITHM).generatePublic(new X509EncodedKeySpec(Base64.getDecoder()
                    .decode(base64)));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalArgumentException("not an " + ALGORITHM + " public key", e);
        }
    }

    public static byte[] sign(PrivateKey key, byte[] message) {
        try {
            Signature signature = Signature.getInstance(ALGORITHM);
            signature.initSign(key);
            signature.update(message);
            return signature.sign();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    public static boolean verifies(PublicKey key, byte[] message, byte[] signature) {
        try {
            Signature verifier = Signature.getInstance(ALGORITHM);
            verifier.initVerify(key);
            verifier.update(message);
            return verifier.verify(signature);
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    /** A new private key as PEM, which {@code openssl pkey} reads too. */
    static String generate() {
        try {
            byte[] pkcs8 = KeyPairGenerator.getInstance(ALGORITHM).generateKeyPair().getPrivate().getEncoded();
            return PEM_BEGIN + "\n" + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                    .encodeToString(pkcs8) + "\n" + PEM_END + "\n";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static boolean readable(String key) {
        try {
            privateKey(key);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** PEM, or the bare base64 of the DER form (one line, for an environment variable). */
    static PrivateKey privateKey(String text) {
        String base64 = text.replace(PEM_BEGIN, "").replace(PEM_END, "").replaceAll("\\s", "");
        try {
            return KeyFactory.getInstance(ALGORITHM).generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder()
                    .decode(base64)));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalArgumentException("it does not read as one");
        }
    }

    /**
     * Java 17 has no call that derives an Ed25519 public key from its private key; its generator does, from the 32
     * random bytes it draws as the private key. Handed the private key as those bytes, it gives the pair back.
     */
    private static PublicKey publicKeyOf(PrivateKey key) {
        byte[] seed = ((EdECPrivateKey) key).getBytes().orElseThrow();
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance(ALGORITHM);
            generator.initialize(NamedParameterSpec.ED25519, new SecureRandom() {
                @Override
                public void nextBytes(byte[] bytes) {
                    System.arraycopy(seed, 0, bytes, 0, bytes.length);
                }
            });
            var pair = generator.generateKeyPair();
            if (!Arrays.equals(((EdECPrivateKey) pair.getPrivate()).getBytes().orElseThrow(), seed)) {
                throw new IllegalStateException("The " + ALGORITHM + " generator did not take the private key as given");
            }
            return pair.getPublic();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}

package org.gatehouse.platform;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.stream.Stream;

import org.apache.commons.logging.Log;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.boot.logging.DeferredLogFactory;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * The secrets of an installation that configures none, each generated once, kept in {@code gatehouse.secrets-dir}
 * beside the data, readable by its owner only, and read again at every start, so that they survive a restart while
 * no two installations, and no copy of the repository, share one: the links' secret (32 random bytes) and the signing
 * key ({@link InstallationKey}). A configured {@code gatehouse.links.secret}, or one of its old names, and a
 * configured {@code gatehouse.signing.key} win (the {@code postgres} profile requires both), and so nothing is written
 * for them then. A secret is never logged, only where it is kept.
 */
public class InstallationSecrets implements EnvironmentPostProcessor, Ordered {

    static final String LINK_SECRET = LinkSettings.SECRET.name();
    static final String SECRETS_DIR = "gatehouse.secrets-dir";
    static final String DEFAULT_DIR = "./data/secrets";
    static final String FILE = "link-secret";
    static final String KEY_FILE = "signing-key.pem";
    private static final int MIN_LENGTH = 32;

    /**
     * A secret kept for the installation: the setting it feeds (and the other names that configure it), its file,
     * what it is (for the messages), how a new one is made and whether a kept one is whole.
     */
    private record Kept(String property, List<String> otherNames, String file, String what, Supplier<String> make,
            Predicate<String> whole) {
    }

    private static final List<Kept> KEPT = List.of(
            new Kept(LINK_SECRET, LinkSettings.SECRET.oldNames(), FILE, "link secret", InstallationSecrets::randomSecret,
                    secret -> secret.length() >= MIN_LENGTH),
            new Kept(SigningSettings.KEY, List.of(), KEY_FILE, "signing key", InstallationKey::generate,
                    InstallationKey::readable));
    private static final FileAttribute<?> OWNER_ONLY_DIR = PosixFilePermissions.asFileAttribute(
            PosixFilePermissions.fromString("rwx------"));
    private static final FileAttribute<?> OWNER_ONLY_FILE = PosixFilePermissions.asFileAttribute(
            PosixFilePermissions.fromString("rw-------"));

    private final Log log;

    public InstallationSecrets(DeferredLogFactory logs) {
        this.log = logs.getLog(InstallationSecrets.class);
    }

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        Path dir = Path.of(environment.getProperty(SECRETS_DIR, DEFAULT_DIR));
        Map<String, Object> generated = new LinkedHashMap<>();
        for (Kept kept : KEPT) {
            if (Stream.concat(Stream.of(kept.property()), kept.otherNames().stream())
                    .noneMatch(environment::containsProperty)) {
                generated.put(kept.property(), read(dir, kept));
            }
        }
        if (!generated.isEmpty()) {
            environment.getPropertySources().addLast(new MapPropertySource("gatehouse-installation-secrets", generated));
        }
    }

    /** After the configuration files, so that their secret, when they name one, is seen. */
    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }

    /** The secret kept in {@code dir}, made there on first use and read as it is on every later start. */
    private String read(Path dir, Kept kept) {
        Path file = dir.resolve(kept.file());
        try {
            if (!Files.exists(file)) {
                create(dir, file, kept);
            }
            String secret = Files.readString(file, StandardCharsets.UTF_8).strip();
            if (!kept.whole().test(secret)) {
                throw new IllegalStateException(file.toAbsolutePath() + " holds no " + kept.what() + " as Gatehouse "
                        + "makes it: delete it to have a new one generated, or set " + kept.property());
            }
            return secret;
        } catch (IOException e) {
            throw new UncheckedIOException("The " + kept.what() + " cannot be kept in " + dir.toAbsolutePath() + " (set "
                    + SECRETS_DIR + " or " + kept.property() + ")", e);
        }
    }

    private void create(Path dir, Path file, Kept kept) throws IOException {
        boolean posix = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
        if (posix) {
            Files.createDirectories(dir, OWNER_ONLY_DIR);
        } else {
            Files.createDirectories(dir);
        }
        String secret = kept.make().get();
        try {
            // created with its final rights before a byte is written, and never over an existing secret
            Files.createFile(file, posix ? new FileAttribute<?>[] {OWNER_ONLY_FILE} : new FileAttribute<?>[0]);
        } catch (FileAlreadyExistsException e) {
            return;
        }
        try (OutputStream out = Files.newOutputStream(file)) {
            out.write(secret.getBytes(StandardCharsets.UTF_8));
        }
        log.info("Generated this installation's " + kept.what() + " in " + file.toAbsolutePath());
    }

    private static String randomSecret() {
        byte[] random = new byte[32];
        new SecureRandom().nextBytes(random);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(random);
    }
}

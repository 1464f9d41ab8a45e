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
import java.util.Map;
import java.util.stream.Stream;

import org.apache.commons.logging.Log;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.boot.logging.DeferredLogFactory;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * The links' secret of an installation that configures none: generated once (32 random bytes), kept in
 * {@code gatehouse.secrets-dir} beside the data, readable by its owner only, and read again at every start, so links
 * survive a restart while no two installations, and no copy of the repository, share a key. A configured
 * {@code gatehouse.links.secret}, or one of its old names (the {@code postgres} profile requires one), wins, and so
 * nothing is written then. The secret is never logged, only where it is kept.
 */
public class InstallationSecrets implements EnvironmentPostProcessor, Ordered {

    static final String LINK_SECRET = LinkSettings.SECRET.name();
    static final String SECRETS_DIR = "gatehouse.secrets-dir";
    static final String DEFAULT_DIR = "./data/secrets";
    static final String FILE = "link-secret";
    private static final int MIN_LENGTH = 32;
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
        if (Stream.concat(Stream.of(LINK_SECRET), LinkSettings.SECRET.oldNames().stream())
                .anyMatch(environment::containsProperty)) {
            return;
        }
        Path dir = Path.of(environment.getProperty(SECRETS_DIR, DEFAULT_DIR));
        environment.getPropertySources().addLast(new MapPropertySource("gatehouse-installation-secrets",
                Map.of(LINK_SECRET, linkSecret(dir))));
    }

    /** After the configuration files, so that their secret, when they name one, is seen. */
    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }

    /** The secret kept in {@code dir}, made there on first use and read as it is on every later start. */
    String linkSecret(Path dir) {
        Path file = dir.resolve(FILE);
        try {
            if (!Files.exists(file)) {
                create(dir, file);
            }
            String secret = Files.readString(file, StandardCharsets.UTF_8).strip();
            if (secret.length() < MIN_LENGTH) {
                throw new IllegalStateException(file.toAbsolutePath() + " holds no link secret of " + MIN_LENGTH
                        + "+ characters: delete it to have a new one generated, or set " + LINK_SECRET);
            }
            return secret;
        } catch (IOException e) {
            throw new UncheckedIOException("The link secret cannot be kept in " + dir.toAbsolutePath() + " (set "
                    + SECRETS_DIR + " or " + LINK_SECRET + ")", e);
        }
    }

    private void create(Path dir, Path file) throws IOException {
        boolean posix = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
        if (posix) {
            Files.createDirectories(dir, OWNER_ONLY_DIR);
        } else {
            Files.createDirectories(dir);
        }
        byte[] random = new byte[32];
        new SecureRandom().nextBytes(random);
        String secret = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        try {
            // created with its final rights before a byte is written, and never over an existing secret
            Files.createFile(file, posix ? new FileAttribute<?>[] {OWNER_ONLY_FILE} : new FileAttribute<?>[0]);
        } catch (FileAlreadyExistsException e) {
            return;
        }
        try (OutputStream out = Files.newOutputStream(file)) {
            out.write(secret.getBytes(StandardCharsets.UTF_8));
        }
        log.info("Generated this installation's link secret in " + file.toAbsolutePath());
    }
}

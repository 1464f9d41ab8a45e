package org.gatehouse.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import org.apache.commons.logging.LogFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.mock.env.MockEnvironment;

/** The link secret and the signing key an installation generates for itself when none is configured. */
@ExtendWith(OutputCaptureExtension.class)
class InstallationSecretsTest {

    private final InstallationSecrets secrets = new InstallationSecrets(destination -> LogFactory.getLog(InstallationSecrets.class));

    @Test
    void generatedOnceOwnerOnlyReusedOnTheNextStartAndNeverLogged(@TempDir Path data, CapturedOutput output)
            throws IOException {
        Path dir = data.resolve("secrets");
        String first = start(dir).getProperty(InstallationSecrets.LINK_SECRET);
        Path file = dir.resolve("link-secret");

        assertThat(first).hasSizeGreaterThanOrEqualTo(43).as("32 random bytes, base64").matches("[A-Za-z0-9_-]+");
        assertThat(Files.readString(file)).isEqualTo(first);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir))).isEqualTo("rwx------");
        assertThat(start(dir).getProperty(InstallationSecrets.LINK_SECRET)).as("the next start").isEqualTo(first);
        assertThat(start(data.resolve("other")).getProperty(InstallationSecrets.LINK_SECRET)).as("another installation")
                .isNotEqualTo(first);
        assertThat(output).contains(file.toAbsolutePath().toString()).doesNotContain(first);
    }

    @Test
    void theSigningKeyIsGeneratedOnceOwnerOnlyAsPemAndNeverLogged(@TempDir Path data, CapturedOutput output)
            throws IOException {
        Path dir = data.resolve("secrets");
        String first = start(dir).getProperty(SigningSettings.KEY);
        Path file = dir.resolve(InstallationSecrets.KEY_FILE);

        assertThat(first).startsWith("-----BEGIN PRIVATE KEY-----").endsWith("-----END PRIVATE KEY-----");
        assertThat(InstallationKey.readable(first)).isTrue();
        assertThat(Files.readString(file).strip()).isEqualTo(first);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(start(dir).getProperty(SigningSettings.KEY)).as("the next start").isEqualTo(first);
        assertThat(start(data.resolve("other")).getProperty(SigningSettings.KEY)).as("another installation")
                .isNotEqualTo(first);
        String body = first.lines().filter(line -> !line.startsWith("-----")).findFirst().orElseThrow();
        assertThat(output).contains(file.toAbsolutePath().toString()).doesNotContain(body);
    }

    @Test
    void configuredSecretsWinAndNothingIsWritten(@TempDir Path data) {
        var environment = new MockEnvironment().withProperty(InstallationSecrets.SECRETS_DIR, data.toString())
                .withProperty(InstallationSecrets.LINK_SECRET, "${GATEHOUSE_INVITATION_SECRET}")
                .withProperty(SigningSettings.KEY, "${GATEHOUSE_SIGNING_KEY}");
        secrets.postProcessEnvironment(environment, new SpringApplication());
        assertThat(data).isEmptyDirectory();
    }

    @Test
    void eachSecretIsGeneratedAloneWhereOnlyTheOtherIsConfigured(@TempDir Path data) {
        var environment = new MockEnvironment().withProperty(InstallationSecrets.SECRETS_DIR, data.toString())
                .withProperty(InstallationSecrets.LINK_SECRET, "an-operators-secret-of-at-least-32-characters");
        secrets.postProcessEnvironment(environment, new SpringApplication());
        assertThat(data.resolve(InstallationSecrets.KEY_FILE)).exists();
        assertThat(data.resolve(InstallationSecrets.FILE)).doesNotExist();
        assertThat(environment.getProperty(InstallationSecrets.LINK_SECRET))
                .isEqualTo("an-operators-secret-of-at-least-32-characters");
    }

    @Test
    void aSecretUnderAnOldNameWinsToo(@TempDir Path data) {
        for (String oldName : LinkSettings.SECRET.oldNames()) {
            var environment = new MockEnvironment().withProperty(InstallationSecrets.SECRETS_DIR, data.toString())
                    .withProperty(oldName, "an-operators-secret-of-at-least-32-characters");
            secrets.postProcessEnvironment(environment, new SpringApplication());
            assertThat(environment.containsProperty(InstallationSecrets.LINK_SECRET)).as(oldName).isFalse();
        }
        assertThat(data.resolve(InstallationSecrets.FILE)).doesNotExist();
    }

    @Test
    void aDamagedSecretStopsTheStartNamingTheFileNotItsContent(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("link-secret"), "short-one\n");
        assertThatThrownBy(() -> start(dir)).hasMessageContaining(dir.resolve("link-secret").toAbsolutePath().toString())
                .hasMessageNotContaining("short-one");
        Files.writeString(dir.resolve("link-secret"), "a-link-secret-of-at-least-32-characters\n");
        Files.writeString(dir.resolve(InstallationSecrets.KEY_FILE), "MC4CAQAwBQYDK2VwBCIEIPyxgPUAAHfo\n");
        assertThatThrownBy(() -> start(dir)).hasMessageContaining(dir.resolve(InstallationSecrets.KEY_FILE)
                .toAbsolutePath().toString()).hasMessageNotContaining("MC4CAQAwBQYDK2VwBCIEIPyxgPUAAHfo");
    }

    private MockEnvironment start(Path dir) {
        var environment = new MockEnvironment().withProperty(InstallationSecrets.SECRETS_DIR, dir.toString());
        secrets.postProcessEnvironment(environment, new SpringApplication());
        return environment;
    }
}

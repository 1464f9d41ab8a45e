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

/** The link secret an installation generates for itself when none is configured. */
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
    void aConfiguredSecretWinsAndNothingIsWritten(@TempDir Path data) {
        var environment = new MockEnvironment().withProperty(InstallationSecrets.SECRETS_DIR, data.toString())
                .withProperty(InstallationSecrets.LINK_SECRET, "${GATEHOUSE_INVITATION_SECRET}");
        secrets.postProcessEnvironment(environment, new SpringApplication());
        assertThat(data).isEmptyDirectory();
    }

    @Test
    void aSecretUnderAnOldNameWinsToo(@TempDir Path data) {
        for (String oldName : LinkSettings.SECRET.oldNames()) {
            var environment = new MockEnvironment().withProperty(InstallationSecrets.SECRETS_DIR, data.toString())
                    .withProperty(oldName, "an-operators-secret-of-at-least-32-characters");
            secrets.postProcessEnvironment(environment, new SpringApplication());
            assertThat(environment.containsProperty(InstallationSecrets.LINK_SECRET)).as(oldName).isFalse();
        }
        assertThat(data).isEmptyDirectory();
    }

    @Test
    void aDamagedSecretStopsTheStartNamingTheFileNotItsContent(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("link-secret"), "short-one\n");
        assertThatThrownBy(() -> start(dir)).hasMessageContaining(dir.resolve("link-secret").toAbsolutePath().toString())
                .hasMessageNotContaining("short-one");
    }

    private MockEnvironment start(Path dir) {
        var environment = new MockEnvironment().withProperty(InstallationSecrets.SECRETS_DIR, dir.toString());
        secrets.postProcessEnvironment(environment, new SpringApplication());
        return environment;
    }
}

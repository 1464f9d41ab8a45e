package org.gatehouse.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.core.env.StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;

import org.apache.commons.logging.LogFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.env.SystemEnvironmentPropertySourceEnvironmentPostProcessor;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.springframework.core.io.ClassPathResource;

/**
 * The links' one settings shape ({@code gatehouse.links}) as start-up binds it, from Gatehouse's own configuration
 * files and an operator's settings under every name they may already use: an operator's settings are a contract.
 * A small context that binds {@link LinkSettings} alone, after the two environment post-processors that feed it.
 */
class LinkSettingsTest {

    private static final String SECRET = "an-operators-secret-of-at-least-32-characters";
    private static final String OTHER = "another-operators-secret-of-32-characters-too";
    private static final SpringApplication APPLICATION = new SpringApplication();

    @TempDir Path secrets;
    /** The last environment prepared: a context that failed to start no longer gives its own. */
    private ConfigurableEnvironment prepared;

    @EnableConfigurationProperties(LinkSettings.class)
    static class Bound {
    }

    /** How an operator sets things: environment variables, and the command line (which wins over them). */
    private record Operator(Map<String, Object> variables, Map<String, Object> commandLine) {

        static Operator inEnvironment(Object... pairs) {
            return new Operator(map(pairs), Map.of());
        }

        static Operator onCommandLine(Object... pairs) {
            return new Operator(Map.of(), map(pairs));
        }

        private static Map<String, Object> map(Object... pairs) {
            Map<String, Object> map = new HashMap<>();
            for (int i = 0; i < pairs.length; i += 2) {
                map.put((String) pairs[i], pairs[i + 1]);
            }
            return map;
        }
    }

    @Test
    void theNewNamesBind() {
        demo(Operator.onCommandLine("gatehouse.links.secret", SECRET, "gatehouse.links.public-base-url", "https://gh.acme.example"),
                settings -> assertThat(settings).isEqualTo(new LinkSettings(SECRET, "https://gh.acme.example")));
    }

    /** The names operators may already use, written out: each still sets what it set, over the demo's defaults. */
    @ParameterizedTest
    @CsvSource({
            "gatehouse.access.invitation-secret, an-operators-secret-of-at-least-32-characters",
            "gatehouse.experts.invitation-secret, an-operators-secret-of-at-least-32-characters",
            "gatehouse.approvals.link-secret, an-operators-secret-of-at-least-32-characters",
            "gatehouse.access.public-base-url, https://gh.acme.example",
            "gatehouse.experts.public-base-url, https://gh.acme.example",
            "gatehouse.approvals.public-base-url, https://gh.acme.example"})
    void eachOldNameStillSetsItsSetting(String oldName, String value) {
        boolean secret = LinkSettings.SECRET.oldNames().contains(oldName);
        assertThat(secret || LinkSettings.PUBLIC_BASE_URL.oldNames().contains(oldName)).as("an alias").isTrue();
        demo(Operator.onCommandLine(oldName, value),
                settings -> assertThat(secret ? settings.secret() : settings.publicBaseUrl()).isEqualTo(value));
    }

    @Test
    void withoutAnyNameTheDemosUrlIsLocal() {
        demo(Operator.onCommandLine(), settings -> assertThat(settings.publicBaseUrl()).isEqualTo("http://localhost:8080"));
    }

    @Test
    void anOldNameGivenAsAnEnvironmentVariableWorksToo() {
        demo(Operator.inEnvironment("GATEHOUSE_APPROVALS_LINKSECRET", SECRET, "GATEHOUSE_EXPERTS_PUBLICBASEURL", "https://gh.acme.example"),
                settings -> assertThat(settings).isEqualTo(new LinkSettings(SECRET, "https://gh.acme.example")));
    }

    @Test
    void thePostgresProfileTakesGatehouseInvitationSecretAndGatehousePublicUrl() {
        postgres(Operator.inEnvironment("GATEHOUSE_INVITATION_SECRET", SECRET, "GATEHOUSE_PUBLIC_URL", "https://gh.acme.example"),
                context -> assertThat(context.getBean(LinkSettings.class))
                        .isEqualTo(new LinkSettings(SECRET, "https://gh.acme.example")));
    }

    @Test
    void onPostgresAnOldNameTheOperatorGivesStillWinsOverTheProfilesVariable() {
        postgres(Operator.inEnvironment("GATEHOUSE_ACCESS_INVITATIONSECRET", SECRET, "GATEHOUSE_ACCESS_PUBLICBASEURL", "https://gh.acme.example"),
                context -> assertThat(context.getBean(LinkSettings.class))
                        .isEqualTo(new LinkSettings(SECRET, "https://gh.acme.example")));
    }

    @Test
    void thePostgresProfileRefusesToStartWithoutASecretNamingTheVariable() {
        postgres(Operator.inEnvironment(), context -> {
            assertThat(context).hasFailed();
            assertThat(analysis(context)).contains("    GATEHOUSE_INVITATION_SECRET is not set (gatehouse.links.secret)");
            assertThat(secrets).as("nothing generated where a secret is required").isEmptyDirectory();
        });
    }

    @Test
    void aShortSecretIsRefusedNamingWhatTheOperatorSet() {
        postgres(Operator.inEnvironment("GATEHOUSE_INVITATION_SECRET", "short"), context -> assertThat(analysis(context))
                .contains("    GATEHOUSE_INVITATION_SECRET (gatehouse.links.secret): must be at least 32 characters"));
        postgres(Operator.inEnvironment("GATEHOUSE_EXPERTS_INVITATIONSECRET", "short"), context -> assertThat(analysis(context))
                .contains("    GATEHOUSE_EXPERTS_INVITATIONSECRET (gatehouse.links.secret): must be at least 32 characters"));
    }

    @Test
    void theNewNameWinsOverAnOldOneInTheSameSourceAndTheMoreSpecificSourceWinsOverAll() {
        demo(Operator.onCommandLine("gatehouse.links.secret", SECRET, "gatehouse.access.invitation-secret", OTHER),
                settings -> assertThat(settings.secret()).isEqualTo(SECRET));
        demo(new Operator(Map.of("GATEHOUSE_LINKS_SECRET", OTHER), Map.of("gatehouse.approvals.link-secret", SECRET)),
                settings -> assertThat(settings.secret()).as("the command line over the environment").isEqualTo(SECRET));
    }

    @Test
    void oldNamesThatDisagreeStopStartUpNamingThem() {
        assertThatThrownBy(() -> environment(Operator.onCommandLine("gatehouse.access.invitation-secret", SECRET,
                "gatehouse.approvals.link-secret", OTHER), "application.yaml"))
                .hasMessageContaining("gatehouse.access.invitation-secret and gatehouse.approvals.link-secret differ")
                .hasMessageContaining("gatehouse.links.secret").hasMessageNotContaining(SECRET).hasMessageNotContaining(OTHER);
        assertThatThrownBy(() -> environment(Operator.inEnvironment("GATEHOUSE_PUBLIC_URL", "https://partners.acme.example",
                "GATEHOUSE_EXPERTS_PUBLICBASEURL", "https://intranet.acme.example"), "application-postgres.yaml",
                "application.yaml"))
                .hasMessageContaining("gatehouse.experts.public-base-url and GATEHOUSE_PUBLIC_URL differ");
        demo(Operator.onCommandLine("gatehouse.access.invitation-secret", SECRET, "gatehouse.experts.invitation-secret", SECRET),
                settings -> assertThat(settings.secret()).as("agreeing old names").isEqualTo(SECRET));
    }

    @Test
    void withoutAnySecretTheDemoGeneratesOneUnderTheNewName() throws IOException {
        demo(Operator.onCommandLine(), settings -> {
            try {
                assertThat(settings.secret()).isEqualTo(Files.readString(secrets.resolve(InstallationSecrets.FILE)));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        try (var generated = Files.list(secrets)) {
            assertThat(generated.map(file -> file.getFileName().toString())).as("the installation's own secrets alone")
                    .containsExactlyInAnyOrder(InstallationSecrets.FILE, InstallationSecrets.KEY_FILE);
        }
    }

    private void demo(Operator operator, Consumer<LinkSettings> check) {
        run(operator, context -> {
            assertThat(context).hasNotFailed();
            check.accept(context.getBean(LinkSettings.class));
        }, "application.yaml");
    }

    private void postgres(Operator operator, Consumer<AssertableApplicationContext> check) {
        run(operator, check::accept, "application-postgres.yaml", "application.yaml");
    }

    private void run(Operator operator, Consumer<AssertableApplicationContext> check, String... files) {
        new ApplicationContextRunner()
                .withInitializer(context -> prepare(context.getEnvironment(), operator, files))
                .withUserConfiguration(Bound.class)
                .run(check::accept);
    }

    private ConfigurableEnvironment environment(Operator operator, String... files) {
        var environment = new StandardEnvironment();
        prepare(environment, operator, files);
        return environment;
    }

    /**
     * The environment as Spring Boot prepares it, most specific first: the command line, the environment variables,
     * the configuration files (a profile's before application.yaml); then the post-processors that Gatehouse
     * registers.
     */
    private void prepare(ConfigurableEnvironment environment, Operator operator, String... files) {
        prepared = environment;
        var sources = environment.getPropertySources();
        sources.replace(SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
                new SystemEnvironmentPropertySource(SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, operator.variables()));
        // Spring Boot's own, which tells where a variable's value came from
        new SystemEnvironmentPropertySourceEnvironmentPostProcessor().postProcessEnvironment(environment, APPLICATION);
        sources.addFirst(new MapPropertySource("commandLineArgs", operator.commandLine()));
        for (String file : files) {
            try {
                new YamlPropertySourceLoader().load(file, new ClassPathResource(file)).forEach(sources::addLast);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        sources.addFirst(new MapPropertySource("test", Map.of(InstallationSecrets.SECRETS_DIR, secrets.toString())));
        ConfigurationPropertySources.attach(environment);
        new LinkSettingAliases().postProcessEnvironment(environment, APPLICATION);
        new InstallationSecrets(destination -> LogFactory.getLog(InstallationSecrets.class))
                .postProcessEnvironment(environment, APPLICATION);
    }

    private String analysis(AssertableApplicationContext context) {
        return new MissingSettingFailureAnalyzer(prepared).analyze(context.getStartupFailure()).getDescription();
    }
}

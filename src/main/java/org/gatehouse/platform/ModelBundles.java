package org.gatehouse.platform;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.repository.Deployment;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Gatehouse's models deploy as one bundle ({@link ModelBundle}) on one path, checked by {@link ModelBundleCheck}: the
 * jar's own bundle when the engine starts, and a process owner's through {@code POST /api/models/deployments} or
 * {@code --deploy-models}. Who wins is the version: a bundle deploys only when it is newer than the latest deployed
 * one, so a restart leaves an owner's newer deployment in place and a newer jar replaces an older owner's bundle.
 */
@Service
public class ModelBundles extends AbstractProcessEnginePlugin {

    static final String DEPLOYMENT_NAME = "gatehouse-models";
    private static final Logger LOG = LoggerFactory.getLogger(ModelBundles.class);

    private final DeploymentGuard guard;
    private ProcessEngine engine;

    ModelBundles(DeploymentGuard guard) {
        this.guard = guard;
    }

    /** What a deployment answers: the engine's deployment and the bundle's version. */
    public record Deployed(String id, String name, String version, List<String> resources) {
    }

    /** The jar's bundle, as the engine starts: only when it is newer than what is deployed. */
    @Override
    public void postProcessEngineBuild(ProcessEngine processEngine) {
        this.engine = processEngine;
        ModelBundle own = ModelBundle.fromClasspath();
        Optional<String> latest = latestVersion();
        if (latest.isPresent() && ModelBundle.NEWER.compare(own.version(), latest.get()) <= 0) {
            LOG.info("Models: the deployed bundle {} is kept; this jar's is {}", latest.get(), own.version());
            return;
        }
        Deployed deployed = deploy(own);
        LOG.info("Models: deployed this jar's bundle {} as {}", deployed.version(), deployed.id());
    }

    /** Checks and deploys a bundle as the signed-in person (the engine's user operation log names them). */
    public Deployed deploy(ModelBundle bundle) {
        var refusals = guard.bundleCheck().refusals(bundle.resources(), latestVersion());
        if (!refusals.isEmpty()) {
            throw new ModelChangeRefusedException("The bundle", refusals);
        }
        Deployment deployment = TrustedCalls.run(() -> {
            var builder = engine.getRepositoryService().createDeployment().name(DEPLOYMENT_NAME).source(DEPLOYMENT_NAME);
            bundle.resources().forEach((name, content) -> builder.addInputStream(name, new java.io.ByteArrayInputStream(content)));
            return builder.deploy();
        });
        return new Deployed(deployment.getId(), deployment.getName(), bundle.version(),
                List.copyOf(bundle.resources().keySet()));
    }

    public Optional<String> latestVersion() {
        return TrustedCalls.run(() -> latestVersion(engine.getRepositoryService()));
    }

    /** The version of the newest deployment that carries one (older deployments, made before bundles, carry none). */
    static Optional<String> latestVersion(RepositoryService repository) {
        for (Deployment deployment : repository.createDeploymentQuery().orderByDeploymentTime().desc().list()) {
            if (repository.getDeploymentResourceNames(deployment.getId()).contains(ModelBundle.VERSION_FILE)) {
                try (InputStream in = repository.getResourceAsStream(deployment.getId(), ModelBundle.VERSION_FILE)) {
                    Optional<String> version = ModelBundle.versionOf(Map.of(ModelBundle.VERSION_FILE, in.readAllBytes()));
                    if (version.isPresent()) {
                        return version;
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }
        return Optional.empty();
    }
}

package org.gatehouse.platform;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.ExitCodeGenerator;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ApplicationContext;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * {@code java -jar gatehouse.jar --server.port=0 --deploy-models=bpmn/}: deploys the folder as one bundle through the
 * same check as the API, prints the deployment or every reason it is refused, and exits (1 when refused).
 */
@Component
@Order(0)
class ModelDeployCommand implements ApplicationRunner {

    static final String OPTION = "deploy-models";

    private final ModelBundles bundles;
    private final ApplicationContext context;

    ModelDeployCommand(ModelBundles bundles, ApplicationContext context) {
        this.bundles = bundles;
        this.context = context;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!args.containsOption(OPTION) || args.getOptionValues(OPTION).isEmpty()) {
            return;
        }
        int code = deploy(Path.of(args.getOptionValues(OPTION).get(0)), System.out);
        System.exit(SpringApplication.exit(context, (ExitCodeGenerator) () -> code));
    }

    /** Prints the deployment, or every reason the folder is refused; answers 0 when deployed, else 1. */
    int deploy(Path folder, PrintStream out) {
        if (!Files.isDirectory(folder)) {
            out.println("REFUSED " + folder + ": not a folder");
            return 1;
        }
        try {
            var deployed = bundles.deploy(ModelBundle.fromDirectory(folder));
            out.printf("DEPLOYED bundle %s as %s: %s%n", deployed.version(), deployed.id(),
                    String.join(", ", deployed.resources()));
            return 0;
        } catch (ModelChangeRefusedException e) {
            out.println("REFUSED " + folder + ", nothing is deployed:");
            e.reasons().forEach(reason -> out.println("- " + reason));
            return 1;
        }
    }
}

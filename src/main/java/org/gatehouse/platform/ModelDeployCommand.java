package org.gatehouse.platform;

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
        Path folder = Path.of(args.getOptionValues(OPTION).get(0));
        int code;
        if (!Files.isDirectory(folder)) {
            System.out.println("REFUSED " + folder + ": not a folder");
            code = 1;
        } else {
            try {
                var deployed = bundles.deploy(ModelBundle.fromDirectory(folder));
                System.out.printf("DEPLOYED bundle %s as %s: %s%n", deployed.version(), deployed.id(),
                        String.join(", ", deployed.resources()));
                code = 0;
            } catch (ModelChangeRefusedException e) {
                System.out.println("REFUSED " + folder + ", nothing is deployed:");
                e.reasons().forEach(reason -> System.out.println("- " + reason));
                code = 1;
            }
        }
        int exit = code;
        System.exit(SpringApplication.exit(context, (ExitCodeGenerator) () -> exit));
    }
}

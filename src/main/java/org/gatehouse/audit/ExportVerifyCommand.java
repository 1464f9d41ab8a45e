package org.gatehouse.audit;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;

import org.gatehouse.platform.InstallationKey;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.ExitCodeGenerator;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ApplicationContext;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * {@code java -jar gatehouse.jar --server.port=0 --verify-export=FILE} (the option may repeat): checks each export
 * against this installation's key and the keys its settings trust ({@link ExportVerifier}), prints
 * {@code INTACT} (entries, range, last hash, key) or {@code BROKEN} with the first line that is not as written, and
 * exits (1 when any file is broken).
 */
@Component
@Order(20)
class ExportVerifyCommand implements ApplicationRunner {

    static final String OPTION = "verify-export";

    private final InstallationKey key;
    private final ApplicationContext context;

    ExportVerifyCommand(InstallationKey key, ApplicationContext context) {
        this.key = key;
        this.context = context;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!args.containsOption(OPTION) || args.getOptionValues(OPTION).isEmpty()) {
            return;
        }
        int code = verify(args.getOptionValues(OPTION).stream().map(Path::of).toList(), System.out);
        System.exit(SpringApplication.exit(context, (ExitCodeGenerator) () -> code));
    }

    /** Prints one verdict per file; answers 0 when every file is intact, else 1. */
    int verify(List<Path> files, PrintStream out) {
        ExportVerifier verifier = new ExportVerifier(key.trustedFingerprints());
        boolean intact = true;
        for (Path file : files) {
            try {
                ExportVerifier.Verdict verdict = verifier.verify(file);
                out.println(verdict.report(file.toString()));
                intact &= verdict.intact();
            } catch (IOException e) {
                out.println("BROKEN " + file + ": cannot be read (" + e + ")");
                intact = false;
            }
        }
        return intact ? 0 : 1;
    }
}

package org.gatehouse.audit;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

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
 * {@code INTACT} (entries, range, last hash, key) or {@code BROKEN} with the first line that is not as written; of
 * exports from the same start, {@code HOLDS} or {@code REWRITTEN} for whether the longest holds the others unchanged;
 * and exits (1 when any file is broken or rewritten).
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

    /**
     * Prints one verdict per file and, for intact files that share their genesis (the installation, the range's start
     * and the filters), whether the one with the most entries holds each of the others unchanged: its hash at their
     * last entry is their last hash. Answers 0 when every file is intact and held, else 1.
     */
    int verify(List<Path> files, PrintStream out) {
        ExportVerifier verifier = new ExportVerifier(key.trustedFingerprints());
        boolean intact = true;
        Map<String, List<Checked>> sameStart = new LinkedHashMap<>();
        for (Path file : files) {
            try {
                ExportVerifier.Verdict verdict = verifier.verify(file);
                out.println(verdict.report(file.toString()));
                intact &= verdict.intact();
                if (verdict.intact()) {
                    sameStart.computeIfAbsent(verdict.header().genesis(), genesis -> new ArrayList<>())
                            .add(new Checked(file, verdict));
                }
            } catch (IOException e) {
                out.println("BROKEN " + file + ": cannot be read (" + e + ")");
                intact = false;
            }
        }
        for (List<Checked> group : sameStart.values()) {
            intact &= group.size() < 2 || holds(verifier, group, out);
        }
        return intact ? 0 : 1;
    }

    private record Checked(Path file, ExportVerifier.Verdict verdict) {
    }

    private static boolean holds(ExportVerifier verifier, List<Checked> group, PrintStream out) {
        Checked longest = group.stream().max(Comparator.comparingLong(checked -> checked.verdict().count())).orElseThrow();
        Set<Long> counts = group.stream().map(checked -> checked.verdict().count()).collect(Collectors.toSet());
        Map<Long, String> hashes;
        try {
            hashes = verifier.verify(longest.file(), counts).hashes();
        } catch (IOException e) {
            out.println("BROKEN " + longest.file() + ": cannot be read again (" + e + ")");
            return false;
        }
        boolean held = true;
        for (Checked other : group) {
            if (other == longest) {
                continue;
            }
            long count = other.verdict().count();
            if (other.verdict().lastHash().equals(hashes.get(count))) {
                out.println("HOLDS " + longest.file() + " holds " + other.file() + " unchanged: its first " + count
                        + " entries");
            } else {
                out.println("REWRITTEN " + longest.file() + " does not hold " + other.file() + " as it was: their first "
                        + count + " entries differ");
                held = false;
            }
        }
        return held;
    }
}

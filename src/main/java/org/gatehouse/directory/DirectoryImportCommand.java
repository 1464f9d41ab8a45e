package org.gatehouse.directory;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.ExitCodeGenerator;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ApplicationContext;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * {@code java -jar gatehouse.jar --server.port=0 --import-employees=hr-export.csv}, and likewise
 * {@code --import-slack-contacts=users.json} and {@code --import-teams-contacts=members.csv}: imports the files as an
 * admin would through the API (employees first, so that contacts can join them), prints progress and the reports,
 * and exits (1 when a file is refused; the files after it are not imported). The engine's REST starter needs the web
 * server, so the command runs one on a free port for the few seconds it takes.
 */
@Component
@Order(10)
class DirectoryImportCommand implements ApplicationRunner {

    static final String EMPLOYEES = "import-employees";
    static final String SLACK = "import-slack-contacts";
    static final String TEAMS = "import-teams-contacts";

    private final EmployeeImport employees;
    private final ContactImport contacts;
    private final ApplicationContext context;

    DirectoryImportCommand(EmployeeImport employees, ContactImport contacts, ApplicationContext context) {
        this.employees = employees;
        this.contacts = contacts;
        this.context = context;
    }

    @Override
    public void run(ApplicationArguments args) throws Exception {
        if (!args.containsOption(EMPLOYEES) && !args.containsOption(SLACK) && !args.containsOption(TEAMS)) {
            return;
        }
        boolean completed = true;
        for (String option : List.of(EMPLOYEES, SLACK, TEAMS)) {
            List<String> files = args.getOptionValues(option);
            if (completed && files != null && !files.isEmpty()) {
                completed = importFile(option, Path.of(files.get(0)));
            }
        }
        int code = completed ? 0 : 1;
        System.exit(SpringApplication.exit(context, (ExitCodeGenerator) () -> code));
    }

    private boolean importFile(String option, Path file) throws IOException {
        String name = file.getFileName().toString();
        ImportReport report;
        try (InputStream in = Files.newInputStream(file)) {
            report = switch (option) {
                case EMPLOYEES -> employees.importEmployees(in, name.toLowerCase(Locale.ROOT).endsWith(".json")
                        ? EmployeeImport.Format.JSON : EmployeeImport.Format.CSV, name, "command-line", this::progress);
                case SLACK -> contacts.importContacts(ContactImport.Platform.SLACK, in, name, "command-line", this::progress);
                default -> contacts.importContacts(ContactImport.Platform.TEAMS, in, name, "command-line", this::progress);
            };
        }
        System.out.printf("%s %s: %d rows, %d created, %d updated, %d unchanged, %d skipped, %d refused%n", report.status(),
                file, report.totalRows(), report.created(), report.updated(), report.unchanged(), report.skipped(),
                report.refused());
        report.refusals().forEach(r -> System.out.println("line " + r.line() + ": " + r.reason()));
        return "COMPLETED".equals(report.status());
    }

    private void progress(int processed) {
        System.out.println("imported " + processed + " rows");
    }
}

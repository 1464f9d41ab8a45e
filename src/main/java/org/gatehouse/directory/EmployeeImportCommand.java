package org.gatehouse.directory;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.ExitCodeGenerator;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ApplicationContext;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * {@code java -jar gatehouse.jar --server.port=0 --import-employees=hr-export.csv}: imports the file as an admin
 * would through the API, prints progress and the report, and exits (1 when refused). The engine's REST starter
 * needs the web server, so the command runs one on a free port for the few seconds it takes.
 */
@Component
@Order(10)
class EmployeeImportCommand implements ApplicationRunner {

    static final String OPTION = "import-employees";

    private final EmployeeImport employees;
    private final ApplicationContext context;

    EmployeeImportCommand(EmployeeImport employees, ApplicationContext context) {
        this.employees = employees;
        this.context = context;
    }

    @Override
    public void run(ApplicationArguments args) throws Exception {
        List<String> files = args.getOptionValues(OPTION);
        if (files == null || files.isEmpty()) {
            return;
        }
        Path file = Path.of(files.get(0));
        var format = file.toString().toLowerCase().endsWith(".json") ? EmployeeImport.Format.JSON : EmployeeImport.Format.CSV;
        ImportReport report;
        try (InputStream in = Files.newInputStream(file)) {
            report = employees.importEmployees(in, format, file.getFileName().toString(), "command-line",
                    processed -> System.out.println("imported " + processed + " rows"));
        }
        System.out.printf("%s %s: %d rows, %d created, %d updated, %d unchanged, %d refused%n", report.status(),
                file, report.totalRows(), report.created(), report.updated(), report.unchanged(), report.refused());
        report.refusals().forEach(r -> System.out.println("line " + r.line() + ": " + r.reason()));
        int code = "COMPLETED".equals(report.status()) ? 0 : 1;
        System.exit(SpringApplication.exit(context, (ExitCodeGenerator) () -> code));
    }
}

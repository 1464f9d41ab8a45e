package org.gatehouse.directory;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.security.Principal;
import java.util.Map;
import java.util.Set;
import java.util.function.IntConsumer;

import org.gatehouse.platform.ForbiddenException;
import org.gatehouse.platform.GatehouseGroups;
import org.gatehouse.platform.InvalidInputException;
import org.gatehouse.platform.ResultPage;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The directory, for admins: imports (HR, Slack and Teams), people, their status and roles. */
@RestController
@RequestMapping("/api/directory")
class DirectoryController {

    private final EmployeeImport employees;
    private final ContactImport contacts;
    private final DirectoryImport imports;
    private final PersonService people;
    private final RoleService roles;

    DirectoryController(EmployeeImport employees, ContactImport contacts, DirectoryImport imports, PersonService people,
            RoleService roles) {
        this.employees = employees;
        this.contacts = contacts;
        this.imports = imports;
        this.people = people;
        this.roles = roles;
    }

    /**
     * An import, the file as the body. {@code kind=employees} (the default): an HR export, {@code text/csv} or
     * {@code application/json}; {@code kind=slack}: a Slack {@code users.list} export (JSON); {@code kind=teams}: a
     * Teams member export (CSV). A refused file is 422 with the report, and changes nothing.
     */
    @PostMapping(path = "/imports", consumes = {"text/csv", MediaType.APPLICATION_JSON_VALUE})
    ResponseEntity<Object> importFile(@RequestBody byte[] file, @RequestHeader("Content-Type") MediaType type,
            @RequestParam(defaultValue = "employees") String kind, @RequestParam(defaultValue = "upload") String source,
            Principal principal) {
        requireAdmin(principal);
        var in = new ByteArrayInputStream(file);
        String admin = principal.getName();
        IntConsumer progress = processed -> { };
        ImportReport report = switch (kind) {
            case "employees" -> employees.importEmployees(in, type.isCompatibleWith(MediaType.APPLICATION_JSON)
                    ? EmployeeImport.Format.JSON : EmployeeImport.Format.CSV, source, admin, progress);
            case "slack" -> contacts.importContacts(ContactImport.Platform.SLACK, in, source, admin, progress);
            case "teams" -> contacts.importContacts(ContactImport.Platform.TEAMS, in, source, admin, progress);
            default -> throw new InvalidInputException("kind", "'" + kind + "' is not a kind of import: employees, slack or teams");
        };
        if ("REFUSED".equals(report.status())) {
            var problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_ENTITY,
                    report.refused() + " row(s) refused: nothing was imported");
            problem.setProperty("report", report);
            problem.setProperty("errors", report.refusals().stream()
                    .map(r -> Map.of("field", "line " + r.line(), "message", r.reason())).toList());
            return ResponseEntity.unprocessableEntity().contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
        }
        return ResponseEntity.created(URI.create("/api/directory/imports/" + report.id())).body(report);
    }

    /** The imports, newest first, with their counts and progress (a running one's {@code processed} grows). */
    @GetMapping("/imports")
    ResultPage<ImportSummary> imports(@RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "50") int size, Principal principal) {
        requireAdmin(principal);
        return imports.list(page, size);
    }

    @GetMapping("/imports/{id}")
    ImportReport importReport(@PathVariable String id, Principal principal) {
        requireAdmin(principal);
        return imports.report(id);
    }

    /**
     * The directory, a page at a time, by name: {@code q} searches names, e-mails and ids; {@code status} is
     * {@code ACTIVE} or {@code INACTIVE}; {@code role} a granted role ({@code requesters} is every active employee's).
     */
    @GetMapping("/people")
    ResultPage<PersonSummary> people(@RequestParam(required = false) String q,
            @RequestParam(required = false) Person.Status status, @RequestParam(required = false) String role,
            @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size, Principal principal) {
        requireAdmin(principal);
        return people.list(q, status, role, page, size);
    }

    /** A person, their groups, and how they came into the directory ({@code MANUAL}, {@code HR_IMPORT}, ...). */
    @GetMapping("/people/{id}")
    Map<String, Object> person(@PathVariable String id, Principal principal) {
        requireAdmin(principal);
        Person person = people.get(id);
        return Map.of("person", person, "groups", people.groupsOf(person), "source", people.sourceOf(id).orElseThrow());
    }

    @PostMapping("/people/{id}/deactivate")
    Person deactivate(@PathVariable String id, Principal principal) {
        requireAdmin(principal);
        return people.setStatus(id, Person.Status.INACTIVE);
    }

    @PostMapping("/people/{id}/activate")
    Person activate(@PathVariable String id, Principal principal) {
        requireAdmin(principal);
        return people.setStatus(id, Person.Status.ACTIVE);
    }

    @PutMapping("/people/{id}/roles/{group}")
    Set<String> grant(@PathVariable String id, @PathVariable String group, Principal principal) {
        requireAdmin(principal);
        return people.grantRole(id, group, principal.getName());
    }

    @DeleteMapping("/people/{id}/roles/{group}")
    Set<String> revoke(@PathVariable String id, @PathVariable String group, Principal principal) {
        requireAdmin(principal);
        return people.revokeRole(id, group, principal.getName());
    }

    private void requireAdmin(Principal principal) {
        if (!roles.isMember(principal.getName(), GatehouseGroups.ADMINS)) {
            throw new ForbiddenException("Only admins manage the directory");
        }
    }
}

package org.gatehouse.directory;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.security.Principal;
import java.util.Map;
import java.util.Set;

import org.gatehouse.platform.ForbiddenException;
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

/** The directory, for admins: imports, people, their status and roles. */
@RestController
@RequestMapping("/api/directory")
class DirectoryController {

    private final EmployeeImport employees;
    private final DirectoryImport imports;
    private final PersonService people;
    private final RoleService roles;

    DirectoryController(EmployeeImport employees, DirectoryImport imports, PersonService people, RoleService roles) {
        this.employees = employees;
        this.imports = imports;
        this.people = people;
        this.roles = roles;
    }

    /** An HR export as the body: {@code text/csv} or {@code application/json}. A refused file is 422 and changes nothing. */
    @PostMapping(path = "/imports", consumes = {"text/csv", MediaType.APPLICATION_JSON_VALUE})
    ResponseEntity<Object> importEmployees(@RequestBody byte[] file, @RequestHeader("Content-Type") MediaType type,
            @RequestParam(defaultValue = "upload") String source, Principal principal) {
        requireAdmin(principal);
        var format = type.isCompatibleWith(MediaType.APPLICATION_JSON) ? EmployeeImport.Format.JSON : EmployeeImport.Format.CSV;
        ImportReport report = employees.importEmployees(new ByteArrayInputStream(file), format, source, principal.getName(),
                processed -> { });
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

    @GetMapping("/imports/{id}")
    ImportReport importReport(@PathVariable String id, Principal principal) {
        requireAdmin(principal);
        return imports.report(id);
    }

    @GetMapping("/people/{id}")
    Map<String, Object> person(@PathVariable String id, Principal principal) {
        requireAdmin(principal);
        Person person = people.get(id);
        return Map.of("person", person, "groups", people.groupsOf(person));
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
        return people.revokeRole(id, group);
    }

    private void requireAdmin(Principal principal) {
        if (!roles.isMember(principal.getName(), RoleService.ADMINS)) {
            throw new ForbiddenException("Only admins manage the directory");
        }
    }
}

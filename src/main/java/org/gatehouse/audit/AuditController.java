package org.gatehouse.audit;

import java.io.IOException;
import java.security.Principal;
import java.util.function.Supplier;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.gatehouse.directory.RoleService;
import org.gatehouse.platform.ForbiddenException;
import org.gatehouse.platform.GatehouseGroups;
import org.gatehouse.platform.ResultPage;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The auditors' trail over HTTP, for {@code auditors} and {@code camunda-admin} alone. Every answer is recorded as a
 * read before it leaves; a refused or failed call reads nothing and records nothing.
 */
@RestController
@RequestMapping(AuditReads.SEARCH)
class AuditController {

    private final RoleService roles;
    private final RecordTrails trails;
    private final AuditSearch search;
    private final AuditReads reads;
    private final AuditExport exports;

    AuditController(RoleService roles, RecordTrails trails, AuditSearch search, AuditReads reads, AuditExport exports) {
        this.roles = roles;
        this.trails = trails;
        this.search = search;
        this.reads = reads;
        this.exports = exports;
    }

    @GetMapping("/access-requests/{id}")
    Trail accessRequest(@PathVariable String id, Principal principal, HttpServletRequest request) {
        return read(principal, request, () -> trails.accessRequest(id, principal.getName()));
    }

    @GetMapping("/tickets/{id}")
    Trail ticket(@PathVariable long id, Principal principal, HttpServletRequest request) {
        return read(principal, request, () -> trails.ticket(id));
    }

    @GetMapping("/approvals/{id}")
    Trail approval(@PathVariable String id, Principal principal, HttpServletRequest request) {
        return read(principal, request, () -> trails.approval(id));
    }

    @GetMapping("/expert-invitations/{id}")
    Trail expertInvitation(@PathVariable String id, Principal principal, HttpServletRequest request) {
        return read(principal, request, () -> trails.expertInvitation(id));
    }

    /** Every filter is optional; {@code kind} is one of {@link AuditKind}'s keys. */
    @GetMapping
    ResultPage<SearchEntry> search(@RequestParam(required = false) String actor, @RequestParam(required = false) String partner,
            @RequestParam(required = false) String kind, @RequestParam(required = false) String from,
            @RequestParam(required = false) String to, @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "" + AuditSearch.DEFAULT_SIZE) int size, Principal principal,
            HttpServletRequest request) {
        return read(principal, request, () -> search.search(actor, partner, kind, from, to, page, size));
    }

    /**
     * Every entry the search would find in the range, oldest first and without a cap, as a file to keep: JSON Lines
     * or CSV, chained and signed ({@link AuditExport}). The read is recorded once the request is checked, before the
     * first byte.
     */
    @GetMapping("/export")
    void export(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
            @RequestParam(required = false) String format, @RequestParam(required = false) String kind,
            @RequestParam(required = false) String actor, @RequestParam(required = false) String partner,
            Principal principal, HttpServletRequest request, HttpServletResponse response) throws IOException {
        AuditExport.Export export = read(principal, request,
                () -> exports.prepare(from, to, format, kind, actor, partner, principal.getName()));
        response.setContentType(export.format().contentType());
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION,
                ContentDisposition.attachment().filename(export.fileName()).build().toString());
        exports.write(export, response.getOutputStream());
    }

    private <T> T read(Principal principal, HttpServletRequest request, Supplier<T> answer) {
        String reader = principal.getName();
        if (!roles.isMember(reader, GatehouseGroups.AUDITORS) && !roles.isMember(reader, GatehouseGroups.ADMINS)) {
            throw new ForbiddenException("Only auditors and camunda-admin read the audit trail");
        }
        T read = answer.get();
        reads.record(reader, request.getRequestURI(), request.getQueryString());
        return read;
    }
}

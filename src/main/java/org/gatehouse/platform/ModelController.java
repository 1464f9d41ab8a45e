package org.gatehouse.platform;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.util.ByteArrayDataSource;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Process owners deploy the {@code bpmn/} folder as one bundle: one multipart part per file, named by its path in the
 * folder (as Camunda's own {@code /deployment/create} takes them); 201 with the deployment. They move running instances
 * to a newer version ({@link ModelMigrations}). A refused bundle or migration is 422 with every reason, and nothing of
 * it is done.
 */
@RestController
@RequestMapping("/api/models")
class ModelController {

    private final ModelBundles bundles;
    private final ModelMigrations migrations;

    ModelController(ModelBundles bundles, ModelMigrations migrations) {
        this.bundles = bundles;
        this.migrations = migrations;
    }

    /** Which instances move, from which version to which: every instance of the source and its latest by default. */
    record MigrationRequest(@NotBlank @Size(max = 200) String sourceProcessDefinitionId,
            @Size(max = 200) String targetProcessDefinitionId, @Size(max = 10_000) List<@NotBlank String> processInstanceIds) {
    }

    @PostMapping("/migrations")
    ModelMigrations.Migrated migrate(@Valid @RequestBody MigrationRequest request, Authentication authentication) {
        requireOwner(authentication, "migrate instances");
        return migrations.migrate(request.sourceProcessDefinitionId(), request.targetProcessDefinitionId(),
                request.processInstanceIds());
    }

    @PostMapping(path = "/deployments", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    ModelBundles.Deployed deploy(HttpServletRequest request, Authentication authentication)
            throws IOException, MessagingException {
        requireOwner(authentication, "deploy models");
        // read here, by Jakarta Mail's MIME parser, rather than by the container: the body may come replayed
        // (BodyLimitFilter), which the container's own part parsing cannot see
        var parts = new MimeMultipart(new ByteArrayDataSource(request.getInputStream(), request.getContentType()));
        Map<String, byte[]> files = new TreeMap<>();
        for (int i = 0; i < parts.getCount(); i++) {
            var part = parts.getBodyPart(i);
            String name = part.getFileName();
            if (name != null && !name.isBlank()) {
                files.put(name, part.getInputStream().readAllBytes());
            }
        }
        return bundles.deploy(ModelBundle.of(files));
    }

    private static void requireOwner(Authentication authentication, String what) {
        boolean owner = authentication.getAuthorities().stream().map(GrantedAuthority::getAuthority)
                .anyMatch(group -> group.equals(GatehouseGroups.PROCESS_OWNERS) || group.equals(GatehouseGroups.ADMINS));
        if (!owner) {
            throw new ForbiddenException("Only process owners and admins " + what);
        }
    }
}

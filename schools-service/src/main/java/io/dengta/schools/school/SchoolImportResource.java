package io.dengta.schools.school;

import java.io.InputStream;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.dengta.commons.idempotency.Idempotency;
import io.dengta.commons.imports.ImportOptions;
import io.dengta.commons.imports.ImportReport;
import io.dengta.commons.imports.ImportRunner;
import io.dengta.commons.problem.ProblemException;
import io.dengta.commons.security.Roles;

@Path("/schools/v1/imports/schools")
@Tag(name = "Imports", description = "Bulk loads for city systems (see docs/registry.md for formats)")
public class SchoolImportResource {

    private final ImportRunner imports;
    private final SchoolService schools;
    private final SchoolAccess access;
    private final Idempotency idempotency;

    public SchoolImportResource(ImportRunner imports, SchoolService schools, SchoolAccess access,
            Idempotency idempotency) {
        this.imports = imports;
        this.schools = schools;
        this.access = access;
        this.idempotency = idempotency;
    }

    @POST
    @Consumes({ "text/csv", MediaType.APPLICATION_JSON })
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.PLATFORM_ADMIN, Roles.DATA_FEED, Roles.SCHOOL_CLERK })
    @Operation(operationId = "importSchools", summary = "Upsert schools in bulk by school code",
            description = "JSON (an array of SchoolInput objects with `code`) or CSV (UTF-8, header row with SchoolInput "
                    + "field names; `stages` separated by `|`). The body is streamed. Each row is checked like a PUT, "
                    + "including your scope. `dryRun=true` keeps nothing; `mode=atomic` (default) keeps all rows or "
                    + "none, `best-effort` keeps the valid ones. The report counts created, updated, unchanged and "
                    + "rejected rows and lists each rejected row's errors.")
    public Response importSchools(
            @Parameter(description = "Validate and report without keeping anything") @QueryParam("dryRun") String dryRun,
            @Parameter(description = "atomic (default) or best-effort") @QueryParam("mode") String mode,
            @Parameter(description = "Replays the first answer for the same key and body") @HeaderParam(Idempotency.HEADER) String idempotencyKey,
            @HeaderParam("Content-Type") String contentType,
            InputStream body) {
        ImportOptions options = ImportOptions.parse(dryRun, mode);
        return idempotency.executeStreamed(idempotencyKey, "schools-import?" + options, body, stream -> {
            ImportReport report = imports.run(SchoolService.RESOURCE_TYPE, stream, contentType, SchoolInput.class,
                    row -> {
                        if (row.code() == null) {
                            throw ProblemException.invalid("/code", "required", "each row needs the school code");
                        }
                        return schools.upsert(row.code(), row, null, access).outcome();
                    }, options);
            return Response.ok(report).build();
        });
    }
}

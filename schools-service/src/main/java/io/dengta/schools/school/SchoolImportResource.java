package io.dengta.schools.school;

import java.io.InputStream;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.dengta.commons.imports.ImportJobs;
import io.dengta.commons.imports.ImportOptions;
import io.dengta.commons.imports.ImportRequest;
import io.dengta.commons.imports.ImportRunner;
import io.dengta.commons.problem.ProblemException;
import io.dengta.commons.security.Roles;
import io.dengta.schools.importjob.ImportJobResource;

@Path("/schools/v1/imports/schools")
@Tag(name = "Imports", description = "Bulk loads for city systems (see docs/registry.md for formats)")
public class SchoolImportResource {

    private final ImportRunner imports;
    private final ImportJobs jobs;
    private final SchoolService schools;
    private final SchoolAccess access;

    public SchoolImportResource(ImportRunner imports, ImportJobs jobs, SchoolService schools, SchoolAccess access) {
        this.imports = imports;
        this.jobs = jobs;
        this.schools = schools;
        this.access = access;
    }

    @POST
    @Consumes({ "text/csv", MediaType.APPLICATION_JSON })
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.PLATFORM_ADMIN, Roles.DATA_FEED, Roles.SCHOOL_CLERK })
    @Operation(operationId = "importSchools", summary = "Upsert schools in bulk by school code",
            description = "JSON (an array of SchoolInput objects with `code`) or CSV (UTF-8, header row with SchoolInput "
                    + "field names; `stages` separated by `|`). The body is streamed. Each row is checked like a PUT, "
                    + "including your scope. The report counts created, updated, unchanged and rejected rows and lists "
                    + "each rejected row's errors. Large files (or `Prefer: respond-async`) run as a job: 202 with the "
                    + "job's Location under /schools/v1/import-jobs.")
    public Response importSchools(@BeanParam ImportRequest request, InputStream body) {
        ImportOptions options = request.options();
        return jobs.accept(SchoolService.RESOURCE_TYPE, ImportJobResource.PATH, request.body(body),
                (rows, progress) -> imports.run(SchoolService.RESOURCE_TYPE, rows, request.contentType(),
                        SchoolInput.class, row -> {
                            if (row.code() == null) {
                                throw ProblemException.invalid("/code", "required", "each row needs the school code");
                            }
                            return schools.upsert(row.code(), row, null, access).outcome();
                        }, options, progress));
    }
}

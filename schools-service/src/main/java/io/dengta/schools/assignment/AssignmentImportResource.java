package io.dengta.schools.assignment;

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
import io.dengta.commons.imports.ImportReport;
import io.dengta.commons.imports.ImportRunner;
import io.dengta.commons.security.Roles;
import io.dengta.schools.importjob.ImportJobResource;
import io.dengta.schools.school.SchoolAccess;

@Path("/schools/v1/imports/assignments")
@Tag(name = "Imports", description = "Bulk loads for city systems (see docs/registry.md for formats)")
public class AssignmentImportResource {

    private final ImportRunner imports;
    private final AssignmentService assignments;
    private final SchoolAccess access;
    private final ImportJobs jobs;

    public AssignmentImportResource(ImportRunner imports, AssignmentService assignments, SchoolAccess access,
            ImportJobs jobs) {
        this.imports = imports;
        this.assignments = assignments;
        this.access = access;
        this.jobs = jobs;
    }

    @POST
    @Consumes({ "text/csv", MediaType.APPLICATION_JSON })
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.PLATFORM_ADMIN, Roles.DATA_FEED, Roles.SCHOOL_CLERK })
    @Operation(operationId = "importAssignments",
            summary = "Upsert assignments in bulk by (teacher, school, startsOn, kind)",
            description = "Assignments have server ids, so the import matches rows by their natural key: teacher, "
                    + "school, startsOn and kind. A row matching an existing assignment replaces it (its endsOn, fte, "
                    + "role, originSchool), an identical one is reported unchanged, any other row creates an "
                    + "assignment; a row matching two assignments is rejected as a conflict (replace the one you "
                    + "mean by id). Changing a start date or kind is therefore a new assignment: end or delete the "
                    + "old one. JSON: an array of AssignmentInput objects. CSV (UTF-8, header row): "
                    + "`teacher,school,startsOn,endsOn,fte,role,kind,originSchool`. The body is streamed. Each row is "
                    + "checked like a POST or PUT, including your scope (write access to the school) and the "
                    + "teacher's FTE over earlier rows. `dryRun=true` keeps nothing; `mode=atomic` (default) keeps all "
                    + "rows or none, `best-effort` keeps the valid ones. The report counts created, updated, unchanged "
                    + "and rejected rows and lists each rejected row's errors.")
    public Response importAssignments(@BeanParam ImportRequest request, InputStream body) {
        ImportOptions options = request.options();
        String contentType = request.contentType();
        return jobs.accept(AssignmentService.RESOURCE_TYPE, ImportJobResource.PATH, request.body(body), (stream, progress) -> {
            ImportReport report = imports.run(AssignmentService.RESOURCE_TYPE, stream, contentType,
                    AssignmentInput.class, row -> assignments.upsertByNaturalKey(row, access).outcome(), options, progress);
            return report;
        });
    }
}

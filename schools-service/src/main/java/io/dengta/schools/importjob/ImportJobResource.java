package io.dengta.schools.importjob;

import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.dengta.commons.imports.ImportJob;
import io.dengta.commons.imports.ImportJobs;
import io.dengta.commons.problem.ProblemException;
import io.dengta.commons.security.Roles;

/** Progress and report of the registry's imports that run as jobs. */
@Path(ImportJobResource.PATH)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Imports")
public class ImportJobResource {

    public static final String PATH = "/schools/v1/import-jobs/";

    private final ImportJobs jobs;

    public ImportJobResource(ImportJobs jobs) {
        this.jobs = jobs;
    }

    @GET
    @Path("{jobId}")
    @RolesAllowed({ Roles.PLATFORM_ADMIN, Roles.DATA_FEED, Roles.SCHOOL_CLERK })
    @Operation(operationId = "getSchoolsImportJob", summary = "Progress and report of an import job",
            description = "`status`: queued, running, completed (with `report`) or failed (with `error`); `rowsRead` "
                    + "grows while it runs. Only the caller who started the job (or a platform admin) sees it.")
    public ImportJob get(@PathParam("jobId") String jobId) {
        try {
            return jobs.get(UUID.fromString(jobId));
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid("jobId", "invalid_format", "'" + jobId + "' is not a job id");
        }
    }
}

package io.dengta.indicators.observation;

import java.io.InputStream;
import java.time.Duration;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.SystemException;
import jakarta.transaction.TransactionManager;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.dengta.commons.imports.ImportJob;
import io.dengta.commons.imports.ImportJobs;
import io.dengta.commons.imports.ImportOptions;
import io.dengta.commons.imports.ImportReport;
import io.dengta.commons.imports.ImportRequest;
import io.dengta.commons.imports.ImportRunner;
import io.dengta.commons.journal.WriteJournal;
import io.dengta.commons.problem.ProblemException;
import io.dengta.commons.security.CallerScope;
import io.dengta.commons.security.Roles;

@Path("/indicators/v1/imports")
@Tag(name = "Imports", description = "Bulk loads of observations for data feeds")
public class ObservationImportResource {

    static final String JOBS_PATH = "/indicators/v1/imports/";

    private final ImportRunner imports;
    private final ImportJobs jobs;
    private final ObservationService observations;
    private final ObservationStore store;
    private final ObservationAccess access;
    private final WriteJournal journal;
    private final CallerScope caller;
    private final ObjectMapper json;
    private final TransactionManager transactionManager;
    private final int transactionTimeout;

    public ObservationImportResource(ImportRunner imports, ObservationService observations, ObservationStore store,
            ObservationAccess access, ImportJobs jobs, WriteJournal journal, CallerScope caller, ObjectMapper json,
            TransactionManager transactionManager,
            @ConfigProperty(name = "dengta.imports.transaction-timeout", defaultValue = "PT30M") Duration transactionTimeout) {
        this.imports = imports;
        this.observations = observations;
        this.store = store;
        this.access = access;
        this.jobs = jobs;
        this.journal = journal;
        this.caller = caller;
        this.json = json;
        this.transactionManager = transactionManager;
        this.transactionTimeout = (int) transactionTimeout.toSeconds();
    }

    @POST
    @Consumes({ "text/csv", MediaType.APPLICATION_JSON })
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.PLATFORM_ADMIN, Roles.DATA_FEED })
    @Operation(operationId = "importObservations", summary = "Upsert observations in bulk by natural key",
            description = "CSV (UTF-8, header row: indicator,unit,region,period,stage,value,numerator,denominator,status,"
                    + "source,comment; columns may be omitted or reordered) or JSON (an array of rows, or {\"rows\": [...]}). "
                    + "The body is streamed. Each row is checked like a PUT, plus your scope (`out_of_scope`) and no key "
                    + "twice in one payload (`duplicate_key`). A row equal to what is stored is `unchanged` and written "
                    + "nowhere, so a replayed feed changes nothing. `dryRun=true` keeps nothing; `mode=atomic` (default) "
                    + "keeps all rows or none, `best-effort` keeps the valid ones. Idempotency-Key replays the first answer. "
                    + "Large files (over 10 MB, or any file with `Prefer: respond-async`) run as a job: 202 with the job "
                    + "and its Location under /indicators/v1/imports/{jobId}, where progress and then the report appear.")
    @RequestBody(content = {
            @Content(mediaType = "text/csv", schema = @Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING),
                    example = "indicator,unit,region,period,stage,value,numerator,denominator,status,source\n"
                            + "qb.key_teachers_per100,3201130001,320113,2024Sep,primary,2.35,47,2000,submitted,qixia-edu-stats\n"
                            + "pre.gross_enrollment_rate,320113,,2024,,98.6,,,approved,qixia-edu-stats\n"),
            @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.ARRAY, implementation = ObservationRow.class)) })
    @APIResponse(responseCode = "200", description = "The import report",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ImportReport.class)))
    @APIResponse(responseCode = "202", description = "Running as a job: poll its Location",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ImportJob.class)))
    public Response importObservations(@BeanParam ImportRequest request, InputStream body) {
        ImportOptions options = request.options();
        String contentType = request.contentType();
        // a job runs on a worker thread as the caller: the writer (and its scope checks) is made there, per run
        return jobs.accept(ObservationService.RESOURCE_TYPE, JOBS_PATH, request.body(body), (stream, progress) -> {
            ObservationImportWriter writer = new ObservationImportWriter(observations, store, journal, access, caller,
                    options.dryRun(), options.atomic());
            // an atomic import (or dry run) is one transaction: a million rows take longer than the default 60 s
            setTransactionTimeout(transactionTimeout);
            try {
                return imports.run(ObservationService.RESOURCE_TYPE, RowsEnvelope.adapt(stream, contentType, json),
                        contentType, ObservationRow.class, writer, options, progress);
            } finally {
                setTransactionTimeout(0);
            }
        });
    }

    /** For transactions this thread begins next (0: the default again). */
    private void setTransactionTimeout(int seconds) {
        try {
            transactionManager.setTransactionTimeout(seconds);
        } catch (SystemException e) {
            throw new IllegalStateException("The import's transaction timeout could not be set", e);
        }
    }

    @GET
    @Path("{jobId}")
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.PLATFORM_ADMIN, Roles.DATA_FEED })
    @Operation(operationId = "getObservationImportJob", summary = "Progress and report of an import that runs as a job",
            description = "`status`: queued, running, completed (with `report`) or failed (with `error`); `rowsRead` "
                    + "grows while it runs. Only the caller who started the job (or a platform admin) sees it.")
    public ImportJob job(@PathParam("jobId") String jobId) {
        UUID id;
        try {
            id = UUID.fromString(jobId);
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid("jobId", "invalid_format", "'" + jobId + "' is not a job id");
        }
        return jobs.get(id);
    }
}

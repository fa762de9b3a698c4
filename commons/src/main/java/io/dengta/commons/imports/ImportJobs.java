package io.dengta.commons.imports;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.BiFunction;
import java.util.function.LongConsumer;

import javax.sql.DataSource;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.jboss.logging.MDC;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.dengta.commons.idempotency.Idempotency;
import io.dengta.commons.problem.ProblemException;
import io.dengta.commons.requestid.RequestIds;
import io.dengta.commons.security.CallerScope;
import io.quarkus.arc.Arc;
import io.quarkus.arc.ManagedContext;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.quarkus.security.identity.SecurityIdentity;

/**
 * Runs large imports in the background: the body is first streamed to a temporary file (never held in
 * memory), the request is answered {@code 202 Accepted} with the job's {@code Location}, and a worker loads
 * the file as the caller (same identity, scope and audit subject, same request id in the logs). Jobs are
 * rows of {@code import_job}, so any replica answers a poll. A job cut short by a restart is marked failed.
 */
@ApplicationScoped
public class ImportJobs {

    private static final Logger LOG = Logger.getLogger(ImportJobs.class);

    private final Instance<DataSource> dataSource;
    private final ObjectMapper json;
    private final CallerScope caller;
    private final Idempotency idempotency;
    private final CurrentIdentityAssociation identities;
    private final long asyncThreshold;
    private final ExecutorService workers;

    public ImportJobs(Instance<DataSource> dataSource, ObjectMapper json, CallerScope caller, Idempotency idempotency,
            CurrentIdentityAssociation identities,
            @ConfigProperty(name = "dengta.imports.async-threshold-bytes", defaultValue = "10485760") long asyncThreshold,
            @ConfigProperty(name = "dengta.imports.workers", defaultValue = "1") int workers) {
        this.dataSource = dataSource;
        this.json = json;
        this.caller = caller;
        this.idempotency = idempotency;
        this.identities = identities;
        this.asyncThreshold = asyncThreshold;
        this.workers = Executors.newFixedThreadPool(workers, r -> {
            Thread t = new Thread(r, "import-job");
            t.setDaemon(true);
            return t;
        });
    }

    /**
     * Answers an import request: synchronously with the report (200), or as a job (202) when
     * {@link #runAsJob} says so; with {@code Idempotency-Key} support either way (a replay returns the first
     * answer, the same job included).
     *
     * @param statusPath where jobs of this import can be polled, e.g. {@code /schools/v1/import-jobs/}
     * @param load reads the rows from the stream and returns the report, telling rows read as it goes
     */
    public Response accept(String resourceType, String statusPath, ImportRequest request,
            BiFunction<InputStream, LongConsumer, ImportReport> load) {
        ImportRunner.requireSupported(request.contentType());
        boolean job = runAsJob(request.prefer(), request.contentLength());
        String scope = resourceType + "?" + request.options() + "&type=" + request.contentType();
        return idempotency.executeStreamed(request.idempotencyKey(), scope, request.body(), stream -> job
                ? submit(resourceType, statusPath, stream, load)
                : Response.ok(load.apply(stream, rows -> {
                })).build());
    }

    /**
     * True when the client asked for a job ({@code Prefer: respond-async}) or the declared body is larger than
     * {@code dengta.imports.async-threshold-bytes} (10 MB by default).
     */
    public boolean runAsJob(String prefer, String contentLength) {
        if (prefer != null && prefer.toLowerCase().contains("respond-async")) {
            return true;
        }
        try {
            return contentLength != null && Long.parseLong(contentLength.trim()) > asyncThreshold;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    /**
     * Spools the body, records a queued job and starts it; answers 202 with the job.
     *
     * @param statusPath where the job can be polled, e.g. {@code /schools/v1/import-jobs/}
     * @param work loads the spooled file, reporting rows read; runs as the caller, in the background
     */
    public Response submit(String resourceType, String statusPath, InputStream body,
            BiFunction<InputStream, LongConsumer, ImportReport> work) {
        UUID id = UUID.randomUUID();
        Path spool;
        try {
            spool = Files.createTempFile("dengta-import-" + id, ".upload");
            Files.copy(body, spool, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("The upload could not be stored for the import job", e);
        }
        String owner = owner();
        update("insert into import_job (id, resource_type, owner, status) values (?, ?, ?, 'queued')", id,
                resourceType, owner);
        SecurityIdentity identity = identities.getIdentity();
        Object requestId = MDC.get(RequestIds.MDC_KEY);
        workers.submit(() -> run(id, spool, identity, requestId, work));
        return Response.accepted(find(id, owner, true).orElseThrow()).location(URI.create(statusPath + id)).build();
    }

    /** The job if the caller started it (or is a platform admin); otherwise 404. */
    public ImportJob get(UUID id) {
        return find(id, owner(), caller.isPlatformAdmin())
                .orElseThrow(() -> ProblemException.notFound("Import job " + id + " not found"));
    }

    void failInterruptedJobs(@Observes StartupEvent event) {
        if (dataSource.isResolvable()) {
            update("""
                    update import_job set status = 'failed', finished_at = now(),
                      error = 'interrupted by a restart of the service; submit the file again'
                    where status in ('queued', 'running')""");
        }
    }

    @PreDestroy
    void stop() {
        workers.shutdownNow();
    }

    private void run(UUID id, Path spool, SecurityIdentity identity, Object requestId,
            BiFunction<InputStream, LongConsumer, ImportReport> work) {
        ManagedContext requestContext = Arc.container().requestContext();
        requestContext.activate();
        if (requestId != null) {
            MDC.put(RequestIds.MDC_KEY, requestId.toString());
        }
        try (InputStream in = Files.newInputStream(spool)) {
            Arc.container().instance(CurrentIdentityAssociation.class).get().setIdentity(identity);
            update("update import_job set status = 'running', started_at = now() where id = ?", id);
            ImportReport report = work.apply(in,
                    rows -> update("update import_job set rows_read = ? where id = ?", rows, id));
            update("""
                    update import_job set status = 'completed', finished_at = now(), rows_read = ?,
                      report = cast(? as jsonb) where id = ?""", report.rows(), json.writeValueAsString(report), id);
        } catch (ProblemException e) {
            update("update import_job set status = 'failed', finished_at = now(), error = ? where id = ?",
                    e.getMessage(), id);
        } catch (IOException | RuntimeException e) {
            LOG.errorf(e, "Import job %s failed", id);
            update("update import_job set status = 'failed', finished_at = now(), error = ? where id = ?",
                    "the import failed unexpectedly; quote the job id when reporting it", id);
        } finally {
            requestContext.terminate();
            MDC.remove(RequestIds.MDC_KEY);
            try {
                Files.deleteIfExists(spool);
            } catch (IOException e) {
                LOG.warnf("Could not delete %s", spool);
            }
        }
    }

    private String owner() {
        return caller.clientId() != null ? caller.clientId() + "/" + caller.subject() : caller.subject();
    }

    private Optional<ImportJob> find(UUID id, String owner, boolean anyOwner) {
        try (Connection c = dataSource.get().getConnection();
                PreparedStatement s = c.prepareStatement("""
                        select resource_type, status, rows_read, report, error, created_at, started_at, finished_at, owner
                        from import_job where id = ?""")) {
            s.setObject(1, id);
            try (ResultSet rs = s.executeQuery()) {
                if (!rs.next() || (!anyOwner && !rs.getString(9).equals(owner))) {
                    return Optional.empty();
                }
                ImportReport report = rs.getString(4) == null ? null
                        : json.readValue(rs.getString(4), ImportReport.class);
                return Optional.of(new ImportJob(id, rs.getString(1), rs.getString(2), rs.getLong(3), report,
                        rs.getString(5), rs.getObject(6, OffsetDateTime.class), rs.getObject(7, OffsetDateTime.class),
                        rs.getObject(8, OffsetDateTime.class)));
            }
        } catch (SQLException | JsonProcessingException e) {
            throw new IllegalStateException("Import job " + id + " could not be read", e);
        }
    }

    private void update(String sql, Object... params) {
        try (Connection c = dataSource.get().getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                s.setObject(i + 1, params[i]);
            }
            s.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("Import job could not be recorded", e);
        }
    }
}

package io.dengta.schools.teacher;

import java.io.InputStream;
import java.util.List;
import java.util.Set;

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
import io.dengta.commons.imports.RowError;
import io.dengta.commons.security.Roles;
import io.dengta.schools.importjob.ImportJobResource;
import io.dengta.schools.imports.ImportRows;
import io.dengta.schools.school.SchoolAccess;

@Path("/schools/v1/imports/teachers")
@Tag(name = "Imports", description = "Bulk loads for city systems (see docs/registry.md for formats)")
public class TeacherImportResource {

    /** Personal fields: a report never repeats what the file said about them, only what is wrong. */
    private static final Set<String> PERSONAL = Set.of("birthDate", "nationalId", "phone");

    private final ImportRunner imports;
    private final ImportRows rows;
    private final TeacherBatchWriter batches;
    private final SchoolAccess access;
    private final ImportJobs jobs;

    public TeacherImportResource(ImportRunner imports, ImportRows rows, TeacherBatchWriter batches,
            SchoolAccess access, ImportJobs jobs) {
        this.imports = imports;
        this.rows = rows;
        this.batches = batches;
        this.access = access;
        this.jobs = jobs;
    }

    @POST
    @Consumes({ "text/csv", MediaType.APPLICATION_JSON })
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.PLATFORM_ADMIN, Roles.DATA_FEED, Roles.SCHOOL_CLERK })
    @Operation(operationId = "importTeachers", summary = "Upsert teachers in bulk by staff code",
            description = "JSON: an array of TeacherInput objects, each with `staffCode`. CSV (UTF-8, header row; "
                    + "any subset of the columns, in any order): `staffCode,name,gender,birthDate,nationalId,phone,"
                    + "employingSchool,highestDegree,certificateType,certificateStage,certificateNumber,title,honours,"
                    + "subjects,employment,dualQualified,status,source`, where `subjects` is `chinese|math` (main "
                    + "subject first), `honours` is `kind:level:awardedOn[:expiresOn]` items separated by `|` (e.g. "
                    + "`key-teacher:district:2022-09-01:2025-08-31`), the three certificate columns are the certificate "
                    + "(all empty: none) and `dualQualified` is true or false. The body is streamed. Each row is "
                    + "checked like a PUT of the teacher, including your scope; personal fields left empty keep their "
                    + "stored values, national IDs are stored only as a salted hash plus the last 4 characters and "
                    + "the report never repeats personal values. `dryRun=true` keeps nothing; `mode=atomic` (default) "
                    + "keeps all rows or none, `best-effort` keeps the valid ones. The report counts created, updated, "
                    + "unchanged and rejected rows and lists each rejected row's errors. Large files (or `Prefer: respond-async`) run "
                    + "as a job: 202 with the job's Location under /schools/v1/import-jobs.")
    public Response importTeachers(@BeanParam ImportRequest request, InputStream body) {
        ImportOptions options = request.options();
        String contentType = request.contentType();
        boolean csv = contentType != null && contentType.toLowerCase().startsWith("text/csv");
        return jobs.accept(TeacherService.RESOURCE_TYPE, ImportJobResource.PATH, request.body(body), (stream, progress) -> {
            // rows are decided and written a chunk at a time (TeacherBatchWriter), with the rules of a single PUT
            ImportReport report = csv
                    ? imports.run(TeacherService.RESOURCE_TYPE, stream, contentType, TeacherImportRow.class,
                            batches.<TeacherImportRow>writer(row -> {
                                TeacherInput input = row.toInput();
                                rows.validate(input);
                                return input;
                            }, TeacherImportRow::column, access), options, progress)
                    : imports.run(TeacherService.RESOURCE_TYPE, stream, contentType, TeacherInput.class,
                            batches.<TeacherInput>writer(input -> input, pointer -> pointer, access), options,
                            progress);
            return withoutPersonalValues(report);
        });
    }

    /**
     * A value the parser could not read, or a malformed CSV line, may be quoted in its message: for personal
     * fields (and lines, which may hold them) the message says what is expected instead.
     */
    private static ImportReport withoutPersonalValues(ImportReport report) {
        List<RowError> errors = report.errors().stream().map(e -> {
            if (e.code().equals("malformed_row")) {
                return new RowError(e.row(), e.field(), e.code(),
                        "the line does not fit the header (count of cells or quoting)");
            }
            if (PERSONAL.contains(e.field()) && e.code().equals("invalid_value")) {
                return new RowError(e.row(), e.field(), e.code(), e.field().equals("birthDate")
                        ? "must be a date such as 1986-03-15" : "must be text");
            }
            return e;
        }).toList();
        return new ImportReport(report.resourceType(), report.mode(), report.dryRun(), report.status(), report.rows(),
                report.created(), report.updated(), report.unchanged(), report.rejected(), errors,
                report.errorsTruncated());
    }
}

package io.dengta.schools.schoolyear;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

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
import io.dengta.commons.imports.RowOutcome;
import io.dengta.commons.problem.FieldError;
import io.dengta.commons.problem.ProblemException;
import io.dengta.commons.security.Roles;
import io.dengta.schools.importjob.ImportJobResource;
import io.dengta.schools.imports.ImportRows;
import io.dengta.schools.school.SchoolAccess;

@Path("/schools/v1/imports/school-years")
@Tag(name = "Imports", description = "Bulk loads for city systems (see docs/registry.md for formats)")
public class SchoolYearImportResource {

    private final ImportRunner imports;
    private final ImportRows rows;
    private final SchoolYearFactsService facts;
    private final SchoolAccess access;
    private final ImportJobs jobs;

    public SchoolYearImportResource(ImportRunner imports, ImportRows rows, SchoolYearFactsService facts,
            SchoolAccess access, ImportJobs jobs) {
        this.imports = imports;
        this.rows = rows;
        this.facts = facts;
        this.access = access;
        this.jobs = jobs;
    }

    @POST
    @Consumes({ "text/csv", MediaType.APPLICATION_JSON })
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.PLATFORM_ADMIN, Roles.DATA_FEED, Roles.SCHOOL_CLERK })
    @Operation(operationId = "importSchoolYearFacts", summary = "Upsert school-year facts in bulk by school and school year",
            description = "JSON: an array of SchoolYearFactsInput objects, each with `school` and `schoolYear`. CSV "
                    + "(UTF-8, header row; any subset of the columns, in any order): one line per school and school "
                    + "year, as a statistics office exports its annual returns: `school,schoolYear`, then a pair of "
                    + "columns per grade `k1Pupils,k1Classes,…,k3…,p1…p6,j1…j3,s1…s3,v1…v3,sp1…sp9` (a grade whose "
                    + "two cells are empty or both 0 is not reported), then `classesOver45,classesOver50,"
                    + "classesOver55,classesOver65` (all empty: not reported), `teachingFloorArea,supportFloorArea,"
                    + "sportsGroundArea,equipmentValue,multimediaClassrooms,musicRooms,artRooms,source`. Errors name "
                    + "the CSV column (e.g. `p1Classes`). The body is streamed. Each row replaces that school's facts "
                    + "for the year and is checked like a PUT of them, including your scope. `dryRun=true` keeps "
                    + "nothing; `mode=atomic` (default) keeps all rows or none, `best-effort` keeps the valid ones. "
                    + "The report counts created, updated, unchanged and rejected rows and lists each rejected row's "
                    + "errors.")
    public Response importSchoolYearFacts(@BeanParam ImportRequest request, InputStream body) {
        ImportOptions options = request.options();
        String contentType = request.contentType();
        boolean csv = contentType != null && contentType.toLowerCase().startsWith("text/csv");
        return jobs.accept(SchoolYearFactsService.RESOURCE_TYPE, ImportJobResource.PATH, request.body(body), (stream, progress) -> {
            ImportReport report = csv
                    ? imports.run(SchoolYearFactsService.RESOURCE_TYPE, stream, contentType, SchoolYearImportRow.class,
                            row -> {
                                SchoolYearFactsInput input = row.toInput();
                                return ImportRows.inColumns(pointer -> SchoolYearImportRow.column(input, pointer),
                                        () -> {
                                            rows.validate(input);
                                            return write(input);
                                        });
                            }, options, progress)
                    : imports.run(SchoolYearFactsService.RESOURCE_TYPE, stream, contentType,
                            SchoolYearFactsInput.class, this::write, options, progress);
            return report;
        });
    }

    private RowOutcome write(SchoolYearFactsInput row) {
        List<FieldError> missing = new ArrayList<>();
        if (row.school() == null) {
            missing.add(new FieldError("/school", "required", "each row needs the school code"));
        }
        if (row.schoolYear() == null) {
            missing.add(new FieldError("/schoolYear", "required", "each row needs the school year, e.g. 2024Sep"));
        }
        if (!missing.isEmpty()) {
            throw ProblemException.invalid(missing);
        }
        SchoolYear year = SchoolYear.parse(row.schoolYear()).orElseThrow(() -> ProblemException.invalid("/schoolYear",
                "invalid_school_year", "'" + row.schoolYear() + "' is not a school year such as 2024Sep"));
        return facts.upsert(row.school(), year, row, null, access).outcome();
    }
}

package io.dengta.schools.imports;

import static io.dengta.schools.teacher.RegistryFixtures.school;
import static io.dengta.schools.teacher.RegistryFixtures.teacher;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.dengta.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/**
 * role × scope × import: who may post each import, and how a row of school A fares. Dry runs, so each caller
 * sees the same registry. Rows outside a writer's scope are rejected like the single-resource write: forbidden,
 * or not found where the PUT answers 404 (school-year facts of a school the caller cannot see).
 */
@QuarkusTest
class ImportAccessTest {

    static final String A = "3201137301";
    static final String OTHER = "3201137302";

    /** A caller and its outcome per import: an HTTP status, or for 200 the row's result. */
    record Caller(String label, String token, String teachers, String assignments, String schoolYears) {
    }

    static List<Caller> matrix() {
        return List.of(
                new Caller("platform-admin", Tokens.admin(), "created", "created", "created"),
                new Caller("school-clerk of A", Tokens.role("school-clerk").school(A).get(), "created", "created",
                        "created"),
                new Caller("school-clerk of another school", Tokens.role("school-clerk").school(OTHER).get(),
                        "forbidden", "forbidden", "forbidden"),
                new Caller("data-feed of the region", Tokens.role("data-feed").region("320113").get(), "created",
                        "created", "created"),
                new Caller("data-feed of another region", Tokens.role("data-feed").region("440307").get(),
                        "forbidden", "forbidden", "forbidden"),
                new Caller("bureau-analyst of the region", Tokens.role("bureau-analyst").region("320113").get(), "403",
                        "403", "403"),
                new Caller("viewer of another region", Tokens.role("viewer").region("440307").get(), "403", "403",
                        "403"));
    }

    @Test
    void enforcesTheAccessMatrixOnEveryImport() {
        school(A, "320113", "primary");
        school(OTHER, "320113", "primary");
        Map<String, Object> employed = io.dengta.schools.teacher.RegistryFixtures.teacher(A);
        employed.remove("nationalId");
        teacher("IA-TEACHER-01", employed);
        String teachers = "staffCode,name,gender,employingSchool,highestDegree,title,subjects,employment,status\n"
                + "IA-NEW-01,张伟,male," + A + ",bachelor,second,math,established,active\n";
        String assignments = "teacher,school,startsOn,fte,role,kind\nIA-TEACHER-01," + A + ",2024-09-01,1,teacher,regular\n";
        String schoolYears = "school,schoolYear,p1Pupils,p1Classes,teachingFloorArea,sportsGroundArea,equipmentValue,"
                + "multimediaClassrooms,musicRooms,artRooms\n" + A + ",2024Sep,270,6,4200,6800,1250000,12,2,2\n";

        List<String> mismatches = new ArrayList<>();
        for (Caller caller : matrix()) {
            expect(mismatches, caller.label() + " teachers", caller.teachers(),
                    Imports.post(caller.token(), "teachers", Imports.CSV, teachers, "dryRun", "true"));
            expect(mismatches, caller.label() + " assignments", caller.assignments(),
                    Imports.post(caller.token(), "assignments", Imports.CSV, assignments, "dryRun", "true"));
            expect(mismatches, caller.label() + " school-years", caller.schoolYears(),
                    Imports.post(caller.token(), "school-years", Imports.CSV, schoolYears, "dryRun", "true"));
        }
        assertEquals(List.of(), mismatches);
    }

    private static void expect(List<String> mismatches, String what, String expected, Response response) {
        String actual;
        if (response.statusCode() != 200) {
            actual = String.valueOf(response.statusCode());
        } else if (response.jsonPath().getInt("created") == 1) {
            actual = "created";
        } else {
            actual = response.jsonPath().getString("errors[0].code");
        }
        if (!expected.equals(actual)) {
            mismatches.add(what + ": expected " + expected + ", was " + actual);
        }
    }
}

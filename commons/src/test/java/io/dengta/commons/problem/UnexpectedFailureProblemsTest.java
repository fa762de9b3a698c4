package io.dengta.commons.problem;

import static io.dengta.commons.ProblemAssertions.assertProblem;
import static io.restassured.RestAssured.given;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsStringIgnoringCase;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;

/** A 500 says only that something failed and which request it was: no stack trace, class name or SQL. */
@QuarkusTest
class UnexpectedFailureProblemsTest {

    private static void assertNothingLeaks(Response r) {
        String body = r.asString();
        for (String secret : new String[] { "Exception", "select", "national_id", "password", "no_such_table",
                "secret", "org.postgresql", "io.dengta", "java.", "\tat ", ".java:" }) {
            assertThat(body, not(containsStringIgnoringCase(secret)));
        }
    }

    @Test
    void unexpectedExceptionIs500WithoutDetailsOfTheCause() {
        Response r = given().get("/test/v1/things/boom");
        JsonPath p = assertProblem(r, 500, "internal", "/test/v1/things/boom");
        assertThat(p.getList("errors"), nullValue());
        assertNothingLeaks(r);
    }

    @Test
    void failedSqlIs500WithoutTheSqlOrTheDriversException() {
        Response r = given().get("/test/v1/things/sql-boom");
        assertProblem(r, 500, "internal", "/test/v1/things/sql-boom");
        assertNothingLeaks(r);
    }

    @Test
    void lostDatabaseConnectionIs503WithRetryAfterAndNoDetails() {
        Response r = given().get("/test/v1/things/db-unreachable");
        assertProblem(r, 503, "dependency-unavailable", "/test/v1/things/db-unreachable");
        assertThat(r.header("Retry-After"), notNullValue());
        assertNothingLeaks(r);
        assertThat(r.asString(), not(containsStringIgnoringCase("10.0.0.7")));
    }

    @Test
    void failureInAPlainVertxRouteIs500WithoutDetails() {
        Response r = given().get("/test/raw/boom");
        assertProblem(r, 500, "internal", "/test/raw/boom");
        assertNothingLeaks(r);
    }
}

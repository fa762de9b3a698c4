package io.dengta.commons.etag;

import static io.dengta.commons.ProblemAssertions.assertProblem;
import static io.restassured.RestAssured.given;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.dengta.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/** Reads return an ETag; a write with a stale If-Match is a 412 problem and changes nothing. */
@QuarkusTest
class IfMatchPreconditionTest {

    private String path;

    private static RequestSpecification analyst() {
        return given().auth().oauth2(Tokens.role("bureau-analyst").region("320113").get());
    }

    @BeforeEach
    void createDocument() {
        Response r = analyst().post("/test/v1/documents");
        r.then().statusCode(201).header("ETag", "\"1\"");
        path = "/test/v1/documents/" + r.jsonPath().getString("id");
    }

    @Test
    void readReturnsTheVersionAsETag() {
        analyst().get(path).then().statusCode(200).header("ETag", "\"1\"").body("version", equalTo(1));
    }

    @Test
    void writeWithTheCurrentETagPassesAndReturnsTheNext() {
        analyst().header("If-Match", "\"1\"").put(path).then().statusCode(200).header("ETag", "\"2\"");
        analyst().header("If-Match", "W/\"2\"").put(path).then().statusCode(200).header("ETag", "\"3\"");
        analyst().header("If-Match", "*").put(path).then().statusCode(200).header("ETag", "\"4\"");
        analyst().put(path).then().statusCode(200).header("ETag", "\"5\"");
    }

    @Test
    void staleWriterGets412AndChangesNothing() {
        analyst().header("If-Match", "\"1\"").put(path).then().statusCode(200);
        Response stale = analyst().header("If-Match", "\"1\"").put(path);
        assertProblem(stale, 412, "precondition-failed", path);
        assertThat(stale.jsonPath().getString("detail"), containsString("\"2\""));
        analyst().get(path).then().statusCode(200).header("ETag", "\"2\"");
    }
}

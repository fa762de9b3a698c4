package io.dengta.commons.problem;

import static io.dengta.commons.ProblemAssertions.assertProblem;
import static io.restassured.RestAssured.given;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.emptyOrNullString;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.dengta.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;

/** Bean-validation failures list every invalid field at once, each with a JSON Pointer (or parameter name). */
@QuarkusTest
class BeanValidationProblemsTest {

    private static final String THINGS = "/test/v1/things";

    private static Response post(String body) {
        return given().auth().oauth2(Tokens.role("bureau-analyst").region("320113").get())
                .contentType(ContentType.JSON).body(body).post(THINGS);
    }

    @Test
    void validBodyPasses() {
        post("{\"name\": \"Xuanwu No.1\", \"capacitySeats\": 900, \"stage\": \"primary\","
                + " \"items\": [{\"name\": \"desk\", \"count\": 3}], \"tags\": [\"a\"]}")
                .then().statusCode(201).body("name", equalTo("Xuanwu No.1"));
    }

    @Test
    void twoInvalidFieldsGiveTwoErrors() {
        Response r = post("{\"name\": \"\", \"capacitySeats\": 0}");
        JsonPath p = assertProblem(r, 400, "validation", THINGS);
        assertThat(p.getString("detail"), equalTo("2 fields are not valid"));
        assertThat(p.getList("errors.pointer"), contains("/capacitySeats", "/name"));
        assertThat(p.getList("errors.code"), contains("positive", "not_blank"));
        List<String> messages = p.getList("errors.message");
        assertThat(messages, everyItem(not(emptyOrNullString())));
    }

    @Test
    void missingRequiredFieldIsReported() {
        JsonPath p = assertProblem(post("{\"name\": \"x\"}"), 400, "validation", THINGS);
        assertThat(p.getList("errors"), hasSize(1));
        assertThat(p.getString("errors[0].pointer"), equalTo("/capacitySeats"));
        assertThat(p.getString("errors[0].code"), equalTo("not_null"));
    }

    @Test
    void nestedListElementsArePointedAtByIndex() {
        Response r = post("{\"name\": \"x\", \"capacitySeats\": 5, \"items\": [{\"name\": \"ok\", \"count\": 1},"
                + " {\"name\": \"\", \"count\": 1}, {\"name\": \"z\", \"count\": -1}]}");
        JsonPath p = assertProblem(r, 400, "validation", THINGS);
        assertThat(p.getList("errors.pointer"), contains("/items/1/name", "/items/2/count"));
        assertThat(p.getList("errors.code"), contains("not_blank", "min"));
    }

    @Test
    void containerElementsArePointedAtByIndex() {
        JsonPath p = assertProblem(post("{\"name\": \"x\", \"capacitySeats\": 5, \"tags\": [\"a\", \" \"]}"), 400,
                "validation", THINGS);
        assertThat(p.getList("errors.pointer"), contains("/tags/1"));
    }

    @Test
    void everyInvalidFieldIsListedAtOnce() {
        Response r = post("{\"name\": \" \", \"capacitySeats\": -3, \"items\": [{\"name\": \"\", \"count\": -1}],"
                + " \"tags\": [\"\"]}");
        JsonPath p = assertProblem(r, 400, "validation", THINGS);
        assertThat(p.getString("detail"), equalTo("5 fields are not valid"));
        assertThat(p.getList("errors.pointer"), containsInAnyOrder("/name", "/capacitySeats", "/items/0/name",
                "/items/0/count", "/tags/0"));
    }

    @Test
    void missingBodyIsReportedAtTheDocumentRoot() {
        Response r = given().auth().oauth2(Tokens.role("bureau-analyst").get()).contentType(ContentType.JSON)
                .post(THINGS);
        JsonPath p = assertProblem(r, 400, "validation", THINGS);
        assertThat(p.getString("errors[0].pointer"), equalTo(""));
        assertThat(p.getString("errors[0].code"), equalTo("not_null"));
    }

    @Test
    void invalidQueryParametersAreNamedAndAllListed() {
        Response r = given().queryParam("minSeats", 0).queryParam("region", "32011").get(THINGS + "/search");
        JsonPath p = assertProblem(r, 400, "validation", THINGS + "/search");
        assertThat(p.getList("errors.pointer"), contains("minSeats", "region"));
        assertThat(p.getList("errors.code"), contains("min", "pattern"));
    }

    @Test
    void invalidPathParameterIsNamed() {
        Response r = given().get(THINGS + "/by-code/abc");
        JsonPath p = assertProblem(r, 400, "validation", THINGS + "/by-code/abc");
        assertThat(p.getString("errors[0].pointer"), equalTo("code"));
        given().get(THINGS + "/by-code/3201130001").then().statusCode(200).body("code", equalTo("3201130001"));
    }
}

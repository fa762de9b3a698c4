package io.dengta.commons;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.emptyOrNullString;
import static org.hamcrest.Matchers.startsWith;

import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;

/** Checks that an answer is an RFC 9457 problem in Dengta's shape. */
public final class ProblemAssertions {

    public static final String PROBLEM_JSON = "application/problem+json";

    private ProblemAssertions() {
    }

    /**
     * Asserts status, Content-Type application/problem+json, type {@code urn:dengta:problem:<slug>}, a
     * title, the status member, the instance (the request path) and a requestId equal to the
     * X-Request-Id response header. Returns the body for further checks.
     */
    public static JsonPath assertProblem(Response response, int status, String slug, String instance) {
        String body = response.asString();
        assertThat("status of " + body, response.statusCode(), equalTo(status));
        assertThat("content type of " + body, response.contentType(), startsWith(PROBLEM_JSON));
        JsonPath json = response.jsonPath();
        assertThat(body, json.getString("type"), equalTo("urn:dengta:problem:" + slug));
        assertThat(body, json.getString("title"), not(emptyOrNullString()));
        assertThat(body, json.getInt("status"), equalTo(status));
        assertThat(body, json.getString("instance"), equalTo(instance));
        String requestId = response.header("X-Request-Id");
        assertThat("X-Request-Id header", requestId, not(emptyOrNullString()));
        assertThat(body, json.getString("requestId"), equalTo(requestId));
        return json;
    }
}

package io.dengta.commons.problem;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import com.fasterxml.jackson.databind.ObjectMapper;

/** Problem types, bodies and the database-unreachable rule, without a server. */
class ProblemsTest {

    @ParameterizedTest
    @EnumSource(value = ProblemType.class, mode = EnumSource.Mode.EXCLUDE, names = { "MALFORMED_REQUEST",
            "IDEMPOTENCY_KEY_REUSED" })
    void everyTypeIsFoundByItsStatus(ProblemType type) {
        assertEquals(type, ProblemType.forStatus(type.status()));
        assertTrue(type.uri().startsWith("urn:dengta:problem:"));
    }

    @Test
    void badGatewayIsTheGatewaysOwn502() {
        assertEquals("urn:dengta:problem:bad-gateway", ProblemType.BAD_GATEWAY.uri());
        assertEquals(ProblemType.BAD_GATEWAY, ProblemType.forStatus(502));
    }

    @Test
    void plain400IsValidation() {
        assertEquals(ProblemType.VALIDATION, ProblemType.forStatus(400));
    }

    @Test
    void bodyHasTheRfc9457MembersAndOmitsEmptyOnes() throws Exception {
        String json = Problems.json(ProblemType.NOT_FOUND, "School 1 not found", null);
        Map<?, ?> body = new ObjectMapper().readValue(json, Map.class);
        assertEquals(Map.of("type", "urn:dengta:problem:not-found", "title", "Resource not found", "status", 404,
                "detail", "School 1 not found"), body);
    }

    @Test
    void fieldErrorsAreListed() {
        Problem p = Problems.of(ProblemType.VALIDATION, Problems.countDetail(2),
                List.of(new FieldError("/a", "x", "m"), new FieldError("b", "y", "n")), null);
        assertEquals(2, p.errors().size());
        assertEquals("2 fields are not valid", p.detail());
        assertEquals("1 field is not valid", Problems.countDetail(1));
    }

    @Test
    void problemExceptionFactories() {
        assertEquals(ProblemType.NOT_FOUND, ProblemException.notFound("x").type());
        assertEquals(ProblemType.FORBIDDEN, ProblemException.forbidden("x").type());
        assertEquals(ProblemType.CONFLICT, ProblemException.conflict("x").type());
        ProblemException invalid = ProblemException.invalid("limit", "out_of_range", "too big");
        assertEquals(ProblemType.VALIDATION, invalid.type());
        assertEquals(List.of(new FieldError("limit", "out_of_range", "too big")), invalid.errors());
        assertEquals("1 field is not valid", invalid.getMessage());
    }

    @Test
    void lostConnectionsAreRecognisedThroughCauses() {
        assertTrue(ProblemExceptionMappers.isDatabaseUnreachable(new SQLException("refused", "08001")));
        assertTrue(ProblemExceptionMappers.isDatabaseUnreachable(
                new IllegalStateException(new RuntimeException(new SQLException("lost", "08006")))));
        assertTrue(ProblemExceptionMappers.isDatabaseUnreachable(new SQLTransientConnectionException("pool empty")));
    }

    @Test
    void otherFailuresAreNotDatabaseUnavailability() {
        assertFalse(ProblemExceptionMappers.isDatabaseUnreachable(new SQLException("no table", "42P01")));
        assertFalse(ProblemExceptionMappers.isDatabaseUnreachable(new SQLException("no state")));
        assertFalse(ProblemExceptionMappers.isDatabaseUnreachable(new IllegalStateException("boom")));
    }
}

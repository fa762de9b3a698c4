package io.dengta.commons.etag;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import io.dengta.commons.problem.ProblemException;
import io.dengta.commons.problem.ProblemType;

/** The If-Match rule of ETags, without a server. */
class ETagsTest {

    @Test
    void etagIsTheVersionAsAStrongTag() {
        assertEquals("7", ETags.of(7).getValue());
        assertFalse(ETags.of(7).isWeak());
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = { "  ", "\"7\"", "W/\"7\"", "*", "\"3\", \"7\"", " \"7\" ", "\"1\",W/\"7\"" })
    void matchingOrAbsentIfMatchPasses(String ifMatch) {
        assertDoesNotThrow(() -> ETags.requireMatch(ifMatch, 7));
    }

    @ParameterizedTest
    @ValueSource(strings = { "\"6\"", "W/\"8\"", "7", "\"70\"", "\"6\", \"8\"", "W/7", "\"*\"" })
    void mismatchIsPreconditionFailed(String ifMatch) {
        ProblemException e = assertThrows(ProblemException.class, () -> ETags.requireMatch(ifMatch, 7));
        assertEquals(ProblemType.PRECONDITION_FAILED, e.type());
        assertEquals(412, e.type().status());
        assertTrue(e.getMessage().contains("\"7\""), e.getMessage());
    }
}

package io.dengta.commons.requestid;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

/** The X-Request-Id acceptance rule, without a server. */
class RequestIdsTest {

    @ParameterizedTest
    @ValueSource(strings = { "a", "7f0c2a9e-1b2c-4d5e-8f90-123456789abc", "svc.gateway:42_x-Y" })
    void wellFormedIdsAreKept(String id) {
        assertEquals(id, RequestIds.acceptOrGenerate(id));
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = { "has space", "new\nline", "quote\"", "semi;colon", "ünï", "slash/", "{json}" })
    void malformedIdsAreReplaced(String id) {
        String accepted = RequestIds.acceptOrGenerate(id);
        assertNotEquals(id, accepted);
        assertTrue(accepted.matches("[0-9a-f-]{36}"), accepted);
    }

    @Test
    void lengthLimitIs128() {
        assertEquals("x".repeat(128), RequestIds.acceptOrGenerate("x".repeat(128)));
        assertNotEquals("x".repeat(129), RequestIds.acceptOrGenerate("x".repeat(129)));
    }
}

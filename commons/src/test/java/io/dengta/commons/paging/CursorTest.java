package io.dengta.commons.paging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.dengta.commons.problem.ProblemException;
import io.dengta.commons.problem.ProblemType;

/** Cursors round-trip; anything a client forges or garbles is a 400 on {@code cursor}, never a 500. */
class CursorTest {

    private static String base64(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

    private static void assertInvalid(String cursor, int expected) {
        ProblemException e = assertThrows(ProblemException.class, () -> Cursor.decode(cursor, expected));
        assertEquals(ProblemType.VALIDATION, e.type());
        assertEquals("cursor", e.errors().get(0).pointer());
        assertEquals("invalid_cursor", e.errors().get(0).code());
    }

    @Test
    void roundTrip() {
        List<String> key = List.of("南京市玄武区", "2024-09-01T08:00:00Z", "3201130001");
        String cursor = Cursor.encode(key);
        assertEquals(key, Cursor.decode(cursor, 3));
    }

    @Test
    void roundTripOfAwkwardValues() {
        List<String> key = Arrays.asList("", "a,b\"c\\d", "=/+?&");
        assertEquals(key, Cursor.decode(Cursor.encode(key), 3));
    }

    @Test
    void cursorIsUrlSafe() {
        String cursor = Cursor.encode(List.of("???>>>~~~", "ÿÿÿ"));
        assertTrue(cursor.matches("[A-Za-z0-9_-]+"), cursor);
    }

    @ParameterizedTest
    @ValueSource(strings = { "garbage!!", "%%%", "不是游标", "", "eyJh" })
    void garbageIs400OnCursor(String cursor) {
        assertInvalid(cursor, 2);
    }

    @Test
    void wrongNumberOfValuesIs400() {
        assertInvalid(Cursor.encode(List.of("a", "b", "c")), 2);
        assertInvalid(Cursor.encode(List.of("a")), 2);
    }

    @Test
    void validBase64OfSomethingElseIs400() {
        assertInvalid(base64("{\"a\": 1}"), 1);
        assertInvalid(base64("\"text\""), 1);
        assertInvalid(base64("not json"), 1);
    }

    @Test
    void jsonNullIs400() {
        assertInvalid(base64("null"), 1);
    }
}

package io.dengta.indicators.observation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.dengta.commons.problem.ProblemException;
import io.dengta.commons.problem.ProblemType;

class RowsEnvelopeTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static InputStream body(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }

    private static String adapted(String text) throws IOException {
        return new String(RowsEnvelope.adapt(body(text), "application/json", JSON).readAllBytes(), StandardCharsets.UTF_8);
    }

    @Test
    void unwrapsTheRowsOfAnEnvelope() throws IOException {
        String rows = adapted("""
                 {"rows": [{"indicator": "a", "value": 1.50, "tags": [1, {"x": null}]}, {"indicator": "b", "value": 2}]}
                """);
        assertEquals(JSON.readTree("[{\"indicator\": \"a\", \"value\": 1.50, \"tags\": [1, {\"x\": null}]}, {\"indicator\": \"b\", \"value\": 2}]"),
                JSON.readTree(rows));
    }

    @Test
    void keepsNumbersExactlyAsWritten() throws IOException {
        String rows = adapted("{\"rows\": [{\"value\": 12345678901234.123456, \"n\": 0.1}]}");
        assertTrue(rows.contains("12345678901234.123456"), rows);
        assertTrue(rows.contains("0.1"), rows);
    }

    @Test
    void unwrapsALargeEnvelopeInPieces() throws IOException {
        StringBuilder text = new StringBuilder("{\"rows\": [");
        for (int i = 0; i < 20_000; i++) {
            text.append(i == 0 ? "" : ",").append("{\"indicator\": \"x\", \"value\": ").append(i).append('}');
        }
        text.append("]}");
        assertEquals(20_000, JSON.readTree(adapted(text.toString())).size());
    }

    @Test
    void passesArraysAndCsvThrough() {
        InputStream csv = body("indicator,unit\n");
        assertSame(csv, RowsEnvelope.adapt(csv, "text/csv", JSON));
        assertEquals("[]", assertDoesNotThrowRead(RowsEnvelope.adapt(body("[]"), "application/json; charset=UTF-8", JSON)));
    }

    private static String assertDoesNotThrowRead(InputStream in) {
        try {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void rejectsOtherEnvelopeFields() {
        ProblemException before = assertThrows(ProblemException.class,
                () -> RowsEnvelope.adapt(body("{\"data\": []}"), "application/json", JSON));
        assertEquals("/data", before.errors().get(0).pointer());
        assertEquals("unknown_field", before.errors().get(0).code());
        assertEquals("/rows", assertThrows(ProblemException.class,
                () -> RowsEnvelope.adapt(body("{}"), "application/json", JSON)).errors().get(0).pointer());
        assertEquals("not_an_array", assertThrows(ProblemException.class,
                () -> RowsEnvelope.adapt(body("{\"rows\": {}}"), "application/json", JSON)).errors().get(0).code());
        IOException after = assertThrows(IOException.class, () -> adapted("{\"rows\": [], \"source\": \"x\"}"));
        assertTrue(after.getMessage().contains("source"), after.getMessage());
        assertThrows(IOException.class, () -> adapted("{\"rows\": [{}]} trailing"));
        assertThrows(IOException.class, () -> adapted("{\"rows\": [{}"));
    }

    @Test
    void malformedJsonIsAMalformedRequest() {
        assertEquals(ProblemType.MALFORMED_REQUEST, assertThrows(ProblemException.class,
                () -> RowsEnvelope.adapt(body("{\"rows\" [] }"), "application/json", JSON)).type());
    }
}

package io.dengta.commons.paging;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.dengta.commons.problem.ProblemException;

/**
 * An opaque keyset cursor: the sort key values of the last item of a page, base64url-encoded JSON.
 * Clients must treat it as opaque; a cursor that does not decode is a 400 on {@code cursor}.
 */
public final class Cursor {

    private static final ObjectMapper JSON = new ObjectMapper();

    private Cursor() {
    }

    public static String encode(List<String> keyValues) {
        try {
            return Base64.getUrlEncoder().withoutPadding().encodeToString(JSON.writeValueAsBytes(keyValues));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    public static List<String> decode(String cursor, int expectedValues) {
        try {
            List<String> values = JSON.readValue(Base64.getUrlDecoder().decode(cursor.getBytes(StandardCharsets.US_ASCII)),
                    new TypeReference<ArrayList<String>>() {
                    });
            if (values == null || values.size() != expectedValues || values.contains(null)) {
                throw invalid();
            }
            return values;
        } catch (IllegalArgumentException | java.io.IOException e) {
            throw invalid();
        }
    }

    private static ProblemException invalid() {
        return ProblemException.invalid("cursor", "invalid_cursor",
                "not a cursor this collection issued with this sort; start again without it");
    }
}

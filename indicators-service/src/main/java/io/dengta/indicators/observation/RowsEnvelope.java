package io.dengta.indicators.observation;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.dengta.commons.problem.ProblemException;
import io.dengta.commons.problem.ProblemType;

/**
 * Lets a JSON import be either the array of rows that commons' ImportRunner reads, or the envelope
 * {@code {"rows": [...]}} that schools-service's statistics publisher sends: the envelope is turned into
 * the bare array as it streams (one JSON token at a time, so memory does not grow with the body). The
 * envelope has no other field. CSV and bare arrays pass through untouched.
 */
final class RowsEnvelope {

    private RowsEnvelope() {
    }

    static InputStream adapt(InputStream body, String contentType, ObjectMapper json) {
        if (contentType == null || !contentType.toLowerCase().startsWith("application/json")) {
            return body;
        }
        BufferedInputStream buffered = new BufferedInputStream(body, 8192);
        try {
            if (firstSignificantByte(buffered) != '{') {
                return buffered;
            }
            JsonParser parser = json.getFactory().createParser(buffered);
            parser.nextToken();
            JsonToken token = parser.nextToken();
            if (token == JsonToken.END_OBJECT) {
                throw ProblemException.invalid("/rows", "required", "the envelope has rows: {\"rows\": [...]}");
            }
            String field = parser.currentName();
            if (!"rows".equals(field)) {
                throw ProblemException.invalid("/" + field, "unknown_field",
                        "unknown field '" + field + "'; a JSON import is an array of rows or {\"rows\": [...]}");
            }
            if (parser.nextToken() != JsonToken.START_ARRAY) {
                throw ProblemException.invalid("/rows", "not_an_array", "rows is an array of objects");
            }
            return new Unwrapped(parser, json);
        } catch (IOException e) {
            throw new ProblemException(ProblemType.MALFORMED_REQUEST, "The body is not valid JSON: " + e.getMessage());
        }
    }

    /** The first byte that is not whitespace (or a UTF-8 byte order mark), without consuming it. */
    private static int firstSignificantByte(BufferedInputStream in) throws IOException {
        in.mark(8192);
        int b;
        int read = 0;
        do {
            b = in.read();
            read++;
        } while (b != -1 && read < 8192 && (b == ' ' || b == '\t' || b == '\n' || b == '\r' || b == 0xEF || b == 0xBB || b == 0xBF));
        in.reset();
        return b;
    }

    /** The rows array re-serialized token by token; fails (as malformed JSON) if the envelope goes on after it. */
    private static final class Unwrapped extends InputStream {
        private static final int CHUNK = 8192;
        private final JsonParser parser;
        private final ByteArrayOutputStream buffer = new ByteArrayOutputStream(CHUNK * 2);
        private final JsonGenerator out;
        private byte[] pending = new byte[0];
        private int position;
        private int depth;
        private boolean finished;

        Unwrapped(JsonParser parser, ObjectMapper json) throws IOException {
            this.parser = parser;
            this.out = json.getFactory().createGenerator(buffer);
            out.writeStartArray();
        }

        @Override
        public int read() throws IOException {
            if (!fill()) {
                return -1;
            }
            return pending[position++] & 0xFF;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (len == 0) {
                return 0;
            }
            if (!fill()) {
                return -1;
            }
            int n = Math.min(len, pending.length - position);
            System.arraycopy(pending, position, b, off, n);
            position += n;
            return n;
        }

        private boolean fill() throws IOException {
            while (position >= pending.length) {
                if (finished) {
                    return false;
                }
                while (!finished && buffer.size() < CHUNK) {
                    step();
                }
                out.flush();
                pending = buffer.toByteArray();
                position = 0;
                buffer.reset();
            }
            return true;
        }

        private void step() throws IOException {
            JsonToken token = parser.nextToken();
            if (token == null) {
                throw new JsonParseException(parser, "the body ends inside rows");
            }
            if (depth == 0 && token == JsonToken.END_ARRAY) {
                JsonToken after = parser.nextToken();
                if (after == JsonToken.FIELD_NAME) {
                    throw new JsonParseException(parser, "unknown field '" + parser.currentName()
                            + "' after rows; the envelope has only rows");
                }
                if (after != JsonToken.END_OBJECT || parser.nextToken() != null) {
                    throw new JsonParseException(parser, "unexpected content after the rows array");
                }
                out.writeEndArray();
                out.close();
                finished = true;
                return;
            }
            switch (token) {
                case START_OBJECT, START_ARRAY -> depth++;
                case END_OBJECT, END_ARRAY -> depth--;
                default -> {
                }
            }
            if (token == JsonToken.VALUE_NUMBER_INT || token == JsonToken.VALUE_NUMBER_FLOAT) {
                out.writeNumber(parser.getText()); // as written: no rounding through double
            } else {
                out.copyCurrentEvent(parser);
            }
        }

        @Override
        public void close() {
            try {
                parser.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}

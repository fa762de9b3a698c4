package io.dengta.commons.imports;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.stream.Stream;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;

import io.dengta.commons.problem.FieldError;
import io.dengta.commons.problem.ProblemException;
import jakarta.transaction.HeuristicMixedException;
import jakarta.transaction.HeuristicRollbackException;
import jakarta.transaction.NotSupportedException;
import jakarta.transaction.RollbackException;
import jakarta.transaction.Status;
import jakarta.transaction.SystemException;
import jakarta.transaction.TransactionManager;

/**
 * Runs a bulk import: reads JSON (an array of objects) or CSV (UTF-8, header row; list fields separated
 * by {@code |}) one row at a time from the request stream, so memory does not grow with the file;
 * validates each row (bean validation, then the writer's own rules) and upserts it with the writer.
 * Atomic imports and dry runs use one transaction; best-effort imports commit in batches of
 * {@value #BATCH_SIZE}, isolating a row that fails in the database by retrying its batch row by row. Either
 * way the writer gets rows in chunks of at most {@value #BATCH_SIZE}: {@link RowWriter#prepare} with the
 * chunk, then {@link RowWriter#write} for each row. Rejected rows are reported in row order.
 */
@ApplicationScoped
public class ImportRunner {

    public static final int MAX_LISTED_ERRORS = 1000;
    static final int BATCH_SIZE = 500;
    private static final Logger LOG = Logger.getLogger(ImportRunner.class);

    private final ObjectMapper json;
    private final Validator validator;
    private final TransactionManager transactions;
    private final ImportMeters meters;

    public ImportRunner(ObjectMapper json, Validator validator, TransactionManager transactions, ImportMeters meters) {
        this.json = json;
        this.validator = validator;
        this.transactions = transactions;
        this.meters = meters;
    }

    public <T> ImportReport run(String resourceType, InputStream body, String contentType, Class<T> rowType,
            RowWriter<T> writer, ImportOptions options) {
        return run(resourceType, body, contentType, rowType, writer, options, rows -> {
        });
    }

    /** As {@link #run(String, InputStream, String, Class, RowWriter, ImportOptions)}, telling rows read as it goes. */
    public <T> ImportReport run(String resourceType, InputStream body, String contentType, Class<T> rowType,
            RowWriter<T> writer, ImportOptions options, java.util.function.LongConsumer progress) {
        ImportMeters.Timing timing = meters.start(resourceType);
        try {
            ImportReport report = runMetered(resourceType, body, contentType, rowType, writer, options, progress);
            timing.finished(report);
            return report;
        } catch (RuntimeException e) {
            timing.failed();
            throw e;
        }
    }

    private <T> ImportReport runMetered(String resourceType, InputStream body, String contentType, Class<T> rowType,
            RowWriter<T> writer, ImportOptions options, java.util.function.LongConsumer progress) {
        Tally tally = new Tally();
        tally.progress = progress;
        try (RowSource rows = open(body, contentType, rowType)) {
            if (options.atomic() || options.dryRun()) {
                runInOneTransaction(rows, rowType, writer, options, tally);
            } else {
                runInBatches(rows, rowType, writer, tally);
            }
        }
        String status = options.dryRun() ? "dry-run"
                : options.atomic() && tally.rejected > 0 ? "rejected" : "applied";
        boolean nothingKept = !status.equals("applied");
        return new ImportReport(resourceType, options.mode(), options.dryRun(), status, tally.rows,
                nothingKept && !options.dryRun() ? 0 : tally.created,
                nothingKept && !options.dryRun() ? 0 : tally.updated,
                nothingKept && !options.dryRun() ? 0 : tally.unchanged,
                tally.rejected, tally.errors.stream().sorted(java.util.Comparator.comparingLong(RowError::row)).toList(),
                tally.truncated);
    }

    private <T> void runInOneTransaction(RowSource rows, Class<T> rowType, RowWriter<T> writer, ImportOptions options,
            Tally tally) {
        inTransaction(() -> {
            // rows are written in chunks, so that the writer can prepare each chunk (memory: one chunk)
            List<ParsedRow<T>> chunk = new ArrayList<>(BATCH_SIZE);
            boolean failed = false;
            while (rows.hasNext() && !failed) {
                ParsedRow<T> row = parse(rows.next(), rowType, tally);
                if (row != null) {
                    chunk.add(row);
                }
                if (chunk.size() == BATCH_SIZE) {
                    failed = !writeChunk(chunk, writer, tally);
                    chunk.clear();
                }
            }
            if (!failed && !chunk.isEmpty()) {
                failed = !writeChunk(chunk, writer, tally);
            }
            if (failed) {
                // the transaction cannot go on after a database failure: nothing is kept
                tally.rejected += rows.drain();
            }
            return !options.dryRun() && tally.rejected == 0;
        });
    }

    /** Prepares and writes rows in the current transaction; false (the rest counted rejected) on a database failure. */
    private static <T> boolean writeChunk(List<ParsedRow<T>> chunk, RowWriter<T> writer, Tally tally) {
        writer.prepare(chunk.stream().map(ParsedRow::value).toList());
        for (int i = 0; i < chunk.size(); i++) {
            if (!write(chunk.get(i), writer, tally)) {
                tally.rejected += chunk.size() - i - 1;
                return false;
            }
        }
        return true;
    }

    private <T> void runInBatches(RowSource rows, Class<T> rowType, RowWriter<T> writer, Tally tally) {
        List<ParsedRow<T>> batch = new ArrayList<>(BATCH_SIZE);
        while (rows.hasNext()) {
            ParsedRow<T> row = parse(rows.next(), rowType, tally);
            if (row != null) {
                batch.add(row);
            }
            if (batch.size() == BATCH_SIZE) {
                writeBatch(batch, writer, tally);
                batch.clear();
            }
        }
        if (!batch.isEmpty()) {
            writeBatch(batch, writer, tally);
        }
    }

    private <T> void writeBatch(List<ParsedRow<T>> batch, RowWriter<T> writer, Tally tally) {
        Tally attempt = tally.copy();
        boolean clean = inTransaction(() -> writeChunk(batch, writer, attempt));
        if (clean) {
            tally.takeFrom(attempt);
            return;
        }
        // a row failed in the database: keep the others, one transaction each
        for (ParsedRow<T> row : batch) {
            inTransaction(() -> writeChunk(List.of(row), writer, tally));
        }
    }

    /** Runs {@code work} in a new transaction, committed when it returns true, rolled back otherwise. */
    private boolean inTransaction(java.util.function.BooleanSupplier work) {
        try {
            transactions.begin();
            boolean keep;
            try {
                keep = work.getAsBoolean();
            } catch (RuntimeException e) {
                transactions.rollback();
                throw e;
            }
            if (keep && transactions.getStatus() == Status.STATUS_ACTIVE) {
                transactions.commit();
                return true;
            }
            transactions.rollback();
            return false;
        } catch (SystemException | NotSupportedException | RollbackException | HeuristicMixedException
                | HeuristicRollbackException e) {
            throw new IllegalStateException("Import transaction failed", e);
        }
    }

    /** Returns false when the database refused the row (the transaction is then unusable). */
    private static <T> boolean write(ParsedRow<T> row, RowWriter<T> writer, Tally tally) {
        try {
            switch (writer.write(row.value())) {
                case CREATED -> tally.created++;
                case UPDATED -> tally.updated++;
                case UNCHANGED -> tally.unchanged++;
            }
            return true;
        } catch (ProblemException e) {
            tally.reject(row.number(), e.errors().isEmpty()
                    ? List.of(new FieldError("", e.type().name().toLowerCase().replace('_', '-'), e.getMessage()))
                    : e.errors());
            return true;
        } catch (RuntimeException e) {
            LOG.warnf("Import row %d could not be written: %s", row.number(), e.getMessage());
            tally.reject(row.number(), List.of(new FieldError("", "write_failed",
                    "the row could not be written; it conflicts with existing data")));
            return false;
        }
    }

    private <T> ParsedRow<T> parse(RawRow raw, Class<T> rowType, Tally tally) {
        tally.rows++;
        if (tally.rows % BATCH_SIZE == 0) {
            tally.progress.accept(tally.rows);
        }
        if (raw.error() != null) {
            tally.reject(raw.number(), List.of(raw.error()));
            return null;
        }
        T value;
        try {
            value = json.treeToValue(raw.node(), rowType);
        } catch (JsonMappingException e) {
            tally.reject(raw.number(), List.of(new FieldError(pointer(e), "invalid_value", e.getOriginalMessage())));
            return null;
        } catch (IOException e) {
            tally.reject(raw.number(), List.of(new FieldError("", "invalid_row", e.getMessage())));
            return null;
        }
        Set<ConstraintViolation<T>> violations = validator.validate(value);
        if (!violations.isEmpty()) {
            tally.reject(raw.number(), violations.stream()
                    .map(v -> new FieldError("/" + v.getPropertyPath().toString().replace('.', '/')
                            .replaceAll("\\[(\\d+)]", "/$1").replaceAll("<[^>]*>", ""),
                            v.getConstraintDescriptor().getAnnotation().annotationType().getSimpleName()
                                    .replaceAll("([a-z])([A-Z])", "$1_$2").toLowerCase(),
                            v.getMessage()))
                    .sorted((a, b) -> a.pointer().compareTo(b.pointer())).toList());
            return null;
        }
        return new ParsedRow<>(raw.number(), value);
    }

    /** 415 unless the content type is one imports read. */
    public static void requireSupported(String contentType) {
        String type = contentType == null ? "" : contentType.toLowerCase();
        if (!type.startsWith("text/csv") && !type.startsWith("application/json")) {
            throw new ProblemException(io.dengta.commons.problem.ProblemType.UNSUPPORTED_MEDIA_TYPE,
                    "Imports take application/json (an array of objects) or text/csv (UTF-8 with a header row)");
        }
    }

    private RowSource open(InputStream stream, String contentType, Class<?> rowType) {
        // the caller owns the stream (it may still read it, e.g. to hash it): parsers must not close it
        InputStream body = new java.io.FilterInputStream(stream) {
            @Override
            public void close() {
            }
        };
        String type = contentType == null ? "" : contentType.toLowerCase();
        if (type.startsWith("text/csv")) {
            return new CsvRows(body, rowType, json);
        }
        if (type.startsWith("application/json")) {
            return new JsonRows(body, json);
        }
        throw new ProblemException(io.dengta.commons.problem.ProblemType.UNSUPPORTED_MEDIA_TYPE,
                "Imports take application/json (an array of objects) or text/csv (UTF-8 with a header row)");
    }

    private static String pointer(JsonMappingException e) {
        StringBuilder pointer = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                pointer.append('/').append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                pointer.append('/').append(ref.getIndex());
            }
        }
        return pointer.toString();
    }

    private record ParsedRow<T>(long number, T value) {
    }

    private record RawRow(long number, JsonNode node, FieldError error) {
    }

    private static final class Tally {
        long rows;
        long created;
        long updated;
        long unchanged;
        long rejected;
        boolean truncated;
        java.util.function.LongConsumer progress = rows -> {
        };
        final List<RowError> errors = new ArrayList<>();

        void reject(long row, List<FieldError> fieldErrors) {
            rejected++;
            for (FieldError e : fieldErrors) {
                if (errors.size() < MAX_LISTED_ERRORS) {
                    String field = e.pointer().startsWith("/") ? e.pointer().substring(1).replace('/', '.') : e.pointer();
                    errors.add(new RowError(row, field, e.code(), e.message()));
                } else {
                    truncated = true;
                }
            }
        }

        Tally copy() {
            Tally t = new Tally();
            t.rows = rows;
            t.created = created;
            t.updated = updated;
            t.unchanged = unchanged;
            t.rejected = rejected;
            t.truncated = truncated;
            t.progress = progress;
            t.errors.addAll(errors);
            return t;
        }

        void takeFrom(Tally t) {
            created = t.created;
            updated = t.updated;
            unchanged = t.unchanged;
            rejected = t.rejected;
            truncated = t.truncated;
            errors.clear();
            errors.addAll(t.errors);
        }
    }

    /** Rows of the body, one at a time. */
    private abstract static class RowSource implements Iterator<RawRow>, AutoCloseable {
        long number;

        /** Skips the remaining rows, returning how many there were. */
        long drain() {
            long n = 0;
            while (hasNext()) {
                next();
                n++;
            }
            return n;
        }

        @Override
        public abstract void close();
    }

    private static final class JsonRows extends RowSource {
        private final JsonParser parser;
        private final ObjectMapper json;
        private JsonToken token;

        JsonRows(InputStream body, ObjectMapper json) {
            this.json = json;
            try {
                parser = json.getFactory().createParser(body);
                if (parser.nextToken() != JsonToken.START_ARRAY) {
                    throw ProblemException.invalid("", "not_an_array", "a JSON import is an array of objects");
                }
                token = parser.nextToken();
            } catch (IOException e) {
                throw new ProblemException(io.dengta.commons.problem.ProblemType.MALFORMED_REQUEST,
                        "The body is not valid JSON: " + e.getMessage());
            }
        }

        @Override
        public boolean hasNext() {
            return token != null && token != JsonToken.END_ARRAY;
        }

        @Override
        public RawRow next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            number++;
            try {
                JsonNode node = json.readTree(parser);
                token = parser.nextToken();
                if (!node.isObject()) {
                    return new RawRow(number, null, new FieldError("", "not_an_object", "each row is a JSON object"));
                }
                return new RawRow(number, node, null);
            } catch (IOException e) {
                // the rest of the stream cannot be trusted after a syntax error
                throw new ProblemException(io.dengta.commons.problem.ProblemType.MALFORMED_REQUEST,
                        "The body is not valid JSON near row " + number + ": " + e.getMessage());
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

    private static final class CsvRows extends RowSource {
        private final MappingIterator<Map<String, String>> rows;
        private final ObjectMapper json;
        private final Set<String> listFields = new LinkedHashSet<>();

        CsvRows(InputStream body, Class<?> rowType, ObjectMapper json) {
            this.json = json;
            Set<String> known = new LinkedHashSet<>();
            if (rowType.isRecord()) {
                for (RecordComponent c : rowType.getRecordComponents()) {
                    known.add(c.getName());
                    if (Collection.class.isAssignableFrom(c.getType())) {
                        listFields.add(c.getName());
                    }
                }
            }
            try {
                rows = new CsvMapper().readerForMapOf(String.class)
                        .with(CsvSchema.emptySchema().withHeader()).readValues(body);
                if (rows.hasNext()) {
                    CsvSchema header = (CsvSchema) rows.getParserSchema();
                    List<String> unknown = Stream.of(header.getColumnNames().toArray(String[]::new))
                            .filter(c -> !known.isEmpty() && !known.contains(c)).toList();
                    if (!unknown.isEmpty()) {
                        throw ProblemException.invalid(unknown.stream()
                                .map(c -> new FieldError(c, "unknown_column", "unknown column '" + c
                                        + "'; columns: " + String.join(", ", known)))
                                .toList());
                    }
                }
            } catch (IOException e) {
                throw new ProblemException(io.dengta.commons.problem.ProblemType.MALFORMED_REQUEST,
                        "The body is not valid CSV: " + e.getMessage());
            }
        }

        @Override
        public boolean hasNext() {
            return rows.hasNext();
        }

        @Override
        public RawRow next() {
            number++;
            Map<String, String> values;
            try {
                values = rows.nextValue();
            } catch (IOException e) {
                return new RawRow(number, null, new FieldError("", "malformed_row", e.getMessage()));
            }
            ObjectNode node = json.createObjectNode();
            values.forEach((column, value) -> {
                if (value == null || value.isBlank()) {
                    return;
                }
                if (listFields.contains(column)) {
                    ArrayNode list = node.putArray(column);
                    for (String item : value.split("\\|")) {
                        list.add(item.trim());
                    }
                } else {
                    node.put(column, value.trim());
                }
            });
            return new RawRow(number, node, null);
        }

        @Override
        public void close() {
            try {
                rows.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}

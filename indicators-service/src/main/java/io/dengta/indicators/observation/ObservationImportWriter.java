package io.dengta.indicators.observation;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import jakarta.transaction.TransactionSynchronizationRegistry;

import io.dengta.commons.imports.RowOutcome;
import io.dengta.commons.imports.RowWriter;
import io.dengta.commons.problem.FieldError;
import io.dengta.commons.problem.ProblemException;

/**
 * Writes the rows of one observations import: the rules of a PUT, the caller's scope (a row outside it is
 * rejected as {@code out_of_scope}), and no natural key twice in one payload ({@code duplicate_key}: a row
 * whose key an earlier accepted row of the payload had). Before each batch of rows ImportRunner hands it
 * ({@link #prepare}), it reads the current state of all their keys in one query, so that an unchanged
 * row is recognized (and written nowhere) without a query of its own.
 * <p>
 * Keys seen are kept as 64-bit hashes in a {@link KeyHashSet} (about 16 bytes per row; at most
 * {@value KeyHashSet#MAX_KEYS} rows per import). In best-effort mode a batch the database refused is
 * retried row by row: the keys that batch had added are forgotten first.
 * <p>
 * Concurrent writers: a row is compared with the state read for its batch; a row that differs is written
 * after taking the feed's lock (see {@link ObservationService#write}), re-reading its row if someone else
 * changed it meanwhile. So each row is one upsert, ordered before or after a concurrent write of the same
 * key; a row found unchanged counts as ordered before any later write of it.
 */
final class ObservationImportWriter implements RowWriter<ObservationRow> {

    private static final int MAX_CACHED_INDICATORS = 10_000;

    private final ObservationService observations;
    private final ObservationStore store;
    private final ObservationAccess access;
    private final TransactionSynchronizationRegistry transactions;
    private final boolean batchesMayBeRetried;
    private final KeyHashSet seen = new KeyHashSet();
    private final MessageDigest sha256;
    private final Map<String, Optional<IndicatorRef>> indicators = new HashMap<>();
    private Map<ObservationKey, StoredObservation> current = Map.of();
    private boolean prepared;
    private Object transaction;
    private final List<Long> addedInTransaction = new ArrayList<>();

    /**
     * @param batchesMayBeRetried true for best-effort imports (ImportRunner commits batches and retries a
     *        refused batch row by row); false when the import is one transaction
     */
    ObservationImportWriter(ObservationService observations, ObservationStore store, ObservationAccess access,
            TransactionSynchronizationRegistry transactions, boolean batchesMayBeRetried) {
        this.observations = observations;
        this.store = store;
        this.access = access;
        this.transactions = transactions;
        this.batchesMayBeRetried = batchesMayBeRetried;
        try {
            this.sha256 = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void prepare(List<ObservationRow> rows) {
        Set<ObservationKey> keys = new LinkedHashSet<>();
        for (ObservationRow row : rows) {
            ObservationKey key = ObservationRules.check(ObservationDraft.of(row), this::indicator, false).key();
            if (key != null) {
                keys.add(key);
            }
        }
        current = store.findAll(keys);
        prepared = true;
    }

    @Override
    public RowOutcome write(ObservationRow row) {
        Object tx = transactions.getTransactionKey();
        if (!tx.equals(transaction)) {
            transaction = tx;
            addedInTransaction.clear();
        }
        ObservationRules.Checked checked = ObservationRules.check(ObservationDraft.of(row), this::indicator, false);
        List<FieldError> errors = new ArrayList<>(checked.errors());
        long hash = 0;
        StoredObservation existing = null;
        if (checked.key() != null) {
            hash = hash(checked.key());
            if (seen.contains(hash)) {
                errors.add(new FieldError("", "duplicate_key", "an earlier row of this import has the same indicator, "
                        + "unit, period and stage (" + checked.key().journalKey() + ")"));
            } else if (seen.full()) {
                errors.add(new FieldError("", "too_many_rows", "an import takes at most " + KeyHashSet.MAX_KEYS
                        + " observations; split the file"));
            }
        }
        if (checked.observation() != null) {
            ValidObservation o = checked.observation();
            if (!access.canWrite(o.key().unit(), o.region())) {
                errors.add(outOfScope(o.key().unit(), o.region()));
            } else {
                existing = prepared ? current.get(o.key()) : store.find(o.key(), false).orElse(null);
                if (existing != null && existing.live() && !access.canWrite(existing.key().unit(), existing.region())) {
                    errors.add(outOfScope(existing.key().unit(), existing.region()));
                }
            }
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        ObservationService.Written written;
        try {
            written = observations.write(checked.observation(), existing, false,
                    stored -> access.canWrite(stored.key().unit(), stored.region()));
        } catch (ProblemException e) {
            throw e;
        } catch (RuntimeException e) {
            forgetTransaction();
            throw e;
        }
        seen.add(hash);
        if (batchesMayBeRetried) {
            addedInTransaction.add(hash);
        }
        if (prepared) {
            current.put(written.stored().key(), written.stored());
        }
        return written.outcome();
    }

    /** The database refused a write: ImportRunner rolls the batch back and may retry its rows one by one. */
    private void forgetTransaction() {
        for (long h : addedInTransaction) {
            seen.remove(h);
        }
        addedInTransaction.clear();
        current = Map.of();
        prepared = false;
    }

    private static FieldError outOfScope(String unit, String region) {
        return new FieldError("/unit", "out_of_scope", "observations of " + unit + " (region " + region
                + ") are outside your organisation scope");
    }

    private Optional<IndicatorRef> indicator(String code) {
        Optional<IndicatorRef> cached = indicators.get(code);
        if (cached != null) {
            return cached;
        }
        Optional<IndicatorRef> found = observations.indicator(code);
        if (indicators.size() < MAX_CACHED_INDICATORS) {
            indicators.put(code, found);
        }
        return found;
    }

    private long hash(ObservationKey key) {
        byte[] digest = sha256.digest(key.canonical().getBytes(StandardCharsets.UTF_8));
        long h = 0;
        for (int i = 0; i < 8; i++) {
            h = (h << 8) | (digest[i] & 0xFF);
        }
        return h;
    }
}

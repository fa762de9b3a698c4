package io.dengta.indicators.observation;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import io.dengta.commons.imports.RowOutcome;
import io.dengta.commons.imports.RowWriter;
import io.dengta.commons.journal.Operation;
import io.dengta.commons.journal.WriteJournal;
import io.dengta.commons.problem.FieldError;
import io.dengta.commons.problem.ProblemException;
import io.dengta.commons.security.CallerScope;

/**
 * Writes the rows of one observations import set by set: the rules of a PUT, the caller's scope (a row
 * outside it is rejected as {@code out_of_scope}), and no natural key twice in one payload
 * ({@code duplicate_key}: a row whose key an earlier accepted row of the payload had).
 * <p>
 * ImportRunner hands it each batch of rows first ({@link #prepare}); the whole batch is decided and
 * written there, and {@link #write} then answers each row's outcome. For a batch: the rules in Java; the
 * current state of all its keys in one query; each row classified in Java (created, updated, unchanged
 * or rejected); then, if anything changed, the feed's lock, one multi-row insert, one multi-row update
 * and the journal of every change in three statements ({@link WriteJournal#recordAll}). An unchanged row is
 * written nowhere, so a replayed feed only reads and compares. A dry run writes nothing, and neither does
 * an atomic import once it has rejected a row (nothing of it will be kept).
 * <p>
 * Concurrent writers: every writer of observations takes the feed's lock before writing (see
 * {@link ObservationService#write}). The batch's state is read without it; when the batch has changes
 * and the transaction does not hold the lock yet, the lock is taken and the state read and decided again,
 * so the writes that follow meet no concurrent change. A row found unchanged counts as ordered before
 * any later write of its key.
 * <p>
 * Keys seen are kept as 64-bit hashes in a {@link KeyHashSet} (about 16 bytes per row; at most
 * {@value KeyHashSet#MAX_KEYS} rows per import). If the database refuses a batch, the first row's write
 * fails (ImportRunner then rolls the batch back, and in best-effort mode retries its rows one by one) and
 * the keys the batch had added are forgotten.
 */
final class ObservationImportWriter implements RowWriter<ObservationRow> {

    private static final int MAX_CACHED_INDICATORS = 10_000;
    private static final int MAX_CACHED_SCOPES = 100_000;

    private final ObservationService observations;
    private final ObservationStore store;
    private final WriteJournal journal;
    private final ObservationAccess access;
    private final CallerScope caller;
    private final boolean dryRun;
    private final boolean atomic;
    private final KeyHashSet seen = new KeyHashSet();
    private final MessageDigest sha256;
    private final Map<String, Optional<IndicatorRef>> indicators = new HashMap<>();
    /** The caller's scope does not change during an import: its answer per unit and region is kept. */
    private final Map<String, Boolean> writable = new HashMap<>();

    /** The current batch: each row's outcome (a RowOutcome, or the ProblemException rejecting it). */
    private Object[] results;
    private int position;
    private RuntimeException failure;
    private boolean rejectedAny;

    ObservationImportWriter(ObservationService observations, ObservationStore store, WriteJournal journal,
            ObservationAccess access, CallerScope caller, boolean dryRun, boolean atomic) {
        this.observations = observations;
        this.store = store;
        this.journal = journal;
        this.access = access;
        this.caller = caller;
        this.dryRun = dryRun;
        this.atomic = atomic;
        try {
            this.sha256 = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A row that passed the rules and the caller's scope, before the stored state is known. */
    private record Candidate(int index, ObservationKey key, ValidObservation observation, long hash) {
    }

    /** One change of a batch: the observation's state before (null when created) and after. */
    private record Change(ObservationKey key, ObservationView before, ObservationView after) {
    }

    /** What a batch will write, in row order. */
    private record Plan(List<ValidObservation> inserts, List<ObservationStore.Replacement> updates,
            List<Change> journal, List<Long> added, Map<Integer, FieldError> rejected) {

        boolean writes() {
            return !journal.isEmpty();
        }
    }

    @Override
    public void prepare(List<ObservationRow> rows) {
        results = new Object[rows.size()];
        position = 0;
        failure = null;

        List<Candidate> candidates = new ArrayList<>();
        List<List<FieldError>> errors = new ArrayList<>(rows.size());
        Set<ObservationKey> keys = new LinkedHashSet<>();
        for (int i = 0; i < rows.size(); i++) {
            ObservationRules.Checked checked = ObservationRules.check(ObservationDraft.of(rows.get(i)), this::indicator,
                    false);
            List<FieldError> rowErrors = new ArrayList<>(checked.errors());
            errors.add(rowErrors);
            ValidObservation o = checked.observation();
            if (o != null && !canWrite(o.key().unit(), o.region())) {
                rowErrors.add(outOfScope(o.key().unit(), o.region()));
            }
            if (checked.key() != null) {
                long hash = hash(checked.key());
                if (rowErrors.isEmpty()) {
                    candidates.add(new Candidate(i, o.key(), o, hash));
                    keys.add(o.key());
                } else {
                    // a row with other errors is still reported as a duplicate of an earlier row
                    candidates.add(new Candidate(i, checked.key(), null, hash));
                }
            }
        }

        boolean write = !dryRun && !(atomic && rejectedAny);
        Plan plan = decide(candidates, store.findAll(keys));
        if (plan.writes() && write && !observations.feedLocked()) {
            // changes to write: under the feed's lock, nobody else writes observations; decide again on what is stored now
            forget(plan.added());
            observations.lockFeed();
            plan = decide(candidates, store.findAll(keys));
        }
        for (int i = 0; i < results.length; i++) {
            List<FieldError> rowErrors = errors.get(i);
            FieldError decided = plan.rejected().get(i);
            if (decided != null) {
                rowErrors.add(decided);
            }
            if (!rowErrors.isEmpty()) {
                results[i] = ProblemException.invalid(rowErrors);
                rejectedAny = true;
            }
        }
        if (plan.writes() && write) {
            try {
                OffsetDateTime now = now();
                int inserted = store.insertAll(plan.inserts(), now);
                int updated = store.updateAll(plan.updates(), now);
                if (inserted != plan.inserts().size() || updated != plan.updates().size()) {
                    throw new IllegalStateException("observations changed under the feed's lock");
                }
                journal.recordAll(journalEntries(stamped(plan.journal(), now)));
            } catch (RuntimeException e) {
                forget(plan.added());
                failure = e;
            }
        }
    }

    /**
     * Decides each candidate row against the stored state, in row order: duplicate of an earlier accepted
     * row, too many rows, stored row outside the caller's scope, unchanged, created or updated. Sets
     * {@link #results} of accepted rows and answers the others' errors; accepted keys are added to
     * {@link #seen} (and listed, to be forgotten if the batch is decided again or fails).
     */
    private Plan decide(List<Candidate> candidates, Map<ObservationKey, StoredObservation> current) {
        List<ValidObservation> inserts = new ArrayList<>();
        List<ObservationStore.Replacement> updates = new ArrayList<>();
        List<Change> entries = new ArrayList<>();
        List<Long> added = new ArrayList<>();
        Map<Integer, FieldError> rejected = new HashMap<>();
        for (Candidate c : candidates) {
            results[c.index()] = null;
            if (seen.contains(c.hash())) {
                rejected.put(c.index(), new FieldError("", "duplicate_key", "an earlier row of this import has the "
                        + "same indicator, unit, period and stage (" + c.key().journalKey() + ")"));
                continue;
            }
            if (seen.full()) {
                rejected.put(c.index(), new FieldError("", "too_many_rows", "an import takes at most "
                        + KeyHashSet.MAX_KEYS + " observations; split the file"));
                continue;
            }
            ValidObservation o = c.observation();
            if (o == null) {
                continue;
            }
            StoredObservation existing = current.get(o.key());
            if (existing != null && existing.live() && !canWrite(existing.key().unit(), existing.region())) {
                rejected.put(c.index(), outOfScope(existing.key().unit(), existing.region()));
                continue;
            }
            seen.add(c.hash());
            added.add(c.hash());
            if (existing != null && existing.live() && o.sameContentAs(existing)) {
                results[c.index()] = RowOutcome.UNCHANGED;
                continue;
            }
            boolean created = existing == null || !existing.live();
            results[c.index()] = created ? RowOutcome.CREATED : RowOutcome.UPDATED;
            if (existing == null) {
                inserts.add(o);
            } else {
                updates.add(new ObservationStore.Replacement(existing.id(), existing.version(), o));
            }
            // the state after is completed with the write's time in stamped()
            entries.add(new Change(o.key(), created ? null : ObservationView.of(existing),
                    ObservationView.of(after(o, existing, null))));
        }
        return new Plan(inserts, updates, entries, added, rejected);
    }

    private static List<WriteJournal.Entry> journalEntries(List<Change> changes) {
        List<WriteJournal.Entry> entries = new ArrayList<>(changes.size());
        for (Change c : changes) {
            entries.add(new WriteJournal.Entry(ObservationService.RESOURCE_TYPE, c.key().journalKey(), Operation.UPSERT,
                    c.after().region(), ObservationService.schoolOf(c.key()), c.before(), c.after()));
        }
        return entries;
    }

    /** The journal entries with the write's time as the state after's updatedAt (and createdAt when created). */
    private static List<Change> stamped(List<Change> entries, OffsetDateTime now) {
        List<Change> out = new ArrayList<>(entries.size());
        for (Change e : entries) {
            ObservationView a = e.after();
            out.add(new Change(e.key(), e.before(), new ObservationView(a.indicator(), a.unit(),
                    a.unitType(), a.region(), a.period(), a.periodType(), a.stage(), a.value(), a.numerator(),
                    a.denominator(), a.status(), a.source(), a.comment(), a.version(),
                    a.createdAt() == null ? now : a.createdAt(), now)));
        }
        return out;
    }

    /** The row as writing {@code o} over {@code existing} leaves it (a row created now has null times until stamped). */
    private static StoredObservation after(ValidObservation o, StoredObservation existing, OffsetDateTime now) {
        boolean live = existing != null && existing.live();
        return new StoredObservation(existing == null ? 0 : existing.id(), o.key(), o.region(), o.value(), o.numerator(),
                o.denominator(), o.status(), o.source(), o.comment(), existing == null ? 0 : existing.version() + 1,
                live ? existing.createdAt() : now, now, null);
    }

    @Override
    public RowOutcome write(ObservationRow row) {
        if (results == null || position >= results.length) {
            throw new IllegalStateException("rows are written after their batch was prepared");
        }
        if (failure != null) {
            RuntimeException f = failure;
            failure = null;
            position = results.length;
            throw f;
        }
        Object result = results[position++];
        if (result instanceof ProblemException rejected) {
            throw rejected;
        }
        return (RowOutcome) result;
    }

    private void forget(List<Long> hashes) {
        for (long h : hashes) {
            seen.remove(h);
        }
    }

    private static FieldError outOfScope(String unit, String region) {
        return new FieldError("/unit", "out_of_scope", "observations of " + unit + " (region " + region
                + ") are outside your organisation scope");
    }

    private boolean canWrite(String unit, String region) {
        String key = unit.equals(region) ? unit : unit + "/" + region;
        Boolean cached = writable.get(key);
        if (cached != null) {
            return cached;
        }
        boolean allowed = access.canWrite(unit, region);
        if (writable.size() < MAX_CACHED_SCOPES) {
            writable.put(key, allowed);
        }
        return allowed;
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

    private static OffsetDateTime now() {
        // as PostgreSQL keeps it, so that the journal's state after is the stored row
        return OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
    }
}

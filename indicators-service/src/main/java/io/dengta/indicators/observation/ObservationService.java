package io.dengta.indicators.observation;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;

import io.dengta.commons.etag.ETags;
import io.dengta.commons.imports.RowOutcome;
import io.dengta.commons.journal.AuditEntry;
import io.dengta.commons.journal.Operation;
import io.dengta.commons.journal.WriteJournal;
import io.dengta.commons.paging.Page;
import io.dengta.commons.period.InvalidPeriodException;
import io.dengta.commons.period.Period;
import io.dengta.commons.problem.FieldError;
import io.dengta.commons.problem.ProblemException;

/**
 * Observations by natural key: create-or-replace (an identical replacement changes nothing), soft delete
 * (the row stays for its history; reads hide it; the change feed gets a tombstone), history from the
 * audit trail. PUTs and import rows go through the same {@link #write} step.
 */
@ApplicationScoped
public class ObservationService {

    public static final String RESOURCE_TYPE = "observation";

    private static final String FEED_LOCKED = ObservationService.class.getName() + ".feedLocked";

    private final ObservationStore store;
    private final WriteJournal journal;
    private final IndicatorLookup catalog;
    private final TransactionSynchronizationRegistry transactions;

    public ObservationService(ObservationStore store, WriteJournal journal, IndicatorLookup catalog,
            TransactionSynchronizationRegistry transactions) {
        this.store = store;
        this.journal = journal;
        this.catalog = catalog;
        this.transactions = transactions;
    }

    public record PutResult(ObservationView observation, boolean created) {
    }

    /** The observation if it exists, is not deleted and the caller may see it; otherwise 404. */
    public ObservationView get(String indicator, String unit, String period, String stage, ObservationAccess access) {
        ObservationKey key = key(indicator, unit, period, stage);
        StoredObservation o = store.find(key, false).filter(StoredObservation::live).filter(access::canRead)
                .orElseThrow(() -> notFound(key));
        return ObservationView.of(o);
    }

    @Transactional
    public PutResult put(String indicator, String unit, String period, String stage, ObservationInput input,
            String ifMatch, ObservationAccess access) {
        ObservationRules.Checked checked = ObservationRules.check(ObservationDraft.of(indicator, unit, period, stage, input),
                catalog::find, true);
        if (!checked.valid()) {
            if (checked.indicator() == null && checked.errors().stream().anyMatch(e -> e.code().equals("unknown_indicator"))) {
                throw ProblemException.notFound("Indicator " + indicator + " not found");
            }
            throw ProblemException.invalid(checked.errors());
        }
        ValidObservation o = checked.observation();
        access.requireWrite(o.key().unit(), o.region());
        lockFeed();
        StoredObservation existing = store.find(o.key(), true).orElse(null);
        if (existing != null && existing.live()) {
            access.requireWrite(existing.key().unit(), existing.region());
            ETags.requireMatch(ifMatch, existing.version());
        }
        Written written = write(o, existing, true, null);
        return new PutResult(ObservationView.of(written.stored()), written.outcome() == RowOutcome.CREATED);
    }

    @Transactional
    public void delete(String indicator, String unit, String period, String stage, String ifMatch,
            ObservationAccess access) {
        ObservationKey key = key(indicator, unit, period, stage);
        lockFeed();
        StoredObservation existing = store.find(key, true).filter(StoredObservation::live)
                .orElseThrow(() -> notFound(key));
        access.requireWrite(key.unit(), existing.region());
        ETags.requireMatch(ifMatch, existing.version());
        if (store.softDelete(existing.id(), existing.version(), now()) == null) {
            throw new IllegalStateException("a locked observation changed under its lock");
        }
        journal.record(RESOURCE_TYPE, key.journalKey(), Operation.DELETE, existing.region(), schoolOf(key),
                ObservationView.of(existing), null);
    }

    /**
     * Every change of an observation, newest first (also after it was deleted): who, when, from which
     * client, the state before and after. Paged with {@code cursor} = the previous page's {@code next}.
     */
    public Page<ObservationHistoryEntry> history(String indicator, String unit, String period, String stage,
            String cursor, int limit, ObservationAccess access) {
        ObservationKey key = key(indicator, unit, period, stage);
        StoredObservation o = store.find(key, false).orElseThrow(() -> notFound(key));
        if (!access.covers(key.unit(), o.region())) {
            throw notFound(key);
        }
        Long before = null;
        if (cursor != null && !cursor.isBlank()) {
            try {
                before = Long.parseLong(cursor);
            } catch (NumberFormatException e) {
                throw ProblemException.invalid("cursor", "invalid_cursor", "not a cursor of this history; start again without it");
            }
        }
        List<AuditEntry> entries = new ArrayList<>(journal.audit(RESOURCE_TYPE, key.journalKey(), null, before, limit + 1));
        String next = null;
        if (entries.size() > limit) {
            entries = entries.subList(0, limit);
            next = Long.toString(entries.get(limit - 1).id());
        }
        return new Page<>(entries.stream().map(ObservationHistoryEntry::of).toList(), next, null);
    }

    /** What writing one observation did, and the row as it is now. */
    record Written(RowOutcome outcome, StoredObservation stored) {
    }

    /**
     * Stores {@code o} over {@code existing} (the row of its key as read, deleted or not, or null) and
     * journals the change; an identical live row is left alone. Scope and If-Match are checked by the
     * caller. With {@code locked} false, {@code existing} may be stale: a write that finds the row changed
     * (or created) by someone else reads it again, locked, checks {@code mayReplace} on it (a live row
     * that fails it rejects the write as {@code out_of_scope}) and decides again.
     */
    Written write(ValidObservation o, StoredObservation existing, boolean locked,
            java.util.function.Predicate<StoredObservation> mayReplace) {
        if (existing != null && existing.live() && o.sameContentAs(existing)) {
            return new Written(RowOutcome.UNCHANGED, existing);
        }
        lockFeed();
        OffsetDateTime at = now();
        StoredObservation after = existing == null ? store.insert(o, at)
                : store.update(existing.id(), existing.version(), o, at);
        if (after == null) {
            if (locked) {
                throw new IllegalStateException("a locked observation changed under its lock");
            }
            StoredObservation now = store.find(o.key(), true).orElse(null);
            if (now != null && now.live() && mayReplace != null && !mayReplace.test(now)) {
                throw ProblemException.invalid("/unit", "out_of_scope", "observations of " + now.key().unit()
                        + " (region " + now.region() + ") are outside your organisation scope");
            }
            return write(o, now, true, mayReplace);
        }
        boolean created = existing == null || !existing.live();
        ObservationView before = created ? null : ObservationView.of(existing);
        journal.record(RESOURCE_TYPE, o.key().journalKey(), Operation.UPSERT, after.region(), schoolOf(o.key()), before,
                ObservationView.of(after));
        return new Written(created ? RowOutcome.CREATED : RowOutcome.UPDATED, after);
    }

    /**
     * The key of a read or delete, from path and query parameters: unknown indicator 404, malformed unit,
     * period or stage 400 (an indicator reported per stage needs {@code stage}).
     */
    ObservationKey key(String indicator, String unit, String period, String stage) {
        IndicatorRef ref = catalog.find(indicator)
                .orElseThrow(() -> ProblemException.notFound("Indicator " + indicator + " not found"));
        List<FieldError> errors = new ArrayList<>();
        if (unit == null || !unit.matches("\\d{6}|\\d{10}")) {
            errors.add(new FieldError("unit", "invalid_unit", "'" + unit + "' is neither a 6-digit region code nor a 10-digit school code"));
        }
        Period p = null;
        try {
            p = Period.parse(period);
        } catch (InvalidPeriodException e) {
            errors.add(new FieldError("period", "invalid_period", e.getMessage()));
        }
        Optional<String> effectiveStage = ObservationRules.stage(ref, stage, "stage", errors);
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        return new ObservationKey(indicator, unit, p, effectiveStage.orElse(null));
    }

    Optional<IndicatorRef> indicator(String code) {
        return catalog.find(code);
    }

    /**
     * Every write takes the change feed's lock before any row lock (once per transaction): concurrent
     * writers (PUTs, imports of overlapping keys in any order) then queue instead of deadlocking.
     */
    void lockFeed() {
        if (!feedLocked()) {
            journal.lockFeed();
            transactions.putResource(FEED_LOCKED, Boolean.TRUE);
        }
    }

    /** Whether this transaction holds the change feed's lock. */
    boolean feedLocked() {
        return transactions.getResource(FEED_LOCKED) != null;
    }

    static String schoolOf(ObservationKey key) {
        return key.unitType().equals("school") ? key.unit() : null;
    }

    private static ProblemException notFound(ObservationKey key) {
        return ProblemException.notFound("No observation " + key.journalKey());
    }

    private static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC);
    }
}

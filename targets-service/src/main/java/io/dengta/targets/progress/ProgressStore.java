package io.dengta.targets.progress;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The last progress of each target, the status history and the feed cursor (V20). */
@ApplicationScoped
public class ProgressStore {

    /** One status change. */
    public record StatusChange(long id, String previousStatus, String status, String reason, LocalDate asOf,
            OffsetDateTime computedAt, com.fasterxml.jackson.databind.JsonNode inputs) {
    }

    /** What a recomputation did to one target. */
    public enum Outcome {
        UNCHANGED, UPDATED, STATUS_CHANGED
    }

    private final EntityManager em;
    private final ObjectMapper json;

    public ProgressStore(EntityManager em, ObjectMapper json) {
        this.em = em;
        this.json = json;
    }

    public Optional<ProgressView> last(long targetId) {
        // the placeholder stored for a target never computed (markStale) is not a last progress
        @SuppressWarnings("unchecked")
        List<String> rows = em.createNativeQuery("select progress from target_progress where target_id = :t and inputs_hash <> ''")
                .setParameter("t", targetId).getResultList();
        return rows.stream().findFirst().map(this::read);
    }

    /**
     * Stores {@code view} unless the same inputs were stored already; a changed status adds a history entry with the
     * inputs. Locks the target's row so concurrent recomputations of one target serialise.
     */
    @Transactional
    public Outcome save(ProgressView view, String inputsHash, Object inputs) {
        em.createNativeQuery("select id from target where id = :t for update").setParameter("t", view.targetId()).getResultList();
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select status, inputs_hash from target_progress where target_id = :t")
                .setParameter("t", view.targetId()).getResultList();
        // a placeholder stored while the source was down (empty hash) had no status of its own
        String previous = rows.isEmpty() || "".equals(rows.get(0)[1]) ? null : (String) rows.get(0)[0];
        if (!rows.isEmpty() && inputsHash.equals(rows.get(0)[1])) {
            // the same inputs were read again: whatever made the stored progress stale is over
            em.createNativeQuery("""
                    update target_progress set stale_since = null, stale_reason = null, stale_cause = null
                    where target_id = :t and stale_since is not null""").setParameter("t", view.targetId()).executeUpdate();
            return Outcome.UNCHANGED;
        }
        em.createNativeQuery("""
                insert into target_progress (target_id, status, progress, inputs_hash, as_of, computed_at)
                values (:t, :s, :p, :h, :a, :c)
                on conflict (target_id) do update set status = excluded.status, progress = excluded.progress,
                    inputs_hash = excluded.inputs_hash, as_of = excluded.as_of, computed_at = excluded.computed_at,
                    stale_since = null, stale_reason = null, stale_cause = null""")
                .setParameter("t", view.targetId()).setParameter("s", view.status().code()).setParameter("p", write(view))
                .setParameter("h", inputsHash).setParameter("a", view.asOf()).setParameter("c", view.computedAt())
                .executeUpdate();
        if (view.status().code().equals(previous)) {
            return Outcome.UPDATED;
        }
        em.createNativeQuery("""
                insert into target_status_history (target_id, previous_status, status, reason, inputs, as_of, computed_at)
                values (:t, cast(:prev as text), :s, :r, :i, :a, :c)""")
                .setParameter("t", view.targetId()).setParameter("prev", previous).setParameter("s", view.status().code())
                .setParameter("r", view.reason()).setParameter("i", write(inputs)).setParameter("a", view.asOf())
                .setParameter("c", view.computedAt()).executeUpdate();
        return Outcome.STATUS_CHANGED;
    }

    /** What is stored about one target of a plan: enough to tell whether its stored progress can be served. */
    public record StoredState(long targetId, String actualSource, OffsetDateTime updatedAt, String inputsHash,
            LocalDate asOf, OffsetDateTime computedAt, OffsetDateTime lastReportAt, String staleReason) {

        /**
         * The stored progress answers for {@code today}: computed today, after the target's definition and its
         * progress reports last changed, and not marked stale.
         */
        public boolean servable(LocalDate today) {
            return inputsHash != null && staleReason == null && today.equals(asOf) && !computedAt.isBefore(updatedAt)
                    && (lastReportAt == null || !"reports".equals(actualSource) || !computedAt.isBefore(lastReportAt));
        }
    }

    /** Every target of a plan with its stored progress's bookkeeping (no progress text), in goal and code order. */
    public List<StoredState> planState(String planCode) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                select t.id, t.actual_source, t.updated_at, tp.inputs_hash, tp.as_of, tp.computed_at,
                       (select max(r.updated_at) from progress_report r where r.target_id = t.id and t.actual_source = 'reports'),
                       tp.stale_reason
                from target t left join target_progress tp on tp.target_id = t.id
                where t.plan_code = :p order by t.goal_code, t.code""").setParameter("p", planCode).getResultList();
        return rows.stream().map(r -> new StoredState(((Number) r[0]).longValue(), (String) r[1],
                TargetDefinitions.toOffset(r[2]), (String) r[3], r[4] == null ? null : toDate(r[4]),
                TargetDefinitions.toOffset(r[5]), TargetDefinitions.toOffset(r[6]), (String) r[7])).toList();
    }

    /** The stored progress of {@code ids} (those that have one). */
    public java.util.Map<Long, ProgressView> views(List<Long> ids) {
        java.util.Map<Long, ProgressView> out = new java.util.HashMap<>();
        if (ids.isEmpty()) {
            return out;
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select target_id, progress from target_progress where target_id in (:ids)")
                .setParameter("ids", ids).getResultList();
        rows.forEach(r -> out.put(((Number) r[0]).longValue(), read((String) r[1])));
        return out;
    }

    /**
     * Marks a target's stored progress stale because its source did not answer (the first time counts for
     * {@code stale_since}); a target never computed gets {@code fallback} stored, so the gauge counts it too.
     */
    @Transactional
    public void markStale(long targetId, String reason, ProgressView fallback) {
        int updated = em.createNativeQuery("""
                update target_progress set stale_since = coalesce(stale_since, now()), stale_reason = :r, stale_cause = 'source'
                where target_id = :t""").setParameter("t", targetId).setParameter("r", reason).executeUpdate();
        if (updated == 0) {
            em.createNativeQuery("""
                    insert into target_progress (target_id, status, progress, inputs_hash, as_of, computed_at, stale_since,
                        stale_reason, stale_cause)
                    select :t, :s, :p, '', :a, now(), now(), :r, 'source' where exists (select 1 from target where id = :t)
                    on conflict (target_id) do nothing""")
                    .setParameter("t", targetId).setParameter("s", fallback.status().code()).setParameter("p", write(fallback))
                    .setParameter("a", fallback.asOf()).setParameter("r", reason).executeUpdate();
        }
    }

    /** The change feed could not be read: the stored progress of every target reading observations is stale. */
    @Transactional
    public int markFeedStale(String reason) {
        return em.createNativeQuery("""
                update target_progress tp set stale_since = now(), stale_reason = :r, stale_cause = 'feed'
                from target t where t.id = tp.target_id and t.actual_source = 'indicators' and tp.stale_since is null""")
                .setParameter("r", reason).executeUpdate();
    }

    /** The change feed is read again (from its cursor, so nothing is missed): the feed's stale marks are over. */
    @Transactional
    public int clearFeedStale() {
        return em.createNativeQuery("""
                update target_progress set stale_since = null, stale_reason = null, stale_cause = null
                where stale_cause = 'feed' and stale_since is not null""").executeUpdate();
    }

    /** Newest first; {@code before} pages by id. */
    public List<StatusChange> history(long targetId, Long before, int limit) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                select id, previous_status, status, reason, as_of, computed_at, inputs from target_status_history
                where target_id = :t and id < :b order by id desc limit :l""")
                .setParameter("t", targetId).setParameter("b", before == null ? Long.MAX_VALUE : before)
                .setParameter("l", limit).getResultList();
        return rows.stream().map(r -> new StatusChange(((Number) r[0]).longValue(), (String) r[1], (String) r[2],
                (String) r[3], toDate(r[4]), TargetDefinitions.toOffset(r[5]), tree((String) r[6]))).toList();
    }

    /**
     * Stored progress for dashboards: targets after {@code afterId} of plans owned within {@code prefixes} or about one
     * of {@code schools}; {@code prefixes} null: all.
     */
    public List<ProgressView> stored(List<String> prefixes, List<String> schools, String status, long afterId, int limit) {
        StringBuilder sql = new StringBuilder("""
                select tp.progress, tp.stale_reason from target_progress tp join target t on t.id = tp.target_id
                join plan p on p.code = t.plan_code where tp.target_id > :after""");
        if (status != null) {
            sql.append(" and tp.status = :status");
        }
        if (prefixes != null) {
            List<String> visible = new java.util.ArrayList<>(
                    java.util.stream.IntStream.range(0, prefixes.size()).mapToObj(i -> "p.owner_region like :r" + i).toList());
            if (!schools.isEmpty()) {
                visible.add("t.unit_code in (:schools)");
            }
            sql.append(visible.isEmpty() ? " and false" : " and (" + String.join(" or ", visible) + ")");
        }
        sql.append(" order by tp.target_id limit :l");
        var q = em.createNativeQuery(sql.toString()).setParameter("after", afterId).setParameter("l", limit);
        if (status != null) {
            q.setParameter("status", status);
        }
        if (prefixes != null) {
            for (int i = 0; i < prefixes.size(); i++) {
                q.setParameter("r" + i, prefixes.get(i) + "%");
            }
            if (!schools.isEmpty()) {
                q.setParameter("schools", schools);
            }
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = q.getResultList();
        return rows.stream().map(r -> r[1] == null ? read((String) r[0]) : read((String) r[0]).asStale((String) r[1])).toList();
    }

    public long cursor(String feed) {
        @SuppressWarnings("unchecked")
        List<Number> rows = em.createNativeQuery("select after_sequence from progress_feed_cursor where feed = :f")
                .setParameter("f", feed).getResultList();
        return rows.isEmpty() ? 0 : rows.get(0).longValue();
    }

    @Transactional
    public void moveCursor(String feed, long after) {
        em.createNativeQuery("""
                insert into progress_feed_cursor (feed, after_sequence, polled_at) values (:f, :a, now())
                on conflict (feed) do update set after_sequence = excluded.after_sequence, polled_at = excluded.polled_at""")
                .setParameter("f", feed).setParameter("a", after).executeUpdate();
    }

    private static LocalDate toDate(Object value) {
        return value instanceof java.sql.Date d ? d.toLocalDate() : value instanceof LocalDate l ? l : LocalDate.parse(value.toString());
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private ProgressView read(String text) {
        try {
            return json.readValue(text, ProgressView.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored progress does not parse", e);
        }
    }

    private com.fasterxml.jackson.databind.JsonNode tree(String text) {
        try {
            return json.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}

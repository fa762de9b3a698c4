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
        @SuppressWarnings("unchecked")
        List<String> rows = em.createNativeQuery("select progress from target_progress where target_id = :t")
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
        String previous = rows.isEmpty() ? null : (String) rows.get(0)[0];
        if (!rows.isEmpty() && inputsHash.equals(rows.get(0)[1])) {
            return Outcome.UNCHANGED;
        }
        em.createNativeQuery("""
                insert into target_progress (target_id, status, progress, inputs_hash, as_of, computed_at)
                values (:t, :s, :p, :h, :a, :c)
                on conflict (target_id) do update set status = excluded.status, progress = excluded.progress,
                    inputs_hash = excluded.inputs_hash, as_of = excluded.as_of, computed_at = excluded.computed_at""")
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
                select tp.progress from target_progress tp join target t on t.id = tp.target_id
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
        List<String> rows = q.getResultList();
        return rows.stream().map(this::read).toList();
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

package io.dengta.targets.target;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.dengta.targets.plan.Plan;

/**
 * Re-checks unverified targets against indicators-service: a target written while the service was down becomes
 * {@code verified} once it answers. Callable by the progress engine (e.g. before a recompute) and through
 * {@code POST /targets/v1/targets/recheck}.
 */
@ApplicationScoped
public class TargetVerification {

    private final IndicatorDirectory indicators;
    private final SchoolDirectory schools;
    private final TargetWriter writer;
    private final VerificationStore store;

    public TargetVerification(IndicatorDirectory indicators, SchoolDirectory schools, TargetWriter writer,
            VerificationStore store) {
        this.indicators = indicators;
        this.schools = schools;
        this.writer = writer;
        this.store = store;
    }

    @Schema(name = "RecheckReport")
    public record Report(int checked, int verified, int stillUnverified,
            @Schema(description = "Targets rejected: the indicator is unknown (their ids are in unknownIndicator)") int rejected,
            List<Long> unknownIndicator) {
    }

    /**
     * @param authorization the bearer token to ask indicators-service with (the caller's), or null
     * @param ownerRegionPrefixes only targets of plans owned under these prefixes; null for all
     * @param limit at most this many targets, oldest first
     */
    public Report recheckUnverified(String authorization, List<String> ownerRegionPrefixes, int limit) {
        return recheck(authorization, store.unverified(ownerRegionPrefixes, limit));
    }

    /**
     * The scheduled re-check: claims up to {@code limit} unverified targets no other replica is checking (a lease of
     * {@code lease}) and checks them with {@code authorization} (the service's own token).
     */
    public Report recheckClaimed(String authorization, int limit, java.time.Duration lease) {
        return recheck(authorization, store.claim(limit, lease));
    }

    private Report recheck(String authorization, List<Object[]> candidates) {
        int verified = 0;
        int still = 0;
        List<Long> unknown = new java.util.ArrayList<>();
        for (Object[] candidate : candidates) {
            long id = (Long) candidate[0];
            String indicator = (String) candidate[1];
            String unit = (String) candidate[2];
            IndicatorCheck check = indicator == null ? new IndicatorCheck.Known(null, null, null)
                    : indicators.check(authorization, indicator);
            SchoolCheck school = unit != null && unit.length() == 10 ? schools.check(authorization, unit) : null;
            TargetView after = store.apply(id, indicator, check, school, writer);
            if (after != null && Target.VERIFIED.equals(after.verification())) {
                verified++;
            } else if (after != null && Target.REJECTED.equals(after.verification())) {
                unknown.add(id);
            } else {
                still++;
            }
        }
        return new Report(candidates.size(), verified, still, unknown.size(), unknown);
    }

    /** The transactional half: each target is updated in its own short transaction, no remote call inside. */
    @ApplicationScoped
    public static class VerificationStore {

        @Transactional
        public List<Object[]> unverified(List<String> ownerRegionPrefixes, int limit) {
            StringBuilder jpql = new StringBuilder(
                    "select t.id, t.indicatorCode, t.unitCode from Target t where t.verification = 'unverified'"
                            + " and (t.indicatorCode is not null or t.schoolRegion is not null)");
            java.util.Map<String, Object> params = new java.util.HashMap<>();
            if (ownerRegionPrefixes != null) {
                List<String> alternatives = new java.util.ArrayList<>();
                for (int i = 0; i < ownerRegionPrefixes.size(); i++) {
                    alternatives.add("p.ownerRegion like :scope" + i);
                    params.put("scope" + i, ownerRegionPrefixes.get(i) + "%");
                }
                jpql.append(alternatives.isEmpty() ? " and 1 = 0"
                        : " and t.planCode in (select p.code from Plan p where " + String.join(" or ", alternatives) + ")");
            }
            jpql.append(" order by t.id");
            var query = Target.getEntityManager().createQuery(jpql.toString(), Object[].class).setMaxResults(limit);
            params.forEach(query::setParameter);
            return query.getResultList();
        }

        /**
         * Unverified targets with an indicator that no other replica holds: locked with SKIP LOCKED and leased, so
         * concurrent claims get disjoint batches. Oldest first.
         */
        @Transactional
        public List<Object[]> claim(int limit, java.time.Duration lease) {
            @SuppressWarnings("unchecked")
            List<Object[]> rows = Target.getEntityManager().createNativeQuery("""
                    update target set recheck_claimed_until = now() + make_interval(secs => :lease)
                    where id in (select id from target where verification = 'unverified'
                                 and (indicator_code is not null or school_region is not null)
                                 and (recheck_claimed_until is null or recheck_claimed_until < now())
                                 order by id limit :limit for update skip locked)
                    returning id, indicator_code, unit_code""")
                    .setParameter("lease", (double) lease.toSeconds()).setParameter("limit", limit).getResultList();
            return rows.stream().map(r -> new Object[] { ((Number) r[0]).longValue(), r[1], r[2] })
                    .sorted(java.util.Comparator.comparing(r -> (Long) r[0])).toList();
        }

        /** Applies the verdict if the target still has that indicator and is still unverified; null if it is gone. */
        @Transactional
        public TargetView apply(long id, String indicator, IndicatorCheck check, SchoolCheck school, TargetWriter writer) {
            // the check is over: the claim's lease ends (another run may take the target again if still unverified)
            Target.getEntityManager().createNativeQuery("update target set recheck_claimed_until = null where id = :id")
                    .setParameter("id", id).executeUpdate();
            Target target = Target.findById(id);
            if (target == null) {
                return null;
            }
            if (check instanceof IndicatorCheck.Unavailable || school instanceof SchoolCheck.Unavailable
                    || !java.util.Objects.equals(indicator, target.indicatorCode) || !Target.UNVERIFIED.equals(target.verification)) {
                return TargetView.of(target);
            }
            Plan plan = Plan.findById(target.planCode);
            return writer.reverify(target, plan.ownerRegion, check, school);
        }
    }
}

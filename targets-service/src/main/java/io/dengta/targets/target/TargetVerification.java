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
    private final TargetWriter writer;
    private final VerificationStore store;

    public TargetVerification(IndicatorDirectory indicators, TargetWriter writer, VerificationStore store) {
        this.indicators = indicators;
        this.writer = writer;
        this.store = store;
    }

    @Schema(name = "RecheckReport")
    public record Report(int checked, int verified, int stillUnverified, List<Long> unknownIndicator) {
    }

    /**
     * @param authorization the bearer token to ask indicators-service with (the caller's), or null
     * @param ownerRegionPrefixes only targets of plans owned under these prefixes; null for all
     * @param limit at most this many targets, oldest first
     */
    public Report recheckUnverified(String authorization, List<String> ownerRegionPrefixes, int limit) {
        int verified = 0;
        int still = 0;
        List<Long> unknown = new java.util.ArrayList<>();
        List<Object[]> candidates = store.unverified(ownerRegionPrefixes, limit);
        for (Object[] candidate : candidates) {
            long id = (Long) candidate[0];
            IndicatorCheck check = indicators.check(authorization, (String) candidate[1]);
            TargetView after = store.apply(id, (String) candidate[1], check, writer);
            if (after != null && Target.VERIFIED.equals(after.verification())) {
                verified++;
            } else {
                still++;
                if (check instanceof IndicatorCheck.Unknown) {
                    unknown.add(id);
                }
            }
        }
        return new Report(candidates.size(), verified, still, unknown);
    }

    /** The transactional half: each target is updated in its own short transaction, no remote call inside. */
    @ApplicationScoped
    public static class VerificationStore {

        @Transactional
        public List<Object[]> unverified(List<String> ownerRegionPrefixes, int limit) {
            StringBuilder jpql = new StringBuilder(
                    "select t.id, t.indicatorCode from Target t where t.verification = 'unverified' and t.indicatorCode is not null");
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

        /** Applies the verdict if the target still has that indicator and is still unverified; null if it is gone. */
        @Transactional
        public TargetView apply(long id, String indicator, IndicatorCheck check, TargetWriter writer) {
            Target target = Target.findById(id);
            if (target == null) {
                return null;
            }
            if (check instanceof IndicatorCheck.Unavailable || !indicator.equals(target.indicatorCode)
                    || !Target.UNVERIFIED.equals(target.verification)) {
                return TargetView.of(target);
            }
            Plan plan = Plan.findById(target.planCode);
            return writer.reverify(target, plan.ownerRegion, check);
        }
    }
}

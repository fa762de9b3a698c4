package io.dengta.targets.target;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.dengta.commons.etag.ETags;
import io.dengta.commons.journal.Operation;
import io.dengta.commons.journal.WriteJournal;
import io.dengta.commons.problem.FieldError;
import io.dengta.commons.problem.ProblemException;
import io.dengta.targets.plan.Plan;
import io.dengta.targets.plan.PlanAccess;

/**
 * Writes targets in the caller's transaction, with what indicators-service said about the indicator already
 * known (the remote call happens before the transaction, so no connection is held while waiting for it).
 */
@ApplicationScoped
public class TargetWriter {

    private final WriteJournal journal;

    public TargetWriter(WriteJournal journal) {
        this.journal = journal;
    }

    public record Result(TargetView target, boolean created, boolean changed) {
    }

    /** Like {@link #upsert}, in its own transaction; checks the plan for the caller. */
    @Transactional
    public Result put(String planCode, String code, TargetInput input, String ifMatch, IndicatorCheck check,
            SchoolCheck school, PlanAccess access) {
        Plan plan = Plan.findById(planCode);
        if (plan == null) {
            throw ProblemException.notFound("Plan " + planCode + " not found");
        }
        access.requireManage(plan.ownerRegion);
        return upsert(plan, code, input, ifMatch, check, school);
    }

    /**
     * Create-or-replace in the caller's transaction, the plan already checked for the caller.
     *
     * @param check what indicators-service said about {@code input.indicator()}; null when it was not asked
     *        (a milestone, or the stored target is verified with the same code)
     */
    public Result upsert(Plan plan, String code, TargetInput input, String ifMatch, IndicatorCheck check) {
        return upsert(plan, code, input, ifMatch, check, null);
    }

    /**
     * @param school what schools-service said about a school unit; null when it was not asked (a region unit, or the
     *        stored target has the same school, confirmed)
     */
    public Result upsert(Plan plan, String code, TargetInput requested, String ifMatch, IndicatorCheck check,
            SchoolCheck school) {
        Target target = Target.find("planCode = ?1 and code = ?2", plan.code, code).firstResult();
        boolean created = target == null;
        if (!created) {
            ETags.requireMatch(ifMatch, target.version);
        }
        var em = Target.getEntityManager();
        List<FieldError> schoolErrors = new ArrayList<>();
        String schoolNote = null;
        TargetInput input = requested;
        if (requested.unit() != null && requested.unit().length() == 10) {
            String given = requested.schoolRegion();
            String provisional = given != null ? given : requested.unit().substring(0, 6);
            if (school instanceof SchoolCheck.Known known) {
                if (given != null && !given.equals(known.region())) {
                    schoolErrors.add(new FieldError("/schoolRegion", "mismatch", "schools-service places school "
                            + requested.unit() + " in region " + known.region() + ", not " + given));
                }
                input = requested.withSchoolRegion(known.region());
            } else if (school instanceof SchoolCheck.Unknown) {
                schoolErrors.add(new FieldError("/unit", "unknown_school", "schools-service has no school " + requested.unit()));
                input = requested.withSchoolRegion(provisional);
            } else if (school instanceof SchoolCheck.Unavailable unavailable) {
                schoolNote = "school " + requested.unit() + "'s region could not be confirmed (" + unavailable.reason()
                        + "); taken as " + provisional + " until a re-check confirms it";
                input = requested.withSchoolRegion(provisional);
            } else if (given == null && target != null && requested.unit().equals(target.unitCode)) {
                input = requested.withSchoolRegion(target.schoolRegion);
            }
        }
        List<FieldError> errors = new ArrayList<>(TargetRules.check(input, new TargetRules.PlanFrame(plan.ownerRegion,
                plan.firstYear, plan.lastYear, new HashSet<>(em.createQuery(
                        "select g.code from Goal g where g.planCode = :plan", String.class)
                        .setParameter("plan", plan.code).getResultList()))));
        errors.addAll(schoolErrors);
        if (check instanceof IndicatorCheck.Unknown unknown) {
            errors.add(TargetRules.unknownIndicator(unknown.code()));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        TargetView before = created ? null : TargetView.of(target);
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        if (created) {
            target = new Target();
            target.planCode = plan.code;
            target.code = code;
            target.createdAt = now;
        }
        boolean changed = apply(target, input, check, now);
        if (schoolNote != null) {
            changed |= unconfirmed(target, schoolNote);
        }
        if (!created && !changed) {
            return new Result(before, false, false);
        }
        target.updatedAt = now;
        if (created) {
            target.persist();
        }
        em.flush();
        TargetView after = TargetView.of(target);
        journal.record(Target.RESOURCE_TYPE, String.valueOf(target.id), Operation.UPSERT, plan.ownerRegion,
                target.isSchoolUnit() ? target.unitCode : null, before, after);
        return new Result(after, created, true);
    }

    /** Records a later verdict of indicators-service on a target's indicator (see TargetVerification). */
    public TargetView reverify(Target target, String ownerRegion, IndicatorCheck check) {
        return reverify(target, ownerRegion, check, null);
    }

    /**
     * Records later verdicts of indicators-service and schools-service (see TargetVerification): an unknown school or
     * one outside the plan owner's region rejects the target; a confirmed school's region is stored.
     */
    public TargetView reverify(Target target, String ownerRegion, IndicatorCheck check, SchoolCheck school) {
        TargetView before = TargetView.of(target);
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        String refusal = null;
        if (school instanceof SchoolCheck.Unknown) {
            refusal = "schools-service has no school " + target.unitCode + "; correct the target's unit";
        } else if (school instanceof SchoolCheck.Known known) {
            if (!io.dengta.commons.security.RegionCodes.covers(ownerRegion, known.region())) {
                refusal = "school " + target.unitCode + " is in region " + known.region()
                        + ", not in the plan owner's region " + ownerRegion + "; correct the target's unit";
            } else {
                target.schoolRegion = known.region();
            }
        }
        boolean changed;
        if (refusal != null) {
            changed = !Target.REJECTED.equals(target.verification) || !refusal.equals(target.verificationNote);
            target.verification = Target.REJECTED;
            target.verificationNote = refusal;
            target.verifiedAt = null;
        } else {
            changed = verify(target, check, now);
        }
        if (!changed) {
            return before;
        }
        target.updatedAt = now;
        Target.getEntityManager().flush();
        TargetView after = TargetView.of(target);
        journal.record(Target.RESOURCE_TYPE, String.valueOf(target.id), Operation.UPSERT, ownerRegion,
                target.isSchoolUnit() ? target.unitCode : null, before, after);
        return after;
    }

    @Transactional
    public void delete(long id, String ifMatch, PlanAccess access) {
        Target target = Target.findById(id);
        if (target == null) {
            throw ProblemException.notFound("Target " + id + " not found");
        }
        Plan plan = Plan.findById(target.planCode);
        access.requireManage(plan.ownerRegion);
        ETags.requireMatch(ifMatch, target.version);
        long linked = Target.getEntityManager().createQuery(
                "select count(a) from PlanAction a where a.planCode = :plan and :code member of a.targetCodes", Long.class)
                .setParameter("plan", target.planCode).setParameter("code", target.code).getSingleResult();
        if (linked > 0) {
            throw ProblemException.conflict("Target " + target.code + " is linked to " + linked
                    + " action(s); unlink it first");
        }
        TargetView before = TargetView.of(target);
        target.delete();
        journal.record(Target.RESOURCE_TYPE, String.valueOf(id), Operation.DELETE, plan.ownerRegion,
                before.unit().length() == 10 ? before.unit() : null, before, null);
    }

    /** Copies the input onto the target; true when anything changed. */
    private static boolean apply(Target t, TargetInput in, IndicatorCheck check, OffsetDateTime now) {
        boolean changed = false;
        changed |= set(t.goalCode, in.goal(), v -> t.goalCode = v);
        changed |= set(t.title, in.title(), v -> t.title = v);
        changed |= set(t.description, in.description(), v -> t.description = v);
        changed |= set(t.kind, in.kind(), v -> t.kind = v);
        boolean indicatorChanged = !Objects.equals(t.indicatorCode, in.indicator());
        changed |= set(t.indicatorCode, in.indicator(), v -> t.indicatorCode = v);
        changed |= set(t.unitCode, in.unit(), v -> t.unitCode = v);
        changed |= set(t.schoolRegion, in.schoolRegion(), v -> t.schoolRegion = v);
        changed |= set(t.stage, in.stage(), v -> t.stage = v);
        changed |= set(t.comparator, in.comparator(), v -> t.comparator = v);
        changed |= number(t.targetValue, in.value(), v -> t.targetValue = v);
        changed |= number(t.targetLow, in.low(), v -> t.targetLow = v);
        changed |= number(t.targetHigh, in.high(), v -> t.targetHigh = v);
        changed |= set(t.deadlinePeriod, in.deadline(), v -> t.deadlinePeriod = v);
        changed |= number(t.baselineValue, in.baselineValue(), v -> t.baselineValue = v);
        changed |= set(t.baselinePeriod, in.baselinePeriod(), v -> t.baselinePeriod = v);
        String source = in.actualSource() != null ? in.actualSource() : TargetInput.defaultActualSource(in.kind());
        changed |= set(t.actualSource, source, v -> t.actualSource = v);
        changed |= set(t.sourceText, in.sourceText(), v -> t.sourceText = v);
        List<TargetMilestone> milestones = in.milestones() == null ? List.of()
                : in.milestones().stream().map(m -> new TargetMilestone(m.period(), m.value()))
                        .sorted(java.util.Comparator.comparing((TargetMilestone m) -> m.period)).toList();
        if (!milestones.equals(t.milestones)) {
            t.milestones.clear();
            t.milestones.addAll(milestones);
            changed = true;
        }
        if (in.indicator() == null) {
            changed |= verify(t, new IndicatorCheck.Known(null, null, null), now);
        } else if (check != null) {
            changed |= verify(t, check, now);
        } else if (indicatorChanged || t.verification == null) {
            changed |= verify(t, new IndicatorCheck.Unavailable("the indicator was not checked"), now);
        }
        return changed;
    }

    /** A school's region could not be confirmed: the target is unverified with the note (after the indicator's verdict). */
    private static boolean unconfirmed(Target t, String schoolNote) {
        String note = Target.UNVERIFIED.equals(t.verification) && t.verificationNote != null
                && !t.verificationNote.equals(schoolNote) && !t.verificationNote.contains(schoolNote)
                        ? t.verificationNote + "; " + schoolNote : schoolNote;
        boolean changed = !Target.UNVERIFIED.equals(t.verification) || !Objects.equals(t.verificationNote, note);
        t.verification = Target.UNVERIFIED;
        t.verificationNote = note;
        t.verifiedAt = null;
        return changed;
    }

    /** Applies indicators-service's verdict; an Unknown on re-check rejects the target with the reason. */
    private static boolean verify(Target t, IndicatorCheck check, OffsetDateTime now) {
        String verification;
        String note;
        String direction = t.indicatorDirection;
        String unit = t.indicatorUnit;
        OffsetDateTime verifiedAt = t.verifiedAt;
        if (check instanceof IndicatorCheck.Known known) {
            verification = Target.VERIFIED;
            note = null;
            direction = known.direction();
            unit = known.unit();
            verifiedAt = t.indicatorCode == null ? null : now;
        } else if (check instanceof IndicatorCheck.Unknown unknown) {
            // only a re-check gets here (a write with an unknown code is refused): the target is rejected with the reason
            verification = Target.REJECTED;
            note = "indicators-service has no indicator " + unknown.code() + "; correct the target's indicator";
            direction = null;
            unit = null;
            verifiedAt = null;
        } else {
            verification = Target.UNVERIFIED;
            note = "indicator " + t.indicatorCode + " could not be checked ("
                    + ((IndicatorCheck.Unavailable) check).reason() + "); accepted as unverified, it is re-checked later";
            direction = null;
            unit = null;
            verifiedAt = null;
        }
        boolean changed = !Objects.equals(t.verification, verification) || !Objects.equals(t.verificationNote, note)
                || !Objects.equals(t.indicatorDirection, direction) || !Objects.equals(t.indicatorUnit, unit);
        if (changed) {
            t.verification = verification;
            t.verificationNote = note;
            t.indicatorDirection = direction;
            t.indicatorUnit = unit;
            t.verifiedAt = verifiedAt;
        }
        return changed;
    }

    private static <T> boolean set(T current, T next, java.util.function.Consumer<T> setter) {
        if (Objects.equals(current, next)) {
            return false;
        }
        setter.accept(next);
        return true;
    }

    private static boolean number(BigDecimal current, BigDecimal next, java.util.function.Consumer<BigDecimal> setter) {
        if (current == null ? next == null : next != null && current.compareTo(next) == 0) {
            return false;
        }
        setter.accept(next);
        return true;
    }
}

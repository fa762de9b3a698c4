package io.dengta.targets.target;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import io.dengta.commons.problem.FieldError;
import io.dengta.commons.security.RegionCodes;
import io.dengta.commons.period.InvalidPeriodException;
import io.dengta.commons.period.Period;

/**
 * What makes a target consistent with its plan and its kind. Errors block the write; {@link #warnings} (a
 * comparator against the indicator's direction) are answered with the target and do not block.
 */
public final class TargetRules {

    /** The plan a target is checked against. */
    public record PlanFrame(String ownerRegion, int firstYear, int lastYear, Set<String> goals) {
    }

    private TargetRules() {
    }

    public static List<FieldError> check(TargetInput in, PlanFrame plan) {
        List<FieldError> errors = new ArrayList<>();
        if (in.goal() != null && !plan.goals().contains(in.goal())) {
            errors.add(new FieldError("/goal", "unknown_goal", "the plan has no goal " + in.goal()));
        }
        if (in.kind() != null) {
            checkKind(in, errors);
        }
        checkUnit(in, plan.ownerRegion(), errors);
        Period deadline = period("/deadline", in.deadline(), errors);
        if (deadline != null) {
            int year = deadline.startDate().getYear();
            if (year < plan.firstYear() || year > plan.lastYear()) {
                errors.add(new FieldError("/deadline", "outside_plan_years", "the deadline " + in.deadline()
                        + " must start within the plan's years " + plan.firstYear() + "–" + plan.lastYear()));
            }
        }
        Period baseline = null;
        if (in.baselineValue() != null && in.baselinePeriod() == null) {
            errors.add(new FieldError("/baselinePeriod", "required", "a baseline value needs the period it was measured in"));
        }
        if (in.baselinePeriod() != null) {
            baseline = period("/baselinePeriod", in.baselinePeriod(), errors);
            if (baseline != null && deadline != null && baseline.compareTo(deadline) >= 0) {
                errors.add(new FieldError("/baselinePeriod", "not_before_deadline",
                        "the baseline " + in.baselinePeriod() + " must be before the deadline " + in.deadline()));
            }
        }
        checkMilestones(in, baseline, deadline, errors);
        return errors;
    }

    private static void checkKind(TargetInput in, List<FieldError> errors) {
        if (in.kind().equals("milestone")) {
            for (String[] field : new String[][] { { "/indicator", in.indicator() }, { "/comparator", in.comparator() } }) {
                if (field[1] != null) {
                    errors.add(new FieldError(field[0], "not_allowed", "a milestone is done or not; it has no " + field[0].substring(1)));
                }
            }
            for (Object[] field : new Object[][] { { "/value", in.value() }, { "/low", in.low() }, { "/high", in.high() },
                    { "/baselineValue", in.baselineValue() } }) {
                if (field[1] != null) {
                    errors.add(new FieldError((String) field[0], "not_allowed", "a milestone has no values"));
                }
            }
            if (in.actualSource() != null && !in.actualSource().equals("reports")) {
                errors.add(new FieldError("/actualSource", "not_allowed", "a milestone is reported: its source is reports"));
            }
            return;
        }
        if (in.indicator() == null) {
            errors.add(new FieldError("/indicator", "required", "a " + in.kind() + " target needs an indicator code"));
        }
        if (in.comparator() == null) {
            errors.add(new FieldError("/comparator", "required", "a " + in.kind() + " target needs a comparator"));
        } else if (in.comparator().equals("between")) {
            if (in.low() == null) {
                errors.add(new FieldError("/low", "required", "a band (between) needs low and high"));
            }
            if (in.high() == null) {
                errors.add(new FieldError("/high", "required", "a band (between) needs low and high"));
            }
            if (in.value() != null) {
                errors.add(new FieldError("/value", "not_allowed", "a band (between) has low and high, not a value"));
            }
            if (in.low() != null && in.high() != null && in.low().compareTo(in.high()) > 0) {
                errors.add(new FieldError("/low", "low_above_high", "the band's low end " + plain(in.low())
                        + " is above its high end " + plain(in.high())));
            }
        } else {
            if (in.value() == null) {
                errors.add(new FieldError("/value", "required", "comparator " + in.comparator() + " needs a value"));
            }
            if (in.low() != null || in.high() != null) {
                errors.add(new FieldError(in.low() != null ? "/low" : "/high", "not_allowed",
                        "low and high are for a band (comparator between)"));
            }
        }
        if (in.kind().equals("change") && in.baselinePeriod() == null) {
            errors.add(new FieldError("/baselinePeriod", "required", "a change is relative to a baseline: give its period"));
        }
    }

    private static void checkUnit(TargetInput in, String ownerRegion, List<FieldError> errors) {
        if (in.unit() == null) {
            return;
        }
        if (in.unit().length() == 6) {
            if (in.schoolRegion() != null) {
                errors.add(new FieldError("/schoolRegion", "not_allowed", "only a school unit has a schoolRegion"));
            }
            if (!RegionCodes.covers(ownerRegion, in.unit())) {
                errors.add(new FieldError("/unit", "outside_plan_region",
                        "region " + in.unit() + " is not in the plan owner's region " + ownerRegion));
            }
        } else if (in.schoolRegion() == null) {
            errors.add(new FieldError("/schoolRegion", "required", "a school unit needs the school's region"));
        } else if (!RegionCodes.covers(ownerRegion, in.schoolRegion())) {
            errors.add(new FieldError("/unit", "outside_plan_region", "school " + in.unit() + " (region "
                    + in.schoolRegion() + ") is not in the plan owner's region " + ownerRegion));
        }
    }

    private static void checkMilestones(TargetInput in, Period baseline, Period deadline, List<FieldError> errors) {
        if (in.milestones() == null || in.milestones().isEmpty()) {
            return;
        }
        if ("milestone".equals(in.kind())) {
            errors.add(new FieldError("/milestones", "not_allowed", "a milestone target has no yearly values"));
            return;
        }
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < in.milestones().size(); i++) {
            MilestoneInput m = in.milestones().get(i);
            if (m == null || m.period() == null) {
                continue; // bean validation reports it
            }
            String pointer = "/milestones/" + i + "/period";
            Period p = period(pointer, m.period(), errors);
            if (p == null) {
                continue;
            }
            if (!seen.add(m.period())) {
                errors.add(new FieldError(pointer, "duplicate", "period " + m.period() + " is listed twice"));
            } else if (deadline != null && p.compareTo(deadline) > 0) {
                errors.add(new FieldError(pointer, "after_deadline", "a milestone cannot be after the deadline " + deadline.code()));
            } else if (baseline != null && p.compareTo(baseline) <= 0) {
                errors.add(new FieldError(pointer, "not_after_baseline", "a milestone must be after the baseline " + baseline.code()));
            }
        }
    }

    /**
     * Warnings that do not block: a comparator pointing against the indicator's direction ("≥" on a lower-better
     * indicator), or a change whose sign is a deterioration.
     *
     * @param direction higher-better, lower-better, band, or null when unknown (unverified)
     */
    public static List<FieldError> warnings(String kind, String comparator, BigDecimal value, BigDecimal low,
            BigDecimal high, String direction) {
        List<FieldError> warnings = new ArrayList<>();
        if (direction == null || comparator == null || "milestone".equals(kind)) {
            return warnings;
        }
        if ("change".equals(kind)) {
            BigDecimal change = value != null ? value
                    : low != null && high != null ? low.add(high) : null;
            if (change == null) {
                return warnings;
            }
            if (direction.equals("lower-better") && change.signum() > 0) {
                warnings.add(new FieldError("/value", "direction_mismatch",
                        "the indicator is lower-better but the target change is an increase"));
            } else if (direction.equals("higher-better") && change.signum() < 0) {
                warnings.add(new FieldError("/value", "direction_mismatch",
                        "the indicator is higher-better but the target change is a decrease"));
            }
            return warnings;
        }
        if (comparator.equals(">=") && direction.equals("lower-better")) {
            warnings.add(new FieldError("/comparator", "direction_mismatch",
                    "the indicator is lower-better; a \"≥\" target rewards getting worse"));
        } else if (comparator.equals("<=") && direction.equals("higher-better")) {
            warnings.add(new FieldError("/comparator", "direction_mismatch",
                    "the indicator is higher-better; a \"≤\" target rewards getting worse"));
        }
        return warnings;
    }

    public static FieldError unknownIndicator(String code) {
        return new FieldError("/indicator", "unknown_indicator", "indicators-service has no indicator " + code);
    }

    private static Period period(String pointer, String code, List<FieldError> errors) {
        if (code == null) {
            return null;
        }
        try {
            return Period.parse(code);
        } catch (InvalidPeriodException e) {
            errors.add(new FieldError(pointer, "invalid_period", e.getMessage()));
            return null;
        }
    }

    private static String plain(BigDecimal value) {
        return value.stripTrailingZeros().toPlainString();
    }
}

package io.dengta.schools.school;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;

import io.dengta.commons.problem.FieldError;

/** What makes a school record consistent: its stages, its status and dates, its location. */
final class SchoolRules {

    private SchoolRules() {
    }

    static List<FieldError> check(String code, SchoolInput in, boolean regionExists, LocalDate today) {
        List<FieldError> errors = new ArrayList<>();
        if (!regionExists) {
            errors.add(new FieldError("/region", "unknown_region", "region " + in.region() + " does not exist"));
        }
        checkStages(in.stages(), errors);
        checkStatus(code, in, today, errors);
        if (in.qualityRatingYear() != null && in.qualityRating() == null) {
            errors.add(new FieldError("/qualityRating", "required", "a quality rating year needs the rating"));
        }
        if ((in.latitude() == null) != (in.longitude() == null)) {
            errors.add(new FieldError(in.latitude() == null ? "/latitude" : "/longitude", "required",
                    "latitude and longitude go together"));
        }
        if (in.foundedOn() != null && in.foundedOn().isAfter(today)) {
            errors.add(new FieldError("/foundedOn", "in_future", "cannot be after today"));
        }
        return errors;
    }

    private static void checkStages(List<String> stages, List<FieldError> errors) {
        if (stages == null || stages.isEmpty() || stages.stream().anyMatch(s -> !Stage.ALL.contains(s))) {
            return; // bean validation reports these
        }
        if (new HashSet<>(stages).size() != stages.size()) {
            errors.add(new FieldError("/stages", "duplicate", "a stage is listed twice"));
            return;
        }
        List<Integer> general = stages.stream().filter(Stage.GENERAL_SEQUENCE::contains)
                .map(Stage.GENERAL_SEQUENCE::indexOf).sorted().toList();
        for (int i = 1; i < general.size(); i++) {
            if (general.get(i) != general.get(i - 1) + 1) {
                errors.add(new FieldError("/stages", "non_contiguous_stages",
                        "general stages must be contiguous (e.g. primary+junior, junior+senior), not "
                                + String.join("+", stages)));
                break;
            }
        }
        if (stages.contains(Stage.VOCATIONAL) && stages.stream()
                .anyMatch(s -> !s.equals(Stage.VOCATIONAL) && !s.equals(Stage.SENIOR) && !s.equals(Stage.SPECIAL))) {
            errors.add(new FieldError("/stages", "invalid_combination",
                    "a vocational school can only also offer senior (综合高中) or special education"));
        }
    }

    private static void checkStatus(String code, SchoolInput in, LocalDate today, List<FieldError> errors) {
        String status = in.status();
        if (status == null) {
            return;
        }
        boolean ended = status.equals("closed") || status.equals("merged");
        if (ended && in.closedOn() == null) {
            errors.add(new FieldError("/closedOn", "required", "a " + status + " school needs the date it closed"));
        }
        if (!ended && in.closedOn() != null) {
            errors.add(new FieldError("/closedOn", "not_allowed", "only a closed or merged school has a closing date"));
        }
        if (status.equals("merged") && in.mergedInto() == null) {
            errors.add(new FieldError("/mergedInto", "required", "a merged school needs the school it merged into"));
        }
        if (!status.equals("merged") && in.mergedInto() != null) {
            errors.add(new FieldError("/mergedInto", "not_allowed", "only a merged school has mergedInto"));
        }
        if (code.equals(in.mergedInto())) {
            errors.add(new FieldError("/mergedInto", "self_reference", "a school cannot merge into itself"));
        }
        if (!status.equals("planned") && in.openedOn() != null && in.openedOn().isAfter(today)) {
            errors.add(new FieldError("/openedOn", "in_future", "only a planned school opens in the future"));
        }
        if (in.openedOn() != null && in.closedOn() != null && in.closedOn().isBefore(in.openedOn())) {
            errors.add(new FieldError("/closedOn", "before_opening", "cannot be before openedOn"));
        }
    }
}

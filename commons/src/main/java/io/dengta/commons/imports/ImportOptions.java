package io.dengta.commons.imports;

import java.util.ArrayList;
import java.util.List;

import io.dengta.commons.problem.FieldError;
import io.dengta.commons.problem.ProblemException;

/**
 * {@code dryRun=true} validates and reports without keeping anything; {@code mode=atomic} (default) keeps
 * all rows or none, {@code mode=best-effort} keeps every valid row and reports the others.
 */
public record ImportOptions(boolean dryRun, boolean atomic) {

    public static ImportOptions parse(String dryRun, String mode) {
        List<FieldError> errors = new ArrayList<>();
        if (dryRun != null && !dryRun.isBlank() && !dryRun.equals("true") && !dryRun.equals("false")) {
            errors.add(new FieldError("dryRun", "invalid_value", "must be true or false"));
        }
        if (mode != null && !mode.isBlank() && !mode.equals("atomic") && !mode.equals("best-effort")) {
            errors.add(new FieldError("mode", "invalid_value", "must be atomic or best-effort"));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        return new ImportOptions("true".equals(dryRun), !"best-effort".equals(mode));
    }

    public String mode() {
        return atomic ? "atomic" : "best-effort";
    }
}

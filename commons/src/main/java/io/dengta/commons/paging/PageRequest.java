package io.dengta.commons.paging;

import java.util.ArrayList;
import java.util.List;

import io.dengta.commons.problem.FieldError;
import io.dengta.commons.problem.ProblemException;

/**
 * A validated page request: {@code limit} (default 50, at most 1000: a larger value is a 400, never a
 * silent cap), the cursor, the sort and whether to count the total.
 */
public record PageRequest(int limit, String cursor, List<SortField> sort, boolean includeTotal) {

    public static final int DEFAULT_LIMIT = 50;
    public static final int MAX_LIMIT = 1000;

    /**
     * @param allowedSort the sortable fields of this collection
     * @param defaultSort used when the client gives none, e.g. {@code "code"}
     */
    public static PageRequest of(String limit, String cursor, String sort, String includeTotal,
            List<String> allowedSort, String defaultSort) {
        List<FieldError> errors = new ArrayList<>();
        int effectiveLimit = DEFAULT_LIMIT;
        if (limit != null && !limit.isBlank()) {
            try {
                effectiveLimit = Integer.parseInt(limit.trim());
            } catch (NumberFormatException e) {
                effectiveLimit = -1;
            }
        }
        if (effectiveLimit < 1 || effectiveLimit > MAX_LIMIT) {
            errors.add(new FieldError("limit", "out_of_range", "must be a whole number from 1 to " + MAX_LIMIT));
        }
        boolean total = false;
        if (includeTotal != null && !includeTotal.isBlank()) {
            if (!includeTotal.equals("true") && !includeTotal.equals("false")) {
                errors.add(new FieldError("includeTotal", "invalid_value", "must be true or false"));
            }
            total = includeTotal.equals("true");
        }
        List<SortField> fields = List.of();
        try {
            fields = SortField.parse(sort == null || sort.isBlank() ? defaultSort : sort, allowedSort);
        } catch (ProblemException e) {
            errors.addAll(e.errors());
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        return new PageRequest(effectiveLimit, cursor == null || cursor.isBlank() ? null : cursor, fields, total);
    }

    /** The query fetches one row more than the limit, to know whether there is a next page. */
    public int fetchSize() {
        return limit + 1;
    }
}

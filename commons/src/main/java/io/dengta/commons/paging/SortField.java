package io.dengta.commons.paging;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import io.dengta.commons.problem.ProblemException;

/** One field of {@code sort=name,-updatedAt}: a leading {@code -} means descending. */
public record SortField(String name, boolean descending) {

    static List<SortField> parse(String sort, List<String> allowed) {
        List<SortField> fields = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        for (String part : sort.split(",")) {
            String token = part.trim();
            boolean descending = token.startsWith("-");
            String name = descending ? token.substring(1) : token;
            if (!allowed.contains(name) || !seen.add(name)) {
                throw ProblemException.invalid("sort", "unknown_sort_field",
                        "'" + token + "' is not sortable here; sortable fields: " + String.join(", ", allowed));
            }
            fields.add(new SortField(name, descending));
        }
        return fields;
    }
}

package io.dengta.commons.imports;

import java.util.List;

/**
 * What an import did. {@code status}: {@code applied} (rows were kept), {@code dry-run} (nothing kept;
 * counts say what would have happened), {@code rejected} (atomic import with rejected rows: nothing kept).
 * At most {@value ImportRunner#MAX_LISTED_ERRORS} row errors are listed; {@code errorsTruncated} says
 * when there were more.
 */
public record ImportReport(String resourceType, String mode, boolean dryRun, String status, long rows,
        long created, long updated, long unchanged, long rejected, List<RowError> errors, boolean errorsTruncated) {
}

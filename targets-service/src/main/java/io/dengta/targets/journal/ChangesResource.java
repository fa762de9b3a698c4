package io.dengta.targets.journal;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.dengta.commons.journal.AuditEntry;
import io.dengta.commons.journal.ChangePage;
import io.dengta.commons.journal.WriteJournal;
import io.dengta.commons.paging.PageRequest;
import io.dengta.commons.problem.ProblemException;
import io.dengta.commons.security.CallerScope;
import io.dengta.commons.security.Roles;

/** The change feed for integrators and the audit trail for admins. */
@Path("/targets/v1")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Changes and audit")
public class ChangesResource {

    private final WriteJournal journal;
    private final CallerScope caller;

    public ChangesResource(WriteJournal journal, CallerScope caller) {
        this.journal = journal;
        this.caller = caller;
    }

    @GET
    @Path("/changes")
    @RolesAllowed({ Roles.PLATFORM_ADMIN, Roles.DATA_FEED, Roles.BUREAU_ANALYST })
    @Operation(operationId = "listTargetsChanges", summary = "Changes after a sequence, oldest first",
            description = "Poll with `after` = the `next` of the previous answer. Every committed change appears, in "
                    + "order, also under concurrent writers; deletions appear as `operation: delete`. Read the current "
                    + "state of an upserted resource by its key. Only changes in the caller's scope are listed.")
    public ChangePage changes(
            @Parameter(description = "Sequence of the last change you processed (0 to start)") @QueryParam("after") String after,
            @Parameter(description = "1 to 1000 (default 50)") @QueryParam("limit") String limit,
            @Parameter(description = "Only these resource types (comma-separated), plan, goal, target, action, progress-report") @QueryParam("resourceType") String resourceType) {
        PageRequest page = PageRequest.of(limit, null, null, null, List.of("sequence"), "sequence");
        List<String> types = resourceType == null || resourceType.isBlank() ? List.of()
                : List.of(resourceType.split(","));
        return journal.changes(sequence(after), page.limit(), types,
                caller.unrestricted() ? null : caller.regionPrefixes(), List.copyOf(caller.schools()));
    }

    @GET
    @Path("/audit")
    @RolesAllowed(Roles.PLATFORM_ADMIN)
    @Operation(operationId = "listTargetsAudit", summary = "Audit trail of writes, newest first",
            description = "Who (subject, client), when, which request, and the state before and after. "
                    + "Page with `before` = the smallest id you have seen.")
    public List<AuditEntry> audit(
            @QueryParam("resourceType") String resourceType,
            @QueryParam("key") String key,
            @QueryParam("subject") String subject,
            @Parameter(description = "Only entries with a smaller id") @QueryParam("before") String before,
            @Parameter(description = "1 to 1000 (default 50)") @QueryParam("limit") String limit) {
        PageRequest page = PageRequest.of(limit, null, null, null, List.of("id"), "id");
        return journal.audit(blankToNull(resourceType), blankToNull(key), blankToNull(subject),
                before == null || before.isBlank() ? null : sequence(before), page.limit());
    }

    private static long sequence(String value) {
        if (value == null || value.isBlank()) {
            return 0;
        }
        try {
            long sequence = Long.parseLong(value.trim());
            if (sequence >= 0) {
                return sequence;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw ProblemException.invalid("after", "invalid_value", "must be a sequence number (0 or more)");
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}

package io.dengta.indicators.benchmark;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import io.dengta.commons.etag.ETags;
import io.dengta.commons.journal.Operation;
import io.dengta.commons.journal.WriteJournal;
import io.dengta.commons.paging.KeysetQuery;
import io.dengta.commons.paging.Page;
import io.dengta.commons.paging.PageRequest;
import io.dengta.commons.paging.SortKey;
import io.dengta.commons.problem.FieldError;
import io.dengta.commons.problem.ProblemException;
import io.dengta.commons.security.RegionCodes;
import io.dengta.indicators.catalog.IndicatorService;

/**
 * Benchmark groups: created with a server id, replaced and deleted under If-Match, journalled under the owner
 * region (so the change feed shows them to that region's callers). Writers take the change feed's lock first, so
 * the check that an owner has no two groups of one name cannot race.
 */
@ApplicationScoped
public class BenchmarkGroupService {

    public static final String RESOURCE_TYPE = "benchmark-group";
    static final List<String> SORTABLE = List.of("name", "updatedAt", "id");
    private static final KeysetQuery<BenchmarkGroup> LIST = new KeysetQuery<>("from BenchmarkGroup g", Map.of(
            "name", SortKey.text("g.name", g -> g.name),
            "updatedAt", SortKey.instant("g.updatedAt", g -> g.updatedAt),
            "id", new SortKey<BenchmarkGroup>("g.id", g -> g.id, UUID::fromString)), "id");

    private final WriteJournal journal;

    public BenchmarkGroupService(WriteJournal journal) {
        this.journal = journal;
    }

    /**
     * Filters of the group list; null means "any".
     *
     * @param owner groups owned by this region or a region below it
     * @param peer groups that take this region as a peer
     */
    public record Filter(String owner, String peer, String role, String q, OffsetDateTime updatedSince) {
    }

    public Page<BenchmarkGroupView> list(Filter filter, PageRequest page, BenchmarkGroupAccess.ListScope scope) {
        StringBuilder where = new StringBuilder("1 = 1");
        Map<String, Object> params = new HashMap<>();
        if (filter.owner() != null) {
            where.append(" and g.ownerRegion like :owner");
            params.put("owner", RegionCodes.coveragePrefix(filter.owner()) + "%");
        }
        if (filter.peer() != null || filter.role() != null) {
            where.append(" and exists (select 1 from BenchmarkGroup g2 join g2.peers p where g2.id = g.id");
            if (filter.peer() != null) {
                where.append(" and p.region = :peer");
                params.put("peer", filter.peer());
            }
            if (filter.role() != null) {
                where.append(" and p.role = :role");
                params.put("role", filter.role());
            }
            where.append(")");
        }
        if (filter.q() != null) {
            where.append(" and lower(g.name) like :q escape '!'");
            params.put("q", "%" + IndicatorService.likeEscaped(filter.q().toLowerCase()) + "%");
        }
        if (filter.updatedSince() != null) {
            where.append(" and g.updatedAt >= :updatedSince");
            params.put("updatedSince", filter.updatedSince());
        }
        if (!scope.unrestricted()) {
            List<String> alternatives = new ArrayList<>();
            for (int i = 0; i < scope.regionPrefixes().size(); i++) {
                alternatives.add("g.ownerRegion like :scope" + i);
                params.put("scope" + i, scope.regionPrefixes().get(i) + "%");
            }
            where.append(alternatives.isEmpty() ? " and 1 = 0" : " and (" + String.join(" or ", alternatives) + ")");
        }
        return LIST.fetch(page, where.toString(), params,
                (jpql, p, max) -> BenchmarkGroup.<BenchmarkGroup>find(jpql, p).page(0, max).list(),
                (jpql, p) -> BenchmarkGroup.count(jpql, p), BenchmarkGroupView::of);
    }

    /** The group if it exists and the caller may see it; otherwise 404. */
    public BenchmarkGroup find(UUID id, BenchmarkGroupAccess access) {
        BenchmarkGroup group = BenchmarkGroup.findById(id);
        if (group == null) {
            throw notFound(id);
        }
        access.requireRead(group);
        return group;
    }

    public BenchmarkGroupView get(UUID id, BenchmarkGroupAccess access) {
        return BenchmarkGroupView.of(find(id, access));
    }

    @Transactional
    public BenchmarkGroupView create(BenchmarkGroupInput input, BenchmarkGroupAccess access) {
        BenchmarkGroupInput in = input.normalized();
        access.requireManage(in.owner());
        check(in);
        journal.lockFeed();
        requireUniqueName(in, null);
        BenchmarkGroup group = new BenchmarkGroup();
        group.id = UUID.randomUUID();
        group.createdAt = OffsetDateTime.now(ZoneOffset.UTC);
        group.updatedAt = group.createdAt;
        apply(group, in);
        group.persist();
        BenchmarkGroup.getEntityManager().flush();
        BenchmarkGroupView after = BenchmarkGroupView.of(group);
        journal.record(RESOURCE_TYPE, group.id.toString(), Operation.UPSERT, group.ownerRegion, null, null, after);
        return after;
    }

    /** Replaces a group; an identical replacement changes nothing. Moving it to another owner needs both scopes. */
    @Transactional
    public BenchmarkGroupView replace(UUID id, BenchmarkGroupInput input, String ifMatch, BenchmarkGroupAccess access) {
        journal.lockFeed();
        BenchmarkGroup group = BenchmarkGroup.findById(id, LockModeType.PESSIMISTIC_WRITE);
        if (group == null) {
            throw notFound(id);
        }
        access.requireManage(group.ownerRegion);
        BenchmarkGroupInput in = input.normalized();
        access.requireManage(in.owner());
        ETags.requireMatch(ifMatch, group.version);
        check(in);
        if (BenchmarkGroupInput.of(group).equals(in)) {
            return BenchmarkGroupView.of(group);
        }
        requireUniqueName(in, id);
        BenchmarkGroupView before = BenchmarkGroupView.of(group);
        apply(group, in);
        group.updatedAt = OffsetDateTime.now(ZoneOffset.UTC);
        BenchmarkGroup.getEntityManager().flush();
        BenchmarkGroupView after = BenchmarkGroupView.of(group);
        journal.record(RESOURCE_TYPE, id.toString(), Operation.UPSERT, group.ownerRegion, null, before, after);
        return after;
    }

    @Transactional
    public void delete(UUID id, String ifMatch, BenchmarkGroupAccess access) {
        journal.lockFeed();
        BenchmarkGroup group = BenchmarkGroup.findById(id, LockModeType.PESSIMISTIC_WRITE);
        if (group == null) {
            throw notFound(id);
        }
        access.requireManage(group.ownerRegion);
        ETags.requireMatch(ifMatch, group.version);
        BenchmarkGroupView before = BenchmarkGroupView.of(group);
        group.delete();
        BenchmarkGroup.getEntityManager().flush();
        journal.record(RESOURCE_TYPE, id.toString(), Operation.DELETE, before.owner(), null, before, null);
    }

    private static void check(BenchmarkGroupInput in) {
        List<FieldError> errors = BenchmarkGroupRules.check(in);
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
    }

    private static void requireUniqueName(BenchmarkGroupInput in, UUID self) {
        BenchmarkGroup same = BenchmarkGroup.<BenchmarkGroup>find("ownerRegion = ?1 and name = ?2", in.owner(),
                in.name()).firstResult();
        if (same != null && !same.id.equals(self)) {
            throw ProblemException.conflict("Region " + in.owner() + " already has a benchmark group named '"
                    + in.name() + "': " + same.id + " (/indicators/v1/benchmark-groups/" + same.id + ")");
        }
    }

    private static void apply(BenchmarkGroup g, BenchmarkGroupInput in) {
        g.ownerRegion = in.owner();
        g.name = in.name();
        g.description = in.description();
        g.peers.clear();
        for (BenchmarkGroupInput.PeerInput p : in.peers()) {
            g.peers.add(new BenchmarkGroup.Peer(p.region(), p.role(), p.name()));
        }
    }

    static ProblemException notFound(UUID id) {
        return ProblemException.notFound("Benchmark group " + id + " not found");
    }
}

package io.dengta.schools.region;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
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

/** Reads and maintains the region hierarchy. Regions are public reference data: any caller may read them. */
@ApplicationScoped
public class RegionService {

    public static final String RESOURCE_TYPE = "region";

    static final List<String> SORTABLE = List.of("code", "name", "level", "updatedAt");
    private static final KeysetQuery<Region> LIST = new KeysetQuery<>("from Region r", Map.of(
            "code", SortKey.text("r.code", r -> r.code),
            "name", SortKey.text("r.name", r -> r.name),
            "level", SortKey.text("r.level", r -> r.level),
            "updatedAt", SortKey.instant("r.updatedAt", r -> r.updatedAt)), "code");

    private final WriteJournal journal;

    public RegionService(WriteJournal journal) {
        this.journal = journal;
    }

    public record Filter(String level, String parent, OffsetDateTime updatedSince) {
    }

    public record PutResult(RegionView region, boolean created) {
    }

    public Page<RegionView> list(Filter filter, PageRequest page) {
        StringBuilder where = new StringBuilder("1 = 1");
        Map<String, Object> params = new HashMap<>();
        if (filter.level() != null) {
            where.append(" and r.level = :level");
            params.put("level", filter.level());
        }
        if (filter.parent() != null) {
            where.append(" and r.parentCode = :parent");
            params.put("parent", filter.parent());
        }
        if (filter.updatedSince() != null) {
            where.append(" and r.updatedAt >= :updatedSince");
            params.put("updatedSince", filter.updatedSince());
        }
        return LIST.fetch(page, where.toString(), params,
                (jpql, p, max) -> Region.<Region>find(jpql, p).page(0, max).list(), (jpql, p) -> Region.count(jpql, p),
                r -> RegionView.of(r, null));
    }

    public Optional<RegionView> find(String code) {
        return Region.<Region>findByIdOptional(code).map(r -> RegionView.of(r, children(code)));
    }

    @Transactional
    public PutResult put(String code, RegionInput input, String ifMatch) {
        Optional<Region> parent = input.parent() == null ? Optional.empty() : Region.findByIdOptional(input.parent());
        List<FieldError> errors = RegionRules.check(code, input, parent);
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        Region region = Region.findById(code);
        boolean created = region == null;
        RegionView before = created ? null : RegionView.of(region, null);
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        if (created) {
            if (ifMatch != null && !ifMatch.isBlank() && !ifMatch.trim().equals("*")) {
                throw ProblemException.notFound("Region " + code + " not found; If-Match needs an existing region");
            }
            region = new Region();
            region.code = code;
            region.createdAt = now;
        } else {
            ETags.requireMatch(ifMatch, region.version);
        }
        region.name = input.name();
        region.nameEn = input.nameEn();
        region.level = input.level();
        region.parentCode = input.parent();
        region.note = input.note();
        region.updatedAt = now;
        if (created) {
            region.persist();
        }
        Region.getEntityManager().flush();
        journal.record(RESOURCE_TYPE, code, Operation.UPSERT, null, null, before, RegionView.of(region, null));
        return new PutResult(RegionView.of(region, children(code)), created);
    }

    private static List<RegionView.RegionRef> children(String code) {
        return Region.<Region>find("parentCode = ?1 order by code", code).stream()
                .map(c -> new RegionView.RegionRef(c.code, c.name, c.level)).toList();
    }
}

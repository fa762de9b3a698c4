package io.dengta.gateway.dashboard;

import static io.dengta.gateway.dashboard.Upstreams.Service.INDICATORS;
import static io.dengta.gateway.dashboard.Upstreams.Service.SCHOOLS;
import static io.dengta.gateway.dashboard.Upstreams.Service.TARGETS;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.JsonNode;

import io.dengta.commons.problem.ProblemException;
import io.dengta.gateway.dashboard.RegionDashboard.TargetsSummary;
import io.smallrye.mutiny.Uni;

/**
 * Composes the region dashboard: the parts are asked for at the same time, each under its own timeout, and
 * each failure stays in its part. Parts are kept per caller scope for a short while ({@link DashboardCache}).
 */
@ApplicationScoped
public class RegionDashboardService {

    /** The progress list's page cap; a region with more targets than this many pages shows truncated counts. */
    static final int PROGRESS_PAGE = 1000;
    static final int PROGRESS_PAGES = 5;

    private final Upstreams upstreams;
    private final DashboardConfig config;
    private final DashboardCache cache;

    public RegionDashboardService(Upstreams upstreams, DashboardConfig config, DashboardCache cache) {
        this.upstreams = upstreams;
        this.config = config;
        this.cache = cache;
    }

    Uni<RegionDashboard> dashboard(String region, int year, Caller caller) {
        String schoolYear = year + "Sep";
        String framework = config.framework();
        String args = region + "|" + year;
        var regionInfo = part("regionInfo", args, caller,
                () -> upstreams.get(SCHOOLS, "/schools/v1/regions/" + region, caller), RegionSummaries::region);
        var score = part("score", args, caller, () -> upstreams.get(INDICATORS, "/indicators/v1/frameworks/"
                + enc(framework) + "/scores?region=" + region + "&period=" + year, caller),
                scores -> RegionSummaries.score(scores, region));
        var gaps = part("gaps", args, caller, () -> upstreams.get(INDICATORS, "/indicators/v1/benchmark-groups?owner="
                + region + "&limit=1000", caller)
                .map(groups -> RegionSummaries.ownedGroup(groups, region))
                .chain(group -> upstreams.get(INDICATORS, "/indicators/v1/benchmark-groups/" + group + "/gaps?framework="
                        + enc(framework) + "&period=" + year, caller)),
                g -> RegionSummaries.gaps(g, config.topGaps()));
        var targets = part("targets", args, caller, () -> progress(region, caller, null, new ArrayList<>(),
                PROGRESS_PAGES), Function.identity());
        var registry = part("registry", args, caller, () -> upstreams.get(SCHOOLS, "/schools/v1/statistics?region="
                + region + "&schoolYear=" + schoolYear, caller), RegionSummaries::registry);
        return Uni.combine().all().unis(regionInfo, score, gaps, targets, registry).asTuple()
                .map(t -> {
                    if (Part.NOT_FOUND.equals(t.getItem1().status())) {
                        // the registry does not know the region (or hides it from the caller): nothing to show
                        throw ProblemException.notFound("Region " + region + " not found");
                    }
                    return new RegionDashboard(region, String.valueOf(year), schoolYear, t.getItem1(), t.getItem2(),
                            t.getItem3(), t.getItem4(), t.getItem5());
                });
    }

    private <J, T> Uni<Part<T>> part(String name, String args, Caller caller, Supplier<Uni<J>> calls,
            Function<J, T> toData) {
        return cache.get("region", name, args, caller, () -> part(calls.get(), toData));
    }

    /** Reads the region's target progress page by page (all pages share the part's timeout). */
    private Uni<TargetsSummary> progress(String region, Caller caller, String cursor, List<JsonNode> read, int pagesLeft) {
        String path = "/targets/v1/progress?region=" + region + "&limit=" + PROGRESS_PAGE
                + (cursor == null ? "" : "&cursor=" + enc(cursor));
        return upstreams.get(TARGETS, path, caller).chain(page -> {
            Json.array(page, "items").forEach(read::add);
            String next = Json.text(page, "next");
            if (next == null) {
                return Uni.createFrom().item(RegionSummaries.targets(read, false, config.atRiskLimit()));
            }
            if (pagesLeft <= 1) {
                return Uni.createFrom().item(RegionSummaries.targets(read, true, config.atRiskLimit()));
            }
            return progress(region, caller, next, read, pagesLeft - 1);
        });
    }

    /** A part never fails: its calls' failures, a timeout and a mapping error become its status. */
    <J, T> Uni<Part<T>> part(Uni<J> calls, Function<J, T> toData) {
        return calls.map(toData)
                .ifNoItem().after(config.partTimeout())
                .failWith(() -> new UpstreamFailure(Part.TIMEOUT, "no answer within " + config.partTimeout().toMillis()
                        + " ms"))
                .map(Part::ok)
                .onFailure().recoverWithItem(Part::of);
    }

    static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}

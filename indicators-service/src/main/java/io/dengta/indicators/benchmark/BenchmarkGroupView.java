package io.dengta.indicators.benchmark;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonInclude;

/** A benchmark group as the API shows it. */
@Schema(name = "BenchmarkGroup")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record BenchmarkGroupView(
        UUID id,
        @Schema(description = "The region that benchmarks itself") String owner,
        String name,
        String description,
        List<PeerView> peers,
        long version,
        OffsetDateTime createdAt,
        OffsetDateTime updatedAt) {

    @Schema(name = "BenchmarkPeer")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record PeerView(String region,
            @Schema(enumeration = { "lighthouse", "catch-up", "peer" }) String role, String name) {
    }

    static BenchmarkGroupView of(BenchmarkGroup g) {
        return new BenchmarkGroupView(g.id, g.ownerRegion, g.name, g.description,
                g.peers.stream().map(p -> new PeerView(p.region, p.role, p.name)).toList(), g.version, g.createdAt,
                g.updatedAt);
    }
}

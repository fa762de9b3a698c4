package io.dengta.indicators.benchmark;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The body of {@code POST /indicators/v1/benchmark-groups} and {@code PUT /indicators/v1/benchmark-groups/{id}}. */
@Schema(name = "BenchmarkGroupInput", example = """
        {"owner": "320113", "name": "学龙岗、赶新吴、超太仓",
         "description": "栖霞区对标找差专项行动：深圳龙岗为灯塔标杆，无锡新吴、苏州太仓为赶超标杆",
         "peers": [
           {"region": "440307", "role": "lighthouse", "name": "深圳市龙岗区"},
           {"region": "320214", "role": "catch-up", "name": "无锡市新吴区"},
           {"region": "320585", "role": "catch-up", "name": "苏州市太仓市"}]}""")
public record BenchmarkGroupInput(
        @Schema(description = "The region that benchmarks itself (GB/T 2260 code)")
        @NotNull @Pattern(regexp = "\\d{6}", message = "must be a 6-digit region code") String owner,
        @NotBlank @Size(max = 200) String name,
        @Size(max = 4000) String description,
        @Schema(description = "1 to " + BenchmarkGroupRules.MAX_PEERS + " regions other than the owner, each once")
        @NotNull @Size(max = BenchmarkGroupRules.MAX_PEERS) List<@NotNull @Valid PeerInput> peers) {

    @Schema(name = "BenchmarkPeerInput")
    public record PeerInput(
            @NotNull @Pattern(regexp = "\\d{6}", message = "must be a 6-digit region code") String region,
            @Schema(description = "lighthouse (灯塔标杆), catch-up (赶超标杆) or peer")
            @NotNull @Pattern(regexp = "lighthouse|catch-up|peer", message = "must be lighthouse, catch-up or peer")
            String role,
            @Schema(description = "How to show the region, e.g. 深圳市龙岗区 (the registry of other provinces is not here)")
            @Size(max = 200) String name) {
    }

    static BenchmarkGroupInput of(BenchmarkGroup g) {
        return new BenchmarkGroupInput(g.ownerRegion, g.name, g.description,
                g.peers.stream().map(p -> new PeerInput(p.region, p.role, p.name)).toList());
    }

    /** As stored: trimmed names, blank description and peer names as none. */
    BenchmarkGroupInput normalized() {
        return new BenchmarkGroupInput(owner, name == null ? null : name.trim(),
                description == null || description.isBlank() ? null : description,
                peers.stream().map(p -> new PeerInput(p.region(), p.role(),
                        p.name() == null || p.name().isBlank() ? null : p.name().trim())).toList());
    }
}

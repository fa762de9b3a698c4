package io.dengta.indicators.benchmark;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.dengta.commons.problem.FieldError;
import io.dengta.indicators.benchmark.BenchmarkGroupInput.PeerInput;

class BenchmarkGroupRulesTest {

    private static List<String> codes(List<FieldError> errors) {
        return errors.stream().map(e -> e.pointer() + " " + e.code()).toList();
    }

    @Test
    void seedGroupIsValid() {
        assertEquals(List.of(), BenchmarkGroupRules.check(new BenchmarkGroupInput("320113", "学龙岗、赶新吴、超太仓", null,
                List.of(new PeerInput("440307", "lighthouse", null), new PeerInput("320214", "catch-up", null),
                        new PeerInput("320585", "catch-up", null)))));
    }

    @Test
    void rejectsOwnerAmongPeersDuplicatePeersAndUnknownRegionFormsAllAtOnce() {
        List<FieldError> errors = BenchmarkGroupRules.check(new BenchmarkGroupInput("990113", "x", null,
                List.of(new PeerInput("990113", "peer", null), new PeerInput("440307", "lighthouse", null),
                        new PeerInput("440307", "catch-up", null), new PeerInput("320013", "peer", null))));
        assertEquals(List.of("/owner unknown_region_format", "/peers/0/region unknown_region_format",
                "/peers/0/region owner_as_peer", "/peers/2/region duplicate_peer", "/peers/3/region unknown_region_format"),
                codes(errors));
    }

    @Test
    void rejectsAGroupWithoutPeers() {
        assertEquals(List.of("/peers no_peers"), codes(BenchmarkGroupRules.check(
                new BenchmarkGroupInput("320113", "x", null, List.of()))));
    }

    @Test
    void provincesCitiesAndDistrictsAreRegionForms() {
        assertEquals(List.of(), BenchmarkGroupRules.check(new BenchmarkGroupInput("320000", "x", null,
                List.of(new PeerInput("320100", "peer", null), new PeerInput("110101", "peer", null)))));
    }
}

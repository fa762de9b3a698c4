package io.dengta.indicators.benchmark;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.dengta.commons.problem.FieldError;

/**
 * What makes a benchmark group consistent: region codes of the GB/T 2260 form (a known province, no district
 * under a "00" city part), at least one peer, the owner not among its peers, and each peer once.
 */
public final class BenchmarkGroupRules {

    public static final int MAX_PEERS = 50;

    /** GB/T 2260 province-level codes (the first two digits). */
    static final Set<String> PROVINCES = Set.of("11", "12", "13", "14", "15", "21", "22", "23", "31", "32", "33",
            "34", "35", "36", "37", "41", "42", "43", "44", "45", "46", "50", "51", "52", "53", "54", "61", "62", "63",
            "64", "65", "71", "81", "82");

    private BenchmarkGroupRules() {
    }

    /** @param in after bean validation (so owner and peers are present and 6 digits) */
    public static List<FieldError> check(BenchmarkGroupInput in) {
        List<FieldError> errors = new ArrayList<>();
        if (in.owner() != null && !regionFormat(in.owner())) {
            errors.add(new FieldError("/owner", "unknown_region_format", formatMessage(in.owner())));
        }
        List<BenchmarkGroupInput.PeerInput> peers = in.peers() == null ? List.of() : in.peers();
        if (peers.isEmpty()) {
            errors.add(new FieldError("/peers", "no_peers", "a benchmark group compares with at least one peer"));
        }
        Map<String, Integer> first = new HashMap<>();
        for (int i = 0; i < peers.size(); i++) {
            String region = peers.get(i).region();
            String at = "/peers/" + i + "/region";
            if (region == null) {
                continue;
            }
            if (!regionFormat(region)) {
                errors.add(new FieldError(at, "unknown_region_format", formatMessage(region)));
            }
            if (region.equals(in.owner())) {
                errors.add(new FieldError(at, "owner_as_peer", "the owner " + region
                        + " cannot be its own peer"));
            }
            Integer earlier = first.putIfAbsent(region, i);
            if (earlier != null) {
                errors.add(new FieldError(at, "duplicate_peer", "region " + region + " is already peer "
                        + earlier + "; each region takes one role"));
            }
        }
        return errors;
    }

    /** A province, city or district code of the GB/T 2260 form: a known province, and no xx00yy codes. */
    static boolean regionFormat(String code) {
        return code != null && code.matches("\\d{6}") && PROVINCES.contains(code.substring(0, 2))
                && !(code.startsWith("00", 2) && !code.endsWith("00"));
    }

    private static String formatMessage(String code) {
        return "'" + code + "' is not a GB/T 2260 region code (a known province, e.g. 320000, 320100, 320113)";
    }
}

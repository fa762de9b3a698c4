package io.dengta.gateway.dashboard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import org.junit.jupiter.api.Test;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.smallrye.mutiny.Uni;

/** Dashboard parts kept per caller scope, without a server: what is shared, with whom, and what is not kept. */
class DashboardCacheTest {

    private static final Caller ANALYST = new Caller("Bearer a", "r1",
            Caller.scopeKey(Set.of("bureau-analyst"), Set.of("320113"), Set.of()));
    private static final Caller OTHER_ANALYST = new Caller("Bearer b", "r2",
            Caller.scopeKey(Set.of("bureau-analyst"), Set.of("320113"), Set.of()));
    private static final Caller VIEWER_SAME_REGION = new Caller("Bearer c", "r3",
            Caller.scopeKey(Set.of("viewer"), Set.of("320113"), Set.of()));
    private static final Caller ANALYST_OTHER_REGION = new Caller("Bearer d", "r4",
            Caller.scopeKey(Set.of("bureau-analyst"), Set.of("320115"), Set.of()));

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final DashboardCache cache = new DashboardCache(config(Duration.ofSeconds(30)), registry);

    /** A service read that answers when the test says so, counting how often it was asked. */
    private static final class Read implements Supplier<Uni<Part<String>>> {
        final AtomicInteger calls = new AtomicInteger();
        final CompletableFuture<Part<String>> answer = new CompletableFuture<>();

        @Override
        public Uni<Part<String>> get() {
            calls.incrementAndGet();
            return Uni.createFrom().completionStage(answer);
        }
    }

    private CompletableFuture<Part<String>> ask(Caller caller, Read read) {
        return cache.get("region", "score", "320113|2024", caller, read).subscribeAsCompletionStage();
    }

    @Test
    void concurrentMissesForOnePartMakeOneRead() {
        Read read = new Read();
        List<CompletableFuture<Part<String>>> answers = new ArrayList<>();
        for (int i = 0; i < 32; i++) {
            answers.add(ask(i % 2 == 0 ? ANALYST : OTHER_ANALYST, read));
        }
        read.answer.complete(Part.ok("81.5"));

        assertEquals(1, read.calls.get());
        for (CompletableFuture<Part<String>> answer : answers) {
            assertEquals("81.5", answer.join().data());
        }
    }

    @Test
    void keptPartSaysWhenItWasReadAndHowOldItIs() {
        Read read = new Read();
        read.answer.complete(Part.ok("81.5"));
        Part<String> first = ask(ANALYST, read).join();
        Part<String> second = ask(ANALYST, read).join();

        assertEquals(1, read.calls.get());
        assertNotNull(first.asOf());
        assertEquals(first.asOf(), second.asOf());
        assertNotNull(second.age());
    }

    @Test
    void anotherRoleOrAnotherScopeNeverGetsTheKeptPart() {
        Read analysts = new Read();
        analysts.answer.complete(Part.ok("analyst's"));
        Read viewers = new Read();
        viewers.answer.complete(Part.failed(Part.FORBIDDEN, "not for viewers"));
        Read otherRegion = new Read();
        otherRegion.answer.complete(Part.failed(Part.NOT_FOUND, "not in scope"));

        assertEquals("analyst's", ask(ANALYST, analysts).join().data());
        assertEquals(Part.FORBIDDEN, ask(VIEWER_SAME_REGION, viewers).join().status());
        assertEquals(Part.NOT_FOUND, ask(ANALYST_OTHER_REGION, otherRegion).join().status());
        assertEquals(1, viewers.calls.get());
        assertEquals(1, otherRegion.calls.get());
    }

    @Test
    void scopeKeyDoesNotDependOnClaimOrder() {
        assertEquals(Caller.scopeKey(List.of("viewer", "bureau-analyst"), List.of("3201", "3202"), List.of()),
                Caller.scopeKey(List.of("bureau-analyst", "viewer"), List.of("3202", "3201"), List.of()));
    }

    @Test
    void failureToReachTheServiceIsNotKept() {
        Read down = new Read();
        down.answer.complete(Part.failed(Part.UNAVAILABLE, "indicators-service is unavailable"));
        assertEquals(Part.UNAVAILABLE, ask(ANALYST, down).join().status());

        Read up = new Read();
        up.answer.complete(Part.ok("81.5"));
        assertEquals("81.5", ask(ANALYST, up).join().data());
        assertEquals(1, up.calls.get());
    }

    @Test
    void zeroTtlReadsEveryTime() {
        DashboardCache off = new DashboardCache(config(Duration.ZERO), registry);
        Read read = new Read();
        read.answer.complete(Part.ok("81.5"));
        off.get("region", "score", "x", ANALYST, read).await().indefinitely();
        off.get("region", "score", "x", ANALYST, read).await().indefinitely();

        assertEquals(2, read.calls.get());
    }

    @Test
    void eachReadIsTimedByPartAndStatus() {
        Read read = new Read();
        read.answer.complete(Part.ok("81.5"));
        ask(ANALYST, read).join();

        assertEquals(1, registry.get("dengta.dashboard.part").tags("dashboard", "region", "part", "score", "status", "ok")
                .timer().count());
    }

    private static DashboardConfig config(Duration ttl) {
        return new DashboardConfig() {
            @Override
            public String framework() {
                return "js-modernization-2013";
            }

            @Override
            public Duration partTimeout() {
                return Duration.ofSeconds(3);
            }

            @Override
            public int topGaps() {
                return 5;
            }

            @Override
            public int atRiskLimit() {
                return 20;
            }

            @Override
            public URI schoolsUrl() {
                return URI.create("http://127.0.0.1:1");
            }

            @Override
            public URI indicatorsUrl() {
                return schoolsUrl();
            }

            @Override
            public URI targetsUrl() {
                return schoolsUrl();
            }

            @Override
            public Cache cache() {
                return new Cache() {
                    @Override
                    public Duration ttl() {
                        return ttl;
                    }

                    @Override
                    public long maxEntries() {
                        return 100;
                    }
                };
            }

            @Override
            public CircuitBreaker circuitBreaker() {
                return null;
            }
        };
    }
}

package io.dengta.gateway.edge;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

import org.eclipse.microprofile.jwt.JsonWebToken;
import org.junit.jupiter.api.Test;

import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;

/** The cache of verified tokens, without a server: what it answers, and when it stops. */
class VerifiedTokensTest {

    private final AtomicLong now = new AtomicLong(1_000);
    private final VerifiedTokens tokens = new VerifiedTokens(Duration.ofSeconds(60), 100, now::get);

    private static SecurityIdentity identity(Long exp) {
        JsonWebToken jwt = new JsonWebToken() {
            @Override
            public String getName() {
                return "analyst";
            }

            @Override
            public Set<String> getClaimNames() {
                return exp == null ? Set.of("sub") : Set.of("sub", "exp");
            }

            @Override
            @SuppressWarnings("unchecked")
            public <T> T getClaim(String name) {
                return "exp".equals(name) ? (T) exp : "sub".equals(name) ? (T) "analyst" : null;
            }
        };
        return QuarkusSecurityIdentity.builder().setPrincipal(jwt).addRole("bureau-analyst").build();
    }

    @Test
    void verifiedTokenIsAnsweredUntilItsExpiry() {
        tokens.keep("h.p.s", identity(1_030L));
        assertTrue(tokens.lookup("h.p.s").isPresent());

        now.set(1_029);
        assertTrue(tokens.lookup("h.p.s").isPresent());
        now.set(1_030);
        assertFalse(tokens.lookup("h.p.s").isPresent(), "a token is not used at or after its exp");
        now.set(1_000);
        assertFalse(tokens.lookup("h.p.s").isPresent(), "an expired token is dropped, not kept");
    }

    @Test
    void tokenDifferingInAnyByteIsNotAnswered() {
        tokens.keep("h.p.s", identity(2_000L));

        assertFalse(tokens.lookup("h.p.t").isPresent());
        assertFalse(tokens.lookup("h.q.s").isPresent());
        assertFalse(tokens.lookup("h.p.s ").isPresent());
    }

    @Test
    void tokenWithoutExpiryOrAlreadyExpiredIsNotKept() {
        tokens.keep("no-exp", identity(null));
        tokens.keep("expired", identity(999L));

        assertFalse(tokens.lookup("no-exp").isPresent());
        assertFalse(tokens.lookup("expired").isPresent());
    }

    @Test
    void zeroMaxAgeKeepsNothing() {
        VerifiedTokens off = new VerifiedTokens(Duration.ZERO, 100, now::get);
        off.keep("h.p.s", identity(2_000L));

        assertFalse(off.enabled());
        assertFalse(off.lookup("h.p.s").isPresent());
    }
}

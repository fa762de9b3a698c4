package io.dengta.gateway.edge;

import java.time.Duration;
import java.util.Optional;
import java.util.function.LongSupplier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.jwt.JsonWebToken;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import io.dengta.gateway.routing.GatewayConfig;
import io.quarkus.security.identity.SecurityIdentity;

/**
 * Bearer tokens the gateway has verified (signature, issuer, audience, expiry: Quarkus OIDC), keyed by the whole
 * token text, so the same token on the next request is not parsed and its signature not checked again.
 * <p>
 * Sound because a token is immutable: the key is every byte of it, signature included, so a token that differs
 * in any byte (an edited claim, another signature) is a different key and is verified in full. What can change
 * with time is checked on every hit: a kept token is used only while {@code now < exp} (strictly; no grace), and
 * never longer than {@code dengta.gateway.token-cache.max-age} after it was verified (so a key the issuer
 * withdraws stops being trusted within that time). Only tokens that passed verification are kept; a refused token
 * is never kept. {@code dengta.gateway.token-cache.max-age=0} turns it off.
 */
@ApplicationScoped
public class VerifiedTokens {

    /** Identity attribute marking an identity that came from this cache (not kept again). */
    static final String FROM_CACHE = "dengta.gateway.token-from-cache";

    private final Cache<String, SecurityIdentity> verified;
    private final LongSupplier clockSeconds;

    @Inject
    public VerifiedTokens(GatewayConfig config) {
        this(config.tokenCache().maxAge(), config.tokenCache().maxSize(), () -> System.currentTimeMillis() / 1000);
    }

    VerifiedTokens(Duration maxAge, long maxSize, LongSupplier clockSeconds) {
        this.clockSeconds = clockSeconds;
        this.verified = maxAge.isZero() || maxAge.isNegative() ? null
                : Caffeine.newBuilder().expireAfterWrite(maxAge).maximumSize(maxSize).build();
    }

    boolean enabled() {
        return verified != null;
    }

    /** The identity of a token verified before and not expired since. */
    Optional<SecurityIdentity> lookup(String token) {
        if (verified == null || token == null) {
            return Optional.empty();
        }
        SecurityIdentity identity = verified.getIfPresent(token);
        if (identity == null) {
            return Optional.empty();
        }
        if (!unexpired(identity)) {
            verified.invalidate(token);
            return Optional.empty();
        }
        return Optional.of(identity);
    }

    /** Keeps the identity of a token that has just passed verification. */
    void keep(String token, SecurityIdentity identity) {
        if (verified != null && token != null && !identity.isAnonymous() && unexpired(identity)) {
            verified.put(token, identity);
        }
    }

    private boolean unexpired(SecurityIdentity identity) {
        // a token without exp is never kept: the next request verifies it again
        long exp = identity.getPrincipal() instanceof JsonWebToken jwt ? expiry(jwt.getClaim("exp")) : 0;
        return exp > 0 && clockSeconds.getAsLong() < exp;
    }

    private static long expiry(Object exp) {
        if (exp instanceof Number n) {
            return n.longValue();
        }
        return exp instanceof jakarta.json.JsonNumber n ? n.longValue() : 0;
    }
}

package io.dengta.gateway.edge;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.TokenAuthenticationRequest;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.quarkus.vertx.http.runtime.security.HttpSecurityUtils;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;

/**
 * Asked before Quarkus OIDC: answers a bearer token from {@link VerifiedTokens} when it was verified before and
 * has not expired, else nothing (null), and OIDC verifies it in full.
 */
@ApplicationScoped
public class CachedTokenIdentityProvider implements IdentityProvider<TokenAuthenticationRequest> {

    private final VerifiedTokens tokens;

    public CachedTokenIdentityProvider(VerifiedTokens tokens) {
        this.tokens = tokens;
    }

    @Override
    public Class<TokenAuthenticationRequest> getRequestType() {
        return TokenAuthenticationRequest.class;
    }

    @Override
    public int priority() {
        return SYSTEM_FIRST + 1;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(TokenAuthenticationRequest request, AuthenticationRequestContext context) {
        String token = request.getToken() == null ? null : request.getToken().getToken();
        return tokens.lookup(token)
                .map(kept -> Uni.createFrom().<SecurityIdentity> item(forThisRequest(kept,
                        HttpSecurityUtils.getRoutingContextAttribute(request))))
                .orElseGet(Uni.createFrom()::nullItem);
    }

    /** The kept identity with this request's routing context (never the one of the request that verified it). */
    private static SecurityIdentity forThisRequest(SecurityIdentity kept, RoutingContext rc) {
        QuarkusSecurityIdentity.Builder copy = QuarkusSecurityIdentity.builder()
                .setPrincipal(kept.getPrincipal())
                .addRoles(kept.getRoles())
                .addCredentials(kept.getCredentials())
                .addPermissionChecker(kept::checkPermission)
                .addAttribute(VerifiedTokens.FROM_CACHE, Boolean.TRUE);
        kept.getAttributes().forEach((name, value) -> {
            if (!(value instanceof RoutingContext)) {
                copy.addAttribute(name, value);
            }
        });
        if (rc != null) {
            copy.addAttribute(HttpSecurityUtils.ROUTING_CONTEXT_ATTRIBUTE, rc);
        }
        return copy.build();
    }
}

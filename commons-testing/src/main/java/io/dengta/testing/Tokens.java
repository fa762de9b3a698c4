package io.dengta.testing;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;

/**
 * Bearer tokens for tests, signed with the key of {@code quarkus-test-oidc-server}'s
 * {@code OidcWiremockTestResource}, with Dengta's role claim ({@code groups}) and scope claims
 * ({@code region}, {@code school}).
 *
 * <pre>{@code
 * given().auth().oauth2(Tokens.role("bureau-analyst").region("320113").get())
 * }</pre>
 */
public final class Tokens {

    public static final String ISSUER = "https://server.example.com";

    private final Set<String> roles = new LinkedHashSet<>();
    private final Set<String> regions = new LinkedHashSet<>();
    private final Set<String> schools = new LinkedHashSet<>();
    private String subject = "test-user";
    private String clientId = "dengta-test";
    private String issuer = ISSUER;
    private long expiresInSeconds = 300;

    private Tokens() {
    }

    public static Tokens role(String... roles) {
        Tokens t = new Tokens();
        t.roles.addAll(List.of(roles));
        return t;
    }

    public static String admin() {
        return role("platform-admin").get();
    }

    public Tokens region(String... codes) {
        regions.addAll(List.of(codes));
        return this;
    }

    public Tokens school(String... codes) {
        schools.addAll(List.of(codes));
        return this;
    }

    public Tokens subject(String subject) {
        this.subject = subject;
        return this;
    }

    public Tokens client(String clientId) {
        this.clientId = clientId;
        return this;
    }

    public Tokens issuer(String issuer) {
        this.issuer = issuer;
        return this;
    }

    /** A negative value gives a token that expired that many seconds ago. */
    public Tokens expiresIn(long seconds) {
        this.expiresInSeconds = seconds;
        return this;
    }

    public String get() {
        long now = System.currentTimeMillis() / 1000;
        JwtClaimsBuilder claims = Jwt.claims()
                .issuer(issuer)
                .audience(ISSUER)
                .subject(subject)
                .preferredUserName(subject)
                .groups(roles)
                .claim("azp", clientId)
                .issuedAt(Math.min(now, now + expiresInSeconds - 60))
                .expiresAt(now + expiresInSeconds);
        if (!regions.isEmpty()) {
            claims.claim("region", List.copyOf(regions));
        }
        if (!schools.isEmpty()) {
            claims.claim("school", List.copyOf(schools));
        }
        return claims.jws().keyId("1").sign("privateKey.jwk");
    }
}

package io.dengta.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The services and the gateway, in their production profile, behind a real Keycloak with the realm of
 * {@code deploy/keycloak}: tokens from the password grant (demo users) and the client-credentials grant (the
 * city feed) get in with their roles and see only their scope; missing, expired, tampered, unsigned, foreign
 * and wrong-audience tokens are refused, by the gateway and by the services themselves.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RealOidcThroughGatewayTest {

    private static final String QIXIA_SCHOOL = "3201130001";
    private static final String BINHU_SCHOOL = "3202110001";

    private DengtaStack stack;
    private String gateway;
    private String admin;
    private String catalogAdmin;
    private String qixiaAnalyst;
    private String binhuAnalyst;
    private String qixiaClerk;
    private String qixiaViewer;
    private String cityFeed;

    @BeforeAll
    void startEverything() {
        stack = DengtaStack.start();
        try {
            gateway = stack.gateway();
            KeycloakServer keycloak = stack.keycloak();
            admin = keycloak.passwordToken("admin", "demo-only-admin");
            catalogAdmin = keycloak.passwordToken("catalog-admin", "demo-only-catalog-admin");
            qixiaAnalyst = keycloak.passwordToken("qixia-analyst", "demo-only-qixia-analyst");
            binhuAnalyst = keycloak.passwordToken("binhu-analyst", "demo-only-binhu-analyst");
            qixiaClerk = keycloak.passwordToken("qixia-clerk", "demo-only-qixia-clerk");
            qixiaViewer = keycloak.passwordToken("qixia-viewer", "demo-only-qixia-viewer");
            cityFeed = keycloak.feedToken(keycloak.feedSecret());
            expect(201, Http.put(gateway + "/schools/v1/schools/" + QIXIA_SCHOOL, admin, school("320113")));
            expect(201, Http.put(gateway + "/schools/v1/schools/" + BINHU_SCHOOL, admin, school("320211")));
        } catch (RuntimeException | Error e) {
            String logs = stack.logs();
            stack.close();
            throw new IllegalStateException("Setting up the end-to-end test failed: " + e.getMessage()
                    + "\nLogs:\n" + logs, e);
        }
    }

    @AfterAll
    void stopEverything() {
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    void keycloakTokensCarryTheRolesAndScopeClaimsTheServicesRead() {
        ObjectNode analyst = Jwt.payload(binhuAnalyst);
        assertEquals(stack.keycloak().issuer(), analyst.path("iss").asText());
        assertEquals(DengtaStack.AUDIENCE, analyst.path("aud").asText());
        assertEquals("[\"bureau-analyst\"]", analyst.path("realm_access").path("roles").toString());
        assertEquals("[\"320211\"]", analyst.path("region").toString());
        assertEquals("[\"3201130001\"]", Jwt.payload(qixiaClerk).path("school").toString());
        ObjectNode feed = Jwt.payload(cityFeed);
        assertEquals(KeycloakServer.FEED_CLIENT, feed.path("azp").asText());
        assertEquals("[\"data-feed\"]", feed.path("realm_access").path("roles").toString());
        assertEquals("[\"320100\"]", feed.path("region").toString());
    }

    @Test
    void requestWithoutTokenIsRefusedWith401ByGatewayAndService() {
        Http.Reply viaGateway = Http.get(gateway + "/schools/v1/schools", null);
        expect(401, viaGateway);
        assertTrue(viaGateway.header("WWW-Authenticate").startsWith("Bearer"), viaGateway.toString());
        expect(401, Http.get(stack.direct("schools-service") + "/schools/v1/schools", null));
        expect(401, Http.get(stack.direct("indicators-service") + "/indicators/v1/indicators", null));
    }

    @Test
    void auditNamesTheKeycloakUserAndClientThatWrote() {
        Http.Reply audit = expect(200, Http.get(gateway + "/schools/v1/audit?resourceType=school&key=" + QIXIA_SCHOOL,
                admin));
        JsonNode entry = audit.json().path(0);
        assertEquals("admin", entry.path("subject").asText(), audit.toString());
        assertEquals(KeycloakServer.DEMO_CLIENT, entry.path("client").asText(), audit.toString());
    }

    @Test
    void analystReadsSchoolsOfOwnRegion() {
        Http.Reply school = expect(200, Http.get(gateway + "/schools/v1/schools/" + QIXIA_SCHOOL, qixiaAnalyst));
        assertEquals("320113", school.json().path("region").asText());
        expect(200, Http.get(gateway + "/schools/v1/schools/" + BINHU_SCHOOL, binhuAnalyst));
    }

    @Test
    void schoolOutsideTheTokensRegionIsNotFound() {
        expect(404, Http.get(gateway + "/schools/v1/schools/" + QIXIA_SCHOOL, binhuAnalyst));
        expect(404, Http.get(gateway + "/schools/v1/schools/" + BINHU_SCHOOL, qixiaAnalyst));
        expect(404, Http.get(gateway + "/schools/v1/schools/" + BINHU_SCHOOL, cityFeed));
    }

    @Test
    void schoolListsAreFilteredToTheTokensScope() {
        assertEquals(List.of(BINHU_SCHOOL), schoolCodes(binhuAnalyst));
        assertEquals(List.of(QIXIA_SCHOOL), schoolCodes(qixiaAnalyst));
        assertEquals(List.of(QIXIA_SCHOOL), schoolCodes(qixiaClerk));
        assertEquals(List.of(QIXIA_SCHOOL), schoolCodes(cityFeed));
        assertEquals(List.of(QIXIA_SCHOOL, BINHU_SCHOOL), schoolCodes(admin));
    }

    @Test
    void clerkSeesOnlyTheSchoolOfTheTokensSchoolClaim() {
        expect(200, Http.get(gateway + "/schools/v1/schools/" + QIXIA_SCHOOL, qixiaClerk));
        expect(404, Http.get(gateway + "/schools/v1/schools/" + BINHU_SCHOOL, qixiaClerk));
    }

    @Test
    void rolesWithoutTheRightAreForbidden() {
        expect(403, Http.put(gateway + "/schools/v1/schools/" + QIXIA_SCHOOL, qixiaViewer, school("320113")));
        expect(403, Http.put(gateway + "/schools/v1/schools/" + QIXIA_SCHOOL, qixiaAnalyst, school("320113")));
        expect(403, Http.get(gateway + "/schools/v1/changes?after=0", qixiaViewer));
        expect(403, Http.get(gateway + "/schools/v1/audit", qixiaAnalyst));
        expect(403, Http.put(gateway + "/indicators/v1/indicators/zz.e2e_per100", qixiaAnalyst, indicator()));
    }

    @Test
    void catalogAdminManagesIndicatorsAndViewerReadsThem() {
        expect(201, Http.put(gateway + "/indicators/v1/indicators/zz.e2e_catalog_per100", catalogAdmin, indicator()));
        Http.Reply read = expect(200, Http.get(gateway + "/indicators/v1/indicators/zz.e2e_catalog_per100", qixiaViewer));
        assertEquals("zz.e2e_catalog_per100", read.json().path("code").asText());
    }

    @Test
    void cityFeedWithClientCredentialsReadsChangesOfNanjingOnly() {
        Http.Reply changes = expect(200, Http.get(gateway + "/schools/v1/changes?after=0&resourceType=school", cityFeed));
        List<String> keys = new ArrayList<>();
        changes.json().path("items").forEach(change -> keys.add(change.path("key").asText()));
        assertTrue(keys.contains(QIXIA_SCHOOL), changes.toString());
        assertTrue(!keys.contains(BINHU_SCHOOL), changes.toString());
    }

    @Test
    void cityFeedCannotWriteOutsideNanjing() {
        expect(403, Http.put(gateway + "/schools/v1/schools/3202110002", cityFeed, school("320211")));
    }

    @Test
    void frontEndClientRequiresPkceAndAKnownRedirect() {
        String authorize = stack.keycloak().issuer() + "/protocol/openid-connect/auth?client_id=dengta-console"
                + "&response_type=code&scope=openid&state=e2e&redirect_uri=";
        String known = "http%3A%2F%2Flocalhost%3A5173%2Fcallback";
        Http.Reply withoutPkce = Http.get(authorize + known, null);
        expect(302, withoutPkce);
        assertTrue(withoutPkce.header("Location").contains("error=invalid_request"), withoutPkce.toString());
        expect(200, Http.get(authorize + known + "&code_challenge_method=S256"
                + "&code_challenge=E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM", null));
        expect(400, Http.get(authorize + "https%3A%2F%2Fattacker.example%2Fcallback&code_challenge_method=S256"
                + "&code_challenge=E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM", null));
    }

    @Test
    void feedClientWithWrongSecretGetsNoToken() {
        Http.Reply refused = stack.keycloak().tokenRequest(Map.of("grant_type", "client_credentials",
                "client_id", KeycloakServer.FEED_CLIENT, "client_secret", "demo-only-nanjing-city-feed-secret"));
        expect(401, refused);
        assertTrue(refused.json().path("access_token").isMissingNode(), refused.toString());
    }

    @Test
    void expiredTokenSignedWithTheRealmsKeyIsRefusedWith401() {
        long now = Instant.now().getEpochSecond();
        ObjectNode claims = Jwt.payload(binhuAnalyst);
        // the same claims, signed with a key the realm publishes: accepted while valid...
        claims.put("iat", now).put("exp", now + 300);
        String valid = Jwt.signed(claims, stack.testKeyId(), stack.testKey().getPrivate());
        expect(200, Http.get(gateway + "/schools/v1/schools/" + BINHU_SCHOOL, valid));
        // ...and refused once expired, by the gateway and by the service itself
        claims.put("iat", now - 900).put("exp", now - 600);
        String expired = Jwt.signed(claims, stack.testKeyId(), stack.testKey().getPrivate());
        expect(401, Http.get(gateway + "/schools/v1/schools/" + BINHU_SCHOOL, expired));
        expect(401, Http.get(stack.direct("schools-service") + "/schools/v1/schools/" + BINHU_SCHOOL, expired));
    }

    @Test
    void tamperedTokenIsRefusedWith401() {
        // the Binhu analyst rewrites the region claim to see Qixia; the signature no longer matches
        ObjectNode claims = Jwt.payload(binhuAnalyst);
        claims.putArray("region").add("320113");
        String tampered = Jwt.withPayload(binhuAnalyst, claims);
        expect(401, Http.get(gateway + "/schools/v1/schools/" + QIXIA_SCHOOL, tampered));
        expect(401, Http.get(stack.direct("schools-service") + "/schools/v1/schools/" + QIXIA_SCHOOL, tampered));
    }

    @Test
    void unsignedTokenIsRefusedWith401() {
        String unsigned = Jwt.unsigned(Jwt.payload(admin));
        expect(401, Http.get(gateway + "/schools/v1/schools", unsigned));
        expect(401, Http.get(stack.direct("schools-service") + "/schools/v1/schools", unsigned));
    }

    @Test
    void tokenIssuedForAnotherAudienceIsRefusedWith401() {
        // Keycloak's own admin-cli client in the same realm: right issuer, right roles, not for the Dengta API
        String notForDengta = stack.keycloak().adminCliToken("admin", "demo-only-admin");
        assertTrue(!Jwt.payload(notForDengta).path("aud").toString().contains(DengtaStack.AUDIENCE));
        expect(401, Http.get(gateway + "/schools/v1/schools", notForDengta));
        expect(401, Http.get(stack.direct("schools-service") + "/schools/v1/schools", notForDengta));
    }

    @Test
    void tokenOfAnotherRealmIsRefusedWith401() {
        String masterRealm = stack.keycloak().masterAdminToken();
        expect(401, Http.get(gateway + "/schools/v1/schools", masterRealm));
        expect(401, Http.get(stack.direct("indicators-service") + "/indicators/v1/indicators", masterRealm));
    }

    private List<String> schoolCodes(String token) {
        Http.Reply page = expect(200, Http.get(gateway + "/schools/v1/schools?limit=1000", token));
        List<String> codes = new ArrayList<>();
        page.json().path("items").forEach(school -> codes.add(school.path("code").asText()));
        return codes;
    }

    private static Map<String, Object> school(String region) {
        return Map.of("name", "端到端测试学校 " + region, "nameEn", "End-to-end test school", "region", region,
                "stages", List.of("primary"), "ownership", "public", "status", "open", "source", "e2e-test");
    }

    private static Map<String, Object> indicator() {
        return Map.of("name", "端到端测试指标", "nameEn", "End-to-end test indicator", "unit", "per100",
                "direction", "higher-better", "level", "both", "stages", List.of("primary"),
                "aggregation", "ratio-of-sums", "definition", "test / pupils * 100", "source", "e2e-test");
    }

    private static Http.Reply expect(int status, Http.Reply reply) {
        assertEquals(status, reply.status(), () -> "expected " + status + ", got " + reply);
        return reply;
    }
}

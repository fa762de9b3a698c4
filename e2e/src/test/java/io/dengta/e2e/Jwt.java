package io.dengta.e2e;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.Signature;
import java.util.Base64;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** Reads and forges compact JWTs the way an attacker (or a test) would. */
final class Jwt {

    private Jwt() {
    }

    static ObjectNode payload(String token) {
        try {
            return (ObjectNode) Http.JSON.readTree(Base64.getUrlDecoder().decode(token.split("\\.")[1]));
        } catch (IOException e) {
            throw new IllegalArgumentException("Not a JWT: " + token, e);
        }
    }

    /** The token with another payload but its original header and signature. */
    static String withPayload(String token, ObjectNode payload) {
        String[] parts = token.split("\\.");
        return parts[0] + "." + encode(payload.toString()) + "." + parts[2];
    }

    /** A token signed RS256 with the given key, announced under {@code kid}. */
    static String signed(ObjectNode payload, String kid, PrivateKey key) {
        String signingInput = encode("{\"alg\":\"RS256\",\"typ\":\"JWT\",\"kid\":\"" + kid + "\"}") + "."
                + encode(payload.toString());
        try {
            Signature rsa = Signature.getInstance("SHA256withRSA");
            rsa.initSign(key);
            rsa.update(signingInput.getBytes(StandardCharsets.US_ASCII));
            return signingInput + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(rsa.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** An unsecured token ({@code alg: none}, empty signature). */
    static String unsigned(ObjectNode payload) {
        return encode("{\"alg\":\"none\",\"typ\":\"JWT\"}") + "." + encode(payload.toString()) + ".";
    }

    private static String encode(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }
}

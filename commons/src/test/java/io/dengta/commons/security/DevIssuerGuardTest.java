package io.dengta.commons.security;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;

import org.junit.jupiter.api.Test;

class DevIssuerGuardTest {

    @Test
    void refusesDevelopmentKeyInProduction() {
        assertThrows(IllegalStateException.class, () -> DevIssuerGuard.check(List.of("prod"), true));
    }

    @Test
    void allowsDevelopmentKeyInLocalProfile() {
        assertDoesNotThrow(() -> DevIssuerGuard.check(List.of("local"), true));
    }

    @Test
    void allowsProductionWithConfiguredIssuerOnly() {
        assertDoesNotThrow(() -> DevIssuerGuard.check(List.of("prod"), false));
    }
}

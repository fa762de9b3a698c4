package io.dengta.indicators;

import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

import io.dengta.testing.OpenApiContract;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class OpenApiContractTest {

    @Test
    void committedContractMatchesTheCode() {
        assertNull(OpenApiContract.compareWithCommitted("indicators-service"));
    }
}

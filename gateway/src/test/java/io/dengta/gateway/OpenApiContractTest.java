package io.dengta.gateway;

import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

import io.dengta.testing.OpenApiContract;
import io.quarkus.test.junit.QuarkusTest;

/** The gateway's generated OpenAPI contract matches openapi/gateway.yaml. */
@QuarkusTest
class OpenApiContractTest {

    @Test
    void generatedContractMatchesCommittedOne() {
        assertNull(OpenApiContract.compareWithCommitted("gateway"),
                "openapi/gateway.yaml is out of date (./mvnw verify -pl gateway -Ddengta.openapi.write=true)");
    }
}

package io.dengta.testing;

import static io.restassured.RestAssured.given;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Compares the contract a running service generates with the one committed under {@code openapi/}.
 * Run the build with {@code -Ddengta.openapi.write=true} to write the generated contract instead
 * (see docs/development.md).
 */
public final class OpenApiContract {

    private OpenApiContract() {
    }

    /** Returns a message describing the difference, or null when the committed contract is current. */
    public static String compareWithCommitted(String service) {
        String generated = given().queryParam("format", "yaml").get("/q/openapi").then().statusCode(200)
                .extract().asString();
        Path committed = repoRoot().resolve("openapi").resolve(service + ".yaml");
        try {
            if (Boolean.getBoolean("dengta.openapi.write")) {
                Files.createDirectories(committed.getParent());
                Files.writeString(committed, generated, StandardCharsets.UTF_8);
                return null;
            }
            if (!Files.exists(committed)) {
                return committed + " is missing; " + regenerateHint();
            }
            String current = Files.readString(committed, StandardCharsets.UTF_8);
            return current.equals(generated) ? null
                    : committed + " differs from the contract the code generates; " + regenerateHint();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String regenerateHint() {
        return "regenerate with ./mvnw verify -Ddengta.openapi.write=true and commit the result";
    }

    private static Path repoRoot() {
        String root = System.getProperty("dengta.repo.root");
        return root != null ? Path.of(root) : Path.of("..").toAbsolutePath().normalize();
    }
}

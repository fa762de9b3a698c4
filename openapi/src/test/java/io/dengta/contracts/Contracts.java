package io.dengta.contracts;

import java.nio.file.Path;
import java.util.List;

/** Where the contracts and their released baseline live. */
final class Contracts {

    /** Every committed contract, checked by lint and by the breaking-change check. */
    static final List<String> ALL = List.of("schools-service", "indicators-service", "targets-service", "gateway");

    private Contracts() {
    }

    static Path dir() {
        String root = System.getProperty("dengta.repo.root");
        return (root != null ? Path.of(root) : Path.of("..").toAbsolutePath().normalize()).resolve("openapi");
    }

    static Path current(String contract) {
        return dir().resolve(contract + ".yaml");
    }

    static Path released(String contract) {
        return dir().resolve("released").resolve(contract + ".yaml");
    }
}

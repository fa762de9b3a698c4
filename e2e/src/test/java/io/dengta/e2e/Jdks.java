package io.dengta.e2e;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Finds a JDK of at least a given feature version on this machine: {@code -Ddengta.e2e.java-home}, then
 * {@code JAVA_HOME}, the JVM running the tests, and every JDK under {@code /usr/lib/jvm}. Keycloak 26 needs
 * Java 21 while the build itself targets 17, so the two may differ.
 */
final class Jdks {

    private static final Pattern RELEASE_VERSION = Pattern.compile("(?m)^JAVA_VERSION=\"(\\d+)");

    private Jdks() {
    }

    static Path requireAtLeast(int feature) {
        List<Path> candidates = candidates();
        return candidates.stream()
                .filter(home -> version(home).orElse(0) >= feature)
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("The end-to-end test runs Keycloak, which needs a JDK "
                        + feature + " or newer, and none was found (looked at -Ddengta.e2e.java-home, JAVA_HOME, the "
                        + "running JVM and /usr/lib/jvm/*: " + candidates + "). Install one (for example Temurin "
                        + "21 or 25 under /usr/lib/jvm) or point -Ddengta.e2e.java-home at it."));
    }

    private static List<Path> candidates() {
        Set<Path> homes = new LinkedHashSet<>();
        Optional.ofNullable(System.getProperty("dengta.e2e.java-home")).filter(s -> !s.isBlank()).map(Path::of)
                .ifPresent(homes::add);
        Optional.ofNullable(System.getenv("JAVA_HOME")).filter(s -> !s.isBlank()).map(Path::of).ifPresent(homes::add);
        homes.add(Path.of(System.getProperty("java.home")));
        Path jvms = Path.of("/usr/lib/jvm");
        if (Files.isDirectory(jvms)) {
            try (Stream<Path> dirs = Files.list(jvms)) {
                // newest first, so the choice is the same on every run
                dirs.filter(Files::isDirectory)
                        .sorted(Comparator.comparingInt((Path p) -> version(p).orElse(0)).reversed())
                        .forEach(homes::add);
            } catch (IOException e) {
                // an unreadable folder just offers no candidates
            }
        }
        List<Path> usable = new ArrayList<>();
        for (Path home : homes) {
            if (Files.isExecutable(home.resolve("bin/java"))) {
                usable.add(home.normalize());
            }
        }
        return usable;
    }

    static Optional<Integer> version(Path home) {
        Path release = home.resolve("release");
        if (!Files.isRegularFile(release)) {
            return Optional.empty();
        }
        try {
            Matcher m = RELEASE_VERSION.matcher(Files.readString(release));
            return m.find() ? Optional.of(Integer.parseInt(m.group(1))) : Optional.empty();
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }
}

package io.dengta.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Optional;

import org.junit.jupiter.api.Test;

class JdksTest {

    @Test
    void readsTheFeatureVersionOfTheRunningJdk() {
        assertEquals(Optional.of(Runtime.version().feature()), Jdks.version(Path.of(System.getProperty("java.home"))));
    }

    @Test
    void failsSayingWhatToInstallWhenNoJdkIsNewEnough() {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> Jdks.requireAtLeast(999));
        assertTrue(e.getMessage().contains("needs a JDK 999 or newer"), e.getMessage());
        assertTrue(e.getMessage().contains("-Ddengta.e2e.java-home"), e.getMessage());
    }
}

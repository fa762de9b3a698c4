package io.dengta.schools.teacher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.Optional;

import org.junit.jupiter.api.Test;

class NationalIdsTest {

    @Test
    void acceptsTheCheckCharacterOfGb11643() {
        // the standard's own example, and one whose check character is X
        assertTrue(NationalIds.hasValidCheckCharacter("11010519491231002X"));
        assertTrue(NationalIds.hasValidCheckCharacter("440524188001010014"));
        assertTrue(NationalIds.hasValidCheckCharacter(TestIds.nationalId(LocalDate.of(1986, 3, 15))));
    }

    @Test
    void rejectsAWrongCheckCharacter() {
        assertFalse(NationalIds.hasValidCheckCharacter("110105194912310021"));
        assertFalse(NationalIds.hasValidCheckCharacter("440524188001010015"));
    }

    @Test
    void requiresSeventeenDigitsAndADigitOrX() {
        assertTrue(NationalIds.hasFormat("11010519491231002X"));
        assertFalse(NationalIds.hasFormat("11010519491231002"));
        assertFalse(NationalIds.hasFormat("1101051949123100211"));
        assertFalse(NationalIds.hasFormat("11010519491231002Y"));
        assertFalse(NationalIds.hasFormat("1101051949123100X1"));
        assertFalse(NationalIds.hasFormat(null));
    }

    @Test
    void normalizesALowerCaseCheckCharacter() {
        assertEquals("11010519491231002X", NationalIds.normalize(" 11010519491231002x "));
    }

    @Test
    void readsTheBirthDateItCarries() {
        assertEquals(Optional.of(LocalDate.of(1949, 12, 31)), NationalIds.birthDate("11010519491231002X"));
        assertEquals(Optional.empty(), NationalIds.birthDate("110105194902310025"));
    }

    @Test
    void hashesWithTheSaltSoEqualIdsMatchAndOtherSaltsDoNot() {
        NationalIds ids = new NationalIds("salt-a");
        String hash = ids.hash("11010519491231002X");
        assertEquals(64, hash.length());
        assertEquals(hash, ids.hash("11010519491231002x"));
        assertNotEquals(hash, new NationalIds("salt-b").hash("11010519491231002X"));
        assertFalse(hash.contains("11010519491231002X"));
    }

    @Test
    void keepsTheLastFourCharacters() {
        assertEquals("002X", NationalIds.last4("11010519491231002X"));
    }
}

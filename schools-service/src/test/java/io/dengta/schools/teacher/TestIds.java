package io.dengta.schools.teacher;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.atomic.AtomicInteger;

/** Valid, distinct GB 11643 national IDs for test teachers (one person, one ID). */
public final class TestIds {

    private static final int[] WEIGHTS = { 7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2 };
    private static final AtomicInteger SEQUENCE = new AtomicInteger(100);

    private TestIds() {
    }

    /** An ID of someone born on {@code birthDate} in Qixia, with a sequence no other test uses. */
    public static String nationalId(LocalDate birthDate) {
        String first17 = "320113" + birthDate.format(DateTimeFormatter.BASIC_ISO_DATE)
                + String.format("%03d", SEQUENCE.getAndIncrement() % 1000);
        return withCheckCharacter(first17);
    }

    public static String withCheckCharacter(String first17) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (first17.charAt(i) - '0') * WEIGHTS[i];
        }
        return first17 + "10X98765432".charAt(sum % 11);
    }
}

package io.dengta.schools.teacher;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.HexFormat;
import java.util.Optional;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Citizen identity numbers (GB 11643, 18 characters): their format and check character, the birth date
 * they carry, and the salted SHA-256 hash that is all the registry keeps of them (with the last 4
 * characters). The salt is configuration ({@code dengta.schools.national-id-salt}), required in production:
 * without it the service does not start.
 */
@ApplicationScoped
public class NationalIds {

    private static final Pattern FORMAT = Pattern.compile("\\d{17}[\\dX]");
    private static final int[] WEIGHTS = { 7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2 };
    private static final String CHECK_CHARACTERS = "10X98765432";
    private static final DateTimeFormatter BIRTH_DATE = DateTimeFormatter.ofPattern("uuuuMMdd")
            .withResolverStyle(ResolverStyle.STRICT);

    private final byte[] salt;

    public NationalIds(@ConfigProperty(name = "dengta.schools.national-id-salt") String salt) {
        this.salt = salt.getBytes(StandardCharsets.UTF_8);
    }

    /** Upper-case and trimmed: a lower-case check character 'x' is the same ID. */
    public static String normalize(String id) {
        return id == null ? null : id.trim().toUpperCase(java.util.Locale.ROOT);
    }

    /** 17 digits and a digit or X (after {@link #normalize}). */
    public static boolean hasFormat(String id) {
        return id != null && FORMAT.matcher(id).matches();
    }

    /** Whether the 18th character is the GB 11643 (ISO 7064 MOD 11-2) check character of the first 17. */
    public static boolean hasValidCheckCharacter(String id) {
        if (!hasFormat(id)) {
            return false;
        }
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (id.charAt(i) - '0') * WEIGHTS[i];
        }
        return CHECK_CHARACTERS.charAt(sum % 11) == id.charAt(17);
    }

    /** The birth date in characters 7–14, if it is a real date. */
    public static Optional<LocalDate> birthDate(String id) {
        if (!hasFormat(id)) {
            return Optional.empty();
        }
        try {
            return Optional.of(LocalDate.parse(id.substring(6, 14), BIRTH_DATE));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    public static String last4(String id) {
        return id.substring(id.length() - 4);
    }

    /** Hex SHA-256 of salt, a separator and the normalized ID: equal IDs give equal hashes, for searching. */
    public String hash(String id) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            sha256.update(salt);
            sha256.update((byte) 0);
            return HexFormat.of().formatHex(sha256.digest(normalize(id).getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }
}

package io.dengta.commons.period;

/**
 * A period code that does not parse: {@link #part()} names what is wrong ({@code code}, {@code year},
 * {@code half-year}, {@code quarter}, {@code month}, {@code school-year}, {@code term} or {@code suffix}),
 * the message says it for people.
 */
public class InvalidPeriodException extends IllegalArgumentException {

    private final String part;

    public InvalidPeriodException(String part, String message) {
        super(message);
        this.part = part;
    }

    public String part() {
        return part;
    }
}

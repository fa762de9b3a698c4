package io.dengta.indicators.observation;

import io.dengta.commons.period.Period;

/**
 * The natural key of an observation: indicator + unit (6-digit region or 10-digit school code) + period
 * (+ stage for indicators reported per stage; null otherwise).
 */
public record ObservationKey(String indicator, String unit, Period period, String stage) {

    /** How the database stores "no stage" (the key's columns are not null so that the key is unique). */
    static final String NO_STAGE = "";

    public String unitType() {
        return unitTypeOf(unit);
    }

    static String unitTypeOf(String unit) {
        return unit.length() == 10 ? "school" : "region";
    }

    String storedStage() {
        return stage == null ? NO_STAGE : stage;
    }

    static String stageOf(String stored) {
        return stored == null || stored.isEmpty() ? null : stored;
    }

    /**
     * The key in the change feed and audit trail: the observation's path under
     * {@code /indicators/v1/observations/}, e.g. {@code qb.key_teachers_per100/3201130001/2024Sep?stage=primary}.
     */
    public String journalKey() {
        return indicator + "/" + unit + "/" + period.code() + (stage == null ? "" : "?stage=" + stage);
    }

    /** The same key as one string for hashing (fields separated by a character no field contains). */
    String canonical() {
        return indicator + '\n' + unit + '\n' + period.code() + '\n' + storedStage();
    }
}

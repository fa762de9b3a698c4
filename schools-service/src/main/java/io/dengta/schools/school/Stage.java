package io.dengta.schools.school;

import java.util.List;

/** 学段: the stages of education a school can offer. */
public final class Stage {

    public static final String KINDERGARTEN = "kindergarten";
    public static final String PRIMARY = "primary";
    public static final String JUNIOR = "junior";
    public static final String SENIOR = "senior";
    public static final String VOCATIONAL = "vocational";
    public static final String SPECIAL = "special";

    public static final List<String> ALL = List.of(KINDERGARTEN, PRIMARY, JUNIOR, SENIOR, VOCATIONAL, SPECIAL);

    /** The general sequence: a school's general stages must be contiguous in it (九年一贯制, 完全中学, …). */
    static final List<String> GENERAL_SEQUENCE = List.of(KINDERGARTEN, PRIMARY, JUNIOR, SENIOR);

    private Stage() {
    }
}

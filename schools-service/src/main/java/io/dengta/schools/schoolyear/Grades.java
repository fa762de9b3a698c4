package io.dengta.schools.schoolyear;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.dengta.schools.school.Stage;

/**
 * Grade (年级) codes and the stage each belongs to: kindergarten k1–k3 (小班, 中班, 大班), primary p1–p6,
 * junior j1–j3 (初一–初三), senior s1–s3 (高一–高三), vocational v1–v3, special education sp1–sp9.
 */
public final class Grades {

    /** The bean-validation pattern of a grade code. */
    public static final String PATTERN = "k[1-3]|p[1-6]|j[1-3]|s[1-3]|v[1-3]|sp[1-9]";

    private static final Map<String, String> STAGE_BY_GRADE = new LinkedHashMap<>();

    static {
        add("k", 3, Stage.KINDERGARTEN);
        add("p", 6, Stage.PRIMARY);
        add("j", 3, Stage.JUNIOR);
        add("s", 3, Stage.SENIOR);
        add("v", 3, Stage.VOCATIONAL);
        add("sp", 9, Stage.SPECIAL);
    }

    private Grades() {
    }

    private static void add(String prefix, int count, String stage) {
        for (int i = 1; i <= count; i++) {
            STAGE_BY_GRADE.put(prefix + i, stage);
        }
    }

    /** The stage of a grade code, or null for an unknown code. */
    public static String stageOf(String grade) {
        return grade == null ? null : STAGE_BY_GRADE.get(grade);
    }

    /** Every grade code, in the order of the stages. */
    public static List<String> all() {
        return List.copyOf(STAGE_BY_GRADE.keySet());
    }
}

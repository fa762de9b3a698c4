package io.dengta.schools.teacher;

import java.util.List;

/** The bureau's codes for teacher records: degrees, titles, honours, subjects, employment and status. */
public final class TeacherCodes {

    public static final List<String> GENDERS = List.of("female", "male");

    /** Lowest first: secondary (中专/高中), associate (专科), bachelor, master, doctorate. */
    public static final List<String> DEGREES = List.of("secondary", "associate", "bachelor", "master", "doctorate");

    /** 未定级, 三级, 二级, 一级, 高级, 正高级. */
    public static final List<String> TITLES = List.of("none", "third", "second", "first", "senior", "professor-senior");

    /** 骨干教师, 学科带头人, 名师, 特级教师, 名校长, other. */
    public static final List<String> HONOUR_KINDS = List.of("key-teacher", "subject-leader", "famous-teacher",
            "special-grade", "famous-principal", "other");

    /** Lowest first, so "at or above" is a tail of this list. */
    public static final List<String> HONOUR_LEVELS = List.of("school", "district", "city", "province", "national");

    /**
     * Subjects of the national curriculum (and the preschool, special and vocational ones). The first of a
     * teacher's subjects is the main one: PE and arts statistics count teachers by their main subject.
     */
    public static final List<String> SUBJECTS = List.of("chinese", "math", "english", "japanese", "russian",
            "other-foreign-language", "morality-and-law", "history", "geography", "physics", "chemistry", "biology",
            "science", "pe", "music", "fine-art", "arts", "information-technology", "general-technology", "labour",
            "comprehensive-practice", "mental-health", "calligraphy", "preschool", "special-education",
            "vocational-specialty", "other");

    public static final List<String> EMPLOYMENTS = List.of("established", "contract");

    public static final List<String> STATUSES = List.of("active", "on-leave", "retired", "left");

    private TeacherCodes() {
    }

    /** The levels at or above {@code level}, e.g. district → district, city, province, national. */
    public static List<String> levelsAtOrAbove(String level) {
        int from = HONOUR_LEVELS.indexOf(level);
        return from < 0 ? List.of() : HONOUR_LEVELS.subList(from, HONOUR_LEVELS.size());
    }
}

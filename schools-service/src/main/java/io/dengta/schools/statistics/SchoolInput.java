package io.dengta.schools.statistics;

import java.math.BigDecimal;
import java.util.List;

/**
 * What the statistics of one school for one school year are computed from: the school's facts for the year and
 * its teachers on the reference date. {@link StatisticsQueries} reads it for many schools at once;
 * {@link StatisticsCalculator} turns it into numerators and denominators.
 *
 * @param stages the school's stages (学段)
 * @param enrolment pupils and classes per stage, summed over the stage's grades
 * @param classSizes class-size counts of the whole school, null when the school did not report them
 * @param floorArea teaching plus support floor area (教学及辅助用房), m²
 * @param sportsArea sports grounds and halls, m²
 * @param equipmentValue teaching equipment, CNY
 * @param teachers the teachers who teach or are employed here (see {@link Teacher}); identical teachers may be
 *        one entry with a count
 * @param seatsAdded seats of the school's construction projects that entered use in the school year
 */
public record SchoolInput(String schoolCode, List<String> stages, List<Enrolment> enrolment, ClassSizes classSizes,
        BigDecimal floorArea, BigDecimal sportsArea, BigDecimal equipmentValue, int multimediaClassrooms,
        List<Teacher> teachers, int seatsAdded) {

    /** Pupils (在校生) and classes (班级) of one stage. */
    public record Enrolment(String stage, int pupils, int classes) {
    }

    /** Classes with more than 45, 50, 55 (大班额, 56+) and 65 (超大班额, 66+) pupils, over the whole school. */
    public record ClassSizes(int over45, int over50, int over55, int over65) {
    }

    /**
     * A teacher as the statistics see them (or {@code count} identical ones). A teacher who both teaches and is
     * employed here may come as two entries: one teaching (FTE, counted), one employed (rotation).
     *
     * @param certificateStage stage of the teaching certificate (may be null); places the teacher in a stage of a
     *        school with several stages
     * @param degree highest degree: secondary, associate, bachelor, master, doctorate
     * @param keyTeacher holds a key-teacher honour at district level or above in force on the reference date
     * @param mainSubject the first of the teacher's subjects
     * @param employment established (编制内) or contract
     * @param fte full-time equivalent of the teacher's assignments here that are active on the reference date
     * @param countedHere this is the teacher's main school on the reference date (the school of the largest
     *        active assignment; ties: the earlier start, then the lower school code), where head counts count them
     * @param employedHere this is the teacher's employing school (编制所在学校), where rotations count them
     * @param rotated the teacher started a rotation (交流轮岗) assignment in the school year
     */
    public record Teacher(String certificateStage, String degree, boolean keyTeacher, String mainSubject,
            String employment, boolean dualQualified, BigDecimal fte, boolean countedHere, boolean employedHere,
            boolean rotated, int count) {
    }
}

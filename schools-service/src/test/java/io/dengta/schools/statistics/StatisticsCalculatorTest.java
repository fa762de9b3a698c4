package io.dengta.schools.statistics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.dengta.schools.statistics.SchoolInput.ClassSizes;
import io.dengta.schools.statistics.SchoolInput.Enrolment;
import io.dengta.schools.statistics.SchoolInput.Teacher;

/** Hand-computed fixtures: the arithmetic of each expected value is in the comment next to it. */
class StatisticsCalculatorTest {

    // ---- fixtures -------------------------------------------------------------------------------------------------

    /** A teacher who teaches only here (main school) and is employed here, not rotated. */
    private static Teacher teacher(String degree, String subject, String employment, String fte) {
        return new Teacher(null, degree, false, subject, employment, false, new BigDecimal(fte), true, true, false, 1);
    }

    /**
     * Primary school P: 540 pupils in 12 classes; class sizes over 45/50/55/65 = 3/1/1/0; floor 5500.5 m², sports
     * 6800 m², equipment 1,250,000 CNY, 12 multimedia classrooms; 540 seats added.
     */
    private static SchoolInput primarySchool() {
        List<Teacher> teachers = new ArrayList<>();
        // T1: bachelor, key teacher, math, established, 1 FTE
        teachers.add(new Teacher(null, "bachelor", true, "math", "established", false, BigDecimal.ONE, true, true, false, 1));
        // T2: associate, PE
        teachers.add(teacher("associate", "pe", "established", "1"));
        // T3: secondary, music, contract (not eligible for rotation)
        teachers.add(teacher("secondary", "music", "contract", "1"));
        // T4: master, key teacher, 0.5 FTE here, started a rotation this year
        teachers.add(new Teacher(null, "master", true, "chinese", "established", false, new BigDecimal("0.5"), true, true,
                true, 1));
        // T5: bachelor, 0.5 FTE here but main school elsewhere and employed elsewhere: FTE only
        teachers.add(new Teacher(null, "bachelor", false, "math", "established", false, new BigDecimal("0.5"), false,
                false, false, 1));
        // T6: employed here, rotated out (no active assignment here): rotation only
        teachers.add(new Teacher(null, "associate", false, "chinese", "established", false, BigDecimal.ZERO, false, true,
                true, 1));
        // 24 alike: bachelor, chinese, established, 1 FTE each
        teachers.add(new Teacher(null, "bachelor", false, "chinese", "established", false, new BigDecimal("24"), true,
                true, false, 24));
        return new SchoolInput("5401020001", List.of("primary"), List.of(new Enrolment("primary", 540, 12)),
                new ClassSizes(3, 1, 1, 0), new BigDecimal("5500.5"), new BigDecimal("6800"), new BigDecimal("1250000"), 12,
                teachers, 540);
    }

    /**
     * 九年一贯制 school PJ: primary 600 pupils / 12 classes, junior 400 pupils / 8 classes (1000 / 20); class sizes
     * over 45/50/55/65 = 5/4/2/1; floor 10000 m², sports 8000 m², equipment 3,000,000 CNY, 20 multimedia classrooms.
     */
    private static SchoolInput nineYearSchool() {
        List<Teacher> teachers = List.of(
                // A: primary certificate, associate → primary, above (primary needs associate or higher)
                new Teacher("primary", "associate", false, "chinese", "established", false, BigDecimal.ONE, true, true,
                        false, 1),
                // B: junior certificate, associate → junior, not above (junior needs bachelor or higher)
                new Teacher("junior", "associate", false, "math", "established", false, BigDecimal.ONE, true, true, false, 1),
                // C: junior certificate, bachelor, key teacher → junior, above
                new Teacher("junior", "bachelor", true, "physics", "established", false, BigDecimal.ONE, true, true, false,
                        1),
                // D: senior certificate (not offered here) → the stage with most pupils, primary; master, fine art
                new Teacher("senior", "master", false, "fine-art", "established", false, BigDecimal.ONE, true, true, false,
                        1),
                // E: no certificate → primary; bachelor, 0.5 FTE
                new Teacher(null, "bachelor", false, "english", "contract", false, new BigDecimal("0.5"), true, true, false,
                        1));
        return new SchoolInput("5401020002", List.of("primary", "junior"),
                List.of(new Enrolment("primary", 600, 12), new Enrolment("junior", 400, 8)), new ClassSizes(5, 4, 2, 1),
                new BigDecimal("10000"), new BigDecimal("8000"), new BigDecimal("3000000"), 20, teachers, 0);
    }

    private static StatisticView find(List<StatisticView> views, String statistic, String stage) {
        Optional<StatisticView> found = views.stream()
                .filter(v -> v.statistic().equals(statistic) && java.util.Objects.equals(v.stage(), stage)).findFirst();
        assertTrue(found.isPresent(), () -> statistic + " / " + stage + " missing from " + views);
        return found.get();
    }

    private static void assertStatistic(List<StatisticView> views, String statistic, String stage, String numerator,
            String denominator, String value) {
        StatisticView v = find(views, statistic, stage);
        assertEquals(0, new BigDecimal(numerator).compareTo(v.numerator()), statistic + " numerator: " + v);
        if (denominator == null) {
            assertNull(v.denominator(), statistic + " denominator: " + v);
        } else {
            assertEquals(0, new BigDecimal(denominator).compareTo(v.denominator()), statistic + " denominator: " + v);
        }
        if (value == null) {
            assertNull(v.value(), statistic + " value: " + v);
        } else {
            assertEquals(0, new BigDecimal(value).compareTo(v.value()), statistic + " value: " + v);
        }
    }

    private static List<StatisticView> statisticsOf(SchoolInput... schools) {
        Tally region = new Tally();
        for (SchoolInput school : schools) {
            region.add(StatisticsCalculator.tally(school));
        }
        return StatisticsCalculator.statistics(region, null);
    }

    // ---- one school of one stage --------------------------------------------------------------------------------

    @Test
    void pupilTeacherRatioDividesPupilsByTheFteOfActiveAssignments() {
        List<StatisticView> s = statisticsOf(primarySchool());
        // FTE: T1 1 + T2 1 + T3 1 + T4 0.5 + T5 0.5 + T6 0 + 24 = 28; 540 / 28 = 19.2857 → 19.29
        assertStatistic(s, "pupil-teacher-ratio", null, "540", "28", "19.29");
        assertStatistic(s, "pupil-teacher-ratio", "primary", "540", "28", "19.29");
        assertEquals("ce.pupil_teacher_ratio", find(s, "pupil-teacher-ratio", "primary").indicator());
        assertEquals("ratio", find(s, "pupil-teacher-ratio", null).unit());
    }

    @Test
    void teacherHeadCountsCountTeachersAtTheirMainSchoolOnly() {
        List<StatisticView> s = statisticsOf(primarySchool());
        // counted here: T1, T2, T3, T4 and the 24 (not T5, main school elsewhere; not T6, rotated out) = 28
        // above the primary requirement (associate or higher): T1, T2, T4, 24 = 27 (T3 has secondary)
        // 27 / 540 × 100 = 5.00
        assertStatistic(s, "teachers-above-degree-per100", "primary", "27", "540", "5");
        assertEquals("qb.teachers_above_degree_per100", find(s, "teachers-above-degree-per100", "primary").indicator());
        // 27 / 28 × 100 = 96.428… → 96.43
        assertStatistic(s, "higher-degree-share", "primary", "27", "28", "96.43");
        assertEquals("tq.higher_degree_share", find(s, "higher-degree-share", "primary").indicator());
        // key teachers T1, T4: 2 / 540 × 100 = 0.3704 → 0.37
        assertStatistic(s, "key-teachers-per100", "primary", "2", "540", "0.37");
        // PE and art (main subject pe, music, fine-art, arts): T2 (pe), T3 (music): 2 / 540 × 100 → 0.37
        assertStatistic(s, "pe-art-teachers-per100", "primary", "2", "540", "0.37");
    }

    @Test
    void resourcesArePerPupilAndMultimediaClassroomsPerHundredPupils() {
        List<StatisticView> s = statisticsOf(primarySchool());
        // 5500.5 / 540 = 10.1861 → 10.19 m²
        assertStatistic(s, "teaching-floor-area-per-pupil", "primary", "5500.5", "540", "10.19");
        // 6800 / 540 = 12.5926 → 12.59 m²
        assertStatistic(s, "sports-area-per-pupil", "primary", "6800", "540", "12.59");
        // 1,250,000 / 540 = 2314.8148 → 2314.81 CNY
        assertStatistic(s, "equipment-value-per-pupil", "primary", "1250000", "540", "2314.81");
        assertEquals("CNY", find(s, "equipment-value-per-pupil", "primary").unit());
        // 12 / 540 × 100 = 2.2222 → 2.22
        assertStatistic(s, "multimedia-classrooms-per100", "primary", "12", "540", "2.22");
    }

    @Test
    void classSharesComeFromTheClassSizeCounts() {
        List<StatisticView> s = statisticsOf(primarySchool());
        // 大班额: over 55 = 1 of 12 classes: 8.333… → 8.33 %
        assertStatistic(s, "large-class-share", "primary", "1", "12", "8.33");
        // 超大班额: over 65 = 0 of 12
        assertStatistic(s, "very-large-class-share", "primary", "0", "12", "0");
        // compliance, primary limit 45: 12 − over 45 (3) = 9 of 12 = 75 %
        assertStatistic(s, "class-size-compliance", "primary", "9", "12", "75");
    }

    @Test
    void rotationCountsEstablishedTeachersAtTheirEmployingSchool() {
        List<StatisticView> s = statisticsOf(primarySchool());
        // eligible: employed here and established: T1, T2, T4, T6 and the 24 = 28 (T3 contract, T5 employed elsewhere)
        // rotated this year: T4, T6 = 2 → 2 / 28 × 100 = 7.1429 → 7.14 %
        assertStatistic(s, "rotation-rate", "primary", "2", "28", "7.14");
        // key teachers among the rotated: T4 → 1 / 2 = 50 %
        assertStatistic(s, "key-teacher-share-of-rotation", "primary", "1", "2", "50");
        assertEquals("qb.teacher_rotation_rate", find(s, "rotation-rate", "primary").indicator());
    }

    @Test
    void seatsAddedIsACountWithoutDenominator() {
        List<StatisticView> s = statisticsOf(primarySchool());
        assertStatistic(s, "seats-added", null, "540", null, "540");
        assertEquals("cap.seats_added", find(s, "seats-added", null).indicator());
    }

    @Test
    void pupilsAreACountPerStageForASchoolAndSummedForARegion() {
        // the nine-year school: 600 primary, 400 junior; with the primary school: 540 + 600 = 1140 primary
        List<StatisticView> school = statisticsOf(nineYearSchool());
        assertStatistic(school, "pupils", "primary", "600", null, "600");
        assertStatistic(school, "pupils", "junior", "400", null, "400");
        assertEquals("ce.pupils", find(school, "pupils", "junior").indicator());
        List<StatisticView> region = statisticsOf(primarySchool(), nineYearSchool());
        assertStatistic(region, "pupils", "primary", "1140", null, "1140");
        assertStatistic(region, "pupils", "junior", "400", null, "400");
        assertTrue(region.stream().noneMatch(v -> v.statistic().equals("pupils") && v.stage() == null),
                "stages are not added up into one count");
    }

    // ---- a school of two stages ---------------------------------------------------------------------------------

    @Test
    void teachersOfASchoolWithTwoStagesCountInTheirCertificateStageElseTheLargestStage() {
        List<StatisticView> s = statisticsOf(nineYearSchool());
        // primary: A (1) + D (1, senior certificate → primary, 600 > 400 pupils) + E (0.5, none → primary) = 2.5 FTE
        // 600 / 2.5 = 240; junior: B + C = 2 FTE, 400 / 2 = 200; whole school 1000 / 4.5 = 222.22
        assertStatistic(s, "pupil-teacher-ratio", "primary", "600", "2.5", "240");
        assertStatistic(s, "pupil-teacher-ratio", "junior", "400", "2", "200");
        assertStatistic(s, "pupil-teacher-ratio", null, "1000", "4.5", "222.22");
        // above: primary A (associate), D (master), E (bachelor) = 3 → 3 / 600 × 100 = 0.5
        // junior: C (bachelor) only, B's associate is not above junior's requirement → 1 / 400 × 100 = 0.25
        assertStatistic(s, "teachers-above-degree-per100", "primary", "3", "600", "0.5");
        assertStatistic(s, "teachers-above-degree-per100", "junior", "1", "400", "0.25");
        assertStatistic(s, "higher-degree-share", "primary", "3", "3", "100");
        assertStatistic(s, "higher-degree-share", "junior", "1", "2", "50");
        // D teaches fine art in primary: 1 / 600 × 100 = 0.1667 → 0.17; key teacher C in junior: 1 / 400 × 100 = 0.25
        assertStatistic(s, "pe-art-teachers-per100", "primary", "1", "600", "0.17");
        assertStatistic(s, "key-teachers-per100", "junior", "1", "400", "0.25");
    }

    @Test
    void resourcesOfASchoolWithTwoStagesAreSharedByPupils() {
        List<StatisticView> s = statisticsOf(nineYearSchool());
        // floor 10000 × 600/1000 = 6000 for primary, 4000 for junior: 10 m² per pupil in both
        assertStatistic(s, "teaching-floor-area-per-pupil", "primary", "6000", "600", "10");
        assertStatistic(s, "teaching-floor-area-per-pupil", "junior", "4000", "400", "10");
        // multimedia 20 × 400/1000 = 8 for junior: 8 / 400 × 100 = 2
        assertStatistic(s, "multimedia-classrooms-per100", "junior", "8", "400", "2");
    }

    @Test
    void classSizeCountsOfASchoolWithTwoStagesAreSharedByClasses() {
        List<StatisticView> s = statisticsOf(nineYearSchool());
        // primary has 12 of the 20 classes: over 45 → 5 × 12/20 = 3; compliance (12 − 3) / 12 = 75 %
        assertStatistic(s, "class-size-compliance", "primary", "9", "12", "75");
        // junior has 8 of 20: over 50 → 4 × 8/20 = 1.6; compliance (8 − 1.6) / 8 = 80 %
        assertStatistic(s, "class-size-compliance", "junior", "6.4", "8", "80");
        // over 55: 2 × 12/20 = 1.2 of 12 = 10 %; over 65: 1 × 8/20 = 0.4 of 8 = 5 %
        assertStatistic(s, "large-class-share", "primary", "1.2", "12", "10");
        assertStatistic(s, "very-large-class-share", "junior", "0.4", "8", "5");
    }

    // ---- a region ------------------------------------------------------------------------------------------------

    @Test
    void regionValuesAreRatiosOfSumsNotAveragesOfRatios() {
        List<StatisticView> s = statisticsOf(primarySchool(), nineYearSchool());
        // primary pupils 540 + 600 = 1140, FTE 28 + 2.5 = 30.5: 1140 / 30.5 = 37.377 → 37.38
        assertStatistic(s, "pupil-teacher-ratio", "primary", "1140", "30.5", "37.38");
        // all stages: 1540 / 32.5 = 47.3846 → 47.38
        assertStatistic(s, "pupil-teacher-ratio", null, "1540", "32.5", "47.38");
        // (27 + 3) / 1140 × 100 = 2.6316 → 2.63 (the average of the schools' 5 and 0.5 would be 2.75)
        assertStatistic(s, "teachers-above-degree-per100", "primary", "30", "1140", "2.63");
        // (5500.5 + 6000) / 1140 = 10.0882 → 10.09
        assertStatistic(s, "teaching-floor-area-per-pupil", "primary", "11500.5", "1140", "10.09");
        // (9 + 9) / (12 + 12) = 75 %; (1 + 1.2) / 24 = 9.1667 → 9.17 %
        assertStatistic(s, "class-size-compliance", "primary", "18", "24", "75");
        assertStatistic(s, "large-class-share", "primary", "2.2", "24", "9.17");
        // junior comes only from the nine-year school
        assertStatistic(s, "class-size-compliance", "junior", "6.4", "8", "80");
        // seats: 540 + 0
        assertStatistic(s, "seats-added", null, "540", null, "540");
    }

    @Test
    void stageFilterKeepsOnlyThatStagesStatistics() {
        Tally tally = StatisticsCalculator.tally(nineYearSchool());
        List<StatisticView> junior = StatisticsCalculator.statistics(tally, "junior");
        assertFalse(junior.isEmpty());
        assertTrue(junior.stream().allMatch(v -> "junior".equals(v.stage())), junior::toString);
        assertTrue(StatisticsCalculator.statistics(tally, "senior").isEmpty(), "the school offers no senior stage");
    }

    @Test
    void statisticsAreShownOnlyForStagesTheSchoolsOffer() {
        List<StatisticView> s = statisticsOf(primarySchool());
        assertTrue(s.stream().noneMatch(v -> "junior".equals(v.stage())), s::toString);
        assertTrue(s.stream().noneMatch(v -> "dual-qualified-share".equals(v.statistic())), s::toString);
    }

    // ---- the degree rule per stage ------------------------------------------------------------------------------

    @ParameterizedTest(name = "{0} with {1}: above the requirement = {2}")
    @CsvSource({
            "kindergarten, secondary, false", "kindergarten, associate, true", "kindergarten, bachelor, true",
            "primary, secondary, false", "primary, associate, true", "primary, doctorate, true",
            "junior, associate, false", "junior, bachelor, true", "junior, master, true",
            "senior, bachelor, false", "senior, master, true", "senior, doctorate, true",
            "vocational, doctorate, false", "special, doctorate, false" })
    void aboveRequiredDegreeFollowsEachStagesRule(String stage, String degree, boolean above) {
        assertEquals(above, StatisticsCalculator.aboveRequiredDegree(stage, degree));
    }

    @Test
    void kindergartenCountsAssociateOrHigherAndHasNoPerHundredIndicator() {
        // 90 pupils in 3 classes; teachers: associate, secondary, bachelor → above: 2 of 3
        SchoolInput k = new SchoolInput("5401020003", List.of("kindergarten"), List.of(new Enrolment("kindergarten", 90, 3)),
                null, new BigDecimal("900"), new BigDecimal("600"), new BigDecimal("90000"), 3, List.of(
                        teacher("associate", "preschool", "established", "1"),
                        teacher("secondary", "preschool", "established", "1"),
                        teacher("bachelor", "preschool", "contract", "1")), 0);
        List<StatisticView> s = statisticsOf(k);
        // 2 / 3 × 100 = 66.666… → 66.67 % (tq.higher_degree_share, seed 002 target 45 %)
        assertStatistic(s, "higher-degree-share", "kindergarten", "2", "3", "66.67");
        assertEquals("tq.higher_degree_share", find(s, "higher-degree-share", "kindergarten").indicator());
        // 2 / 90 × 100 = 2.222… → 2.22 per 100 pupils, a statistic the catalog has no code for
        assertStatistic(s, "teachers-above-degree-per100", "kindergarten", "2", "90", "2.22");
        assertNull(find(s, "teachers-above-degree-per100", "kindergarten").indicator());
        // 90 / 3 FTE = 30
        assertStatistic(s, "pupil-teacher-ratio", "kindergarten", "90", "3", "30");
    }

    @Test
    void seniorCountsMastersOrHigherAsThePostgraduateShare() {
        // 800 pupils; teachers: 3 bachelors, 1 master, 1 doctorate → postgraduate 2 of 5
        SchoolInput s = new SchoolInput("5401020004", List.of("senior"), List.of(new Enrolment("senior", 800, 16)), null,
                new BigDecimal("8000"), new BigDecimal("9000"), new BigDecimal("4000000"), 16, List.of(
                        new Teacher(null, "bachelor", false, "chinese", "established", false, new BigDecimal("3"), true, true,
                                false, 3),
                        teacher("master", "physics", "established", "1"),
                        teacher("doctorate", "chemistry", "established", "1")), 0);
        List<StatisticView> views = statisticsOf(s);
        // 2 / 5 × 100 = 40 %, published as tq.senior_postgrad_share
        assertStatistic(views, "higher-degree-share", "senior", "2", "5", "40");
        assertEquals("tq.senior_postgrad_share", find(views, "higher-degree-share", "senior").indicator());
        assertEquals("普通高中研究生学历教师比例", find(views, "higher-degree-share", "senior").name());
        // 2 / 800 × 100 = 0.25 per 100 pupils, no catalog code
        assertStatistic(views, "teachers-above-degree-per100", "senior", "2", "800", "0.25");
        assertNull(find(views, "teachers-above-degree-per100", "senior").indicator());
        // the compulsory-education statistics are not computed for a senior school
        assertTrue(views.stream().noneMatch(v -> "key-teachers-per100".equals(v.statistic())));
    }

    // ---- vocational ---------------------------------------------------------------------------------------------

    @Test
    void dualQualifiedShareIsAmongSpecialistTeachers() {
        List<Teacher> teachers = new ArrayList<>();
        // 4 specialists (main subject vocational-specialty), 3 of them dual-qualified
        teachers.add(new Teacher(null, "bachelor", false, "vocational-specialty", "established", true, new BigDecimal("3"),
                true, true, false, 3));
        teachers.add(teacher("bachelor", "vocational-specialty", "established", "1"));
        // 2 general-subject teachers are not specialists: left out of numerator and denominator
        teachers.add(new Teacher(null, "bachelor", false, "chinese", "established", false, new BigDecimal("2"), true, true,
                false, 2));
        SchoolInput v = new SchoolInput("5401030001", List.of("vocational"), List.of(new Enrolment("vocational", 300, 6)),
                null, new BigDecimal("5000"), new BigDecimal("4000"), new BigDecimal("6000000"), 10, teachers, 0);
        List<StatisticView> s = statisticsOf(v);
        // 3 / 4 × 100 = 75 % (seed 002 target 80 %)
        assertStatistic(s, "dual-qualified-share", "vocational", "3", "4", "75");
        assertEquals("tq.dual_qualified_share", find(s, "dual-qualified-share", "vocational").indicator());
        // 300 / 6 FTE = 50
        assertStatistic(s, "pupil-teacher-ratio", "vocational", "300", "6", "50");
    }

    // ---- no data --------------------------------------------------------------------------------------------------

    @Test
    void withoutClassSizesOrTeachersTheValuesAreNullNotZero() {
        SchoolInput bare = new SchoolInput("5401020005", List.of("primary"), List.of(new Enrolment("primary", 100, 4)), null,
                BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, 0, List.of(), 0);
        List<StatisticView> s = statisticsOf(bare);
        assertStatistic(s, "pupil-teacher-ratio", "primary", "100", "0", null);
        assertStatistic(s, "class-size-compliance", "primary", "0", "0", null);
        assertStatistic(s, "higher-degree-share", "primary", "0", "0", null);
        assertStatistic(s, "teaching-floor-area-per-pupil", "primary", "0", "100", "0");
    }

    @Test
    void stageOfATeacherFollowsTheSchoolsStages() {
        Map<String, Integer> pupils = Map.of("junior", 300, "senior", 300);
        assertEquals("primary", StatisticsCalculator.stageOf(List.of("primary"), "junior", pupils));
        assertEquals("senior", StatisticsCalculator.stageOf(List.of("junior", "senior"), "senior", pupils));
        // equal pupils: the earlier stage
        assertEquals("junior", StatisticsCalculator.stageOf(List.of("junior", "senior"), null, pupils));
        assertEquals("senior", StatisticsCalculator.stageOf(List.of("junior", "senior"), "primary",
                Map.of("junior", 100, "senior", 300)));
    }

    @Test
    void everyStatisticOfTheDomainTableHasAVariantAndCatalogCodesExist() {
        for (StatisticKind kind : StatisticKind.values()) {
            assertFalse(kind.variants.isEmpty(), kind.code);
            kind.variants.stream().filter(v -> v.indicator() != null)
                    .forEach(v -> assertEquals(v.indicator(), IndicatorCatalog.get(v.indicator()).code()));
        }
    }
}

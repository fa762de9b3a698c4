package io.dengta.schools.statistics;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.dengta.schools.school.Stage;
import io.dengta.schools.teacher.TeacherCodes;

/**
 * The formulas of the registry statistics (domain.md, "Registry statistics"), without a database: a school's
 * {@link SchoolInput} becomes a {@link Tally} of numerators and denominators; tallies of schools add up to a region's;
 * a tally becomes the list of statistics.
 * <p>
 * Rules, in the bureau's terms:
 * <ul>
 * <li><b>Teachers</b> count by head at their main school on the reference date (the school of their largest active
 * assignment); the pupil-teacher ratio uses the FTE of every active assignment at the school instead.</li>
 * <li><b>Stage of a teacher</b> in a school with several stages (九年一贯制, 完全中学): the stage of their teaching
 * certificate if the school offers it, else the school's stage with the most pupils (see {@link #stageOf}).</li>
 * <li><b>Above the required degree</b> (高于规定学历), as domain.md says: kindergarten associate or higher, primary
 * associate or higher, junior bachelor or higher, senior master or higher (the postgraduate share); vocational and
 * special schools have no such rule here (see {@link #aboveRequiredDegree}).</li>
 * <li><b>Key teachers</b> (县级以上骨干教师) hold, on the reference date, a 骨干教师 honour or one of its higher tiers
 * (学科带头人, 名师, 特级教师) at district level or above ({@link #KEY_HONOUR_KINDS}, {@link #KEY_HONOUR_LEVELS});
 * 名校长 is a principal's honour and does not count.</li>
 * <li><b>PE and art teachers</b>: main subject (the first subject) pe, music, fine-art or arts (the integrated arts
 * course, 艺术).</li>
 * <li><b>School resources</b> (floor and sports area, equipment, multimedia classrooms) and <b>class-size counts</b>
 * are reported for the whole school: a school with several stages shares them among its stages in proportion to
 * the stages' pupils (resources) or classes (class-size counts), so its per-pupil value is the same for each stage
 * and a region's sums stay whole.</li>
 * <li><b>Class-size compliance</b> (班额达标): classes of at most 45 pupils (primary) or 50 (junior), i.e. classes minus
 * the classes over 45 (over 50). Exact for a school of one stage; for a school of several stages the school's
 * counts are shared by classes (above), an approximation because the facts do not say which stage the large
 * classes are in. Schools that did not report class sizes are left out of the class-size statistics (numerator and
 * denominator).</li>
 * <li><b>Dual-qualified share</b> (双师型): among specialist teachers (专业课教师: main subject vocational-specialty)
 * of the vocational stage, those flagged dual-qualified.</li>
 * <li><b>Rotation</b> (交流轮岗) counts at the teacher's employing school (编制所在学校, which a rotation does not
 * change): eligible are its established (编制内) teachers, rotated those of them who started a rotation assignment
 * in the school year; the key-teacher share is of the rotated ones. The policy's six years at one school is not
 * checked: the registry does not hold full service histories.</li>
 * <li><b>Pupils</b> (在校学生数, published as ce.pupils): the enrolment of each stage on the reference date, a
 * school's and, summed, a region's; per stage only.</li>
 * </ul>
 * Apportioned numerators keep 16 significant digits; responses round numerators and denominators to 4 decimals and
 * values to 2 (half up).
 */
final class StatisticsCalculator {

    static final MathContext PRECISION = MathContext.DECIMAL64;
    static final int VALUE_DECIMALS = 2;
    static final int FRACTION_DECIMALS = 4;

    /** The lowest degree that is above each stage's required degree (教师法 requirement one level lower). */
    static final Map<String, String> LOWEST_DEGREE_ABOVE_REQUIRED = Map.of(
            Stage.KINDERGARTEN, "associate",
            Stage.PRIMARY, "associate",
            Stage.JUNIOR, "bachelor",
            Stage.SENIOR, "master");

    /** 骨干教师 and its higher tiers; the levels at district (县级) or above. */
    static final List<String> KEY_HONOUR_KINDS = List.of("key-teacher", "subject-leader", "famous-teacher",
            "special-grade");
    static final List<String> KEY_HONOUR_LEVELS = TeacherCodes.levelsAtOrAbove("district");

    static final Set<String> PE_ART_SUBJECTS = Set.of("pe", "music", "fine-art", "arts");
    static final String SPECIALIST_SUBJECT = "vocational-specialty";
    static final String ROTATION_ELIGIBLE_EMPLOYMENT = "established";

    private StatisticsCalculator() {
    }

    /** Whether {@code degree} is above what {@code stage} requires; false for stages without a rule. */
    static boolean aboveRequiredDegree(String stage, String degree) {
        String lowest = stage == null ? null : LOWEST_DEGREE_ABOVE_REQUIRED.get(stage);
        int rank = TeacherCodes.DEGREES.indexOf(degree);
        return lowest != null && rank >= 0 && rank >= TeacherCodes.DEGREES.indexOf(lowest);
    }

    /**
     * The stage a teacher counts in at a school: the school's only stage; else the certificate's stage if the school
     * offers it; else the school's stage with the most pupils (ties: the earlier stage).
     */
    static String stageOf(List<String> schoolStages, String certificateStage, Map<String, Integer> pupilsByStage) {
        if (schoolStages.size() == 1) {
            return schoolStages.get(0);
        }
        if (certificateStage != null && schoolStages.contains(certificateStage)) {
            return certificateStage;
        }
        return schoolStages.stream()
                .min(Comparator.<String>comparingInt(s -> -pupilsByStage.getOrDefault(s, 0))
                        .thenComparingInt(Stage.ALL::indexOf))
                .orElseThrow();
    }

    /** Head counts and FTE of the teachers of one stage of a school. */
    private static final class TeacherCounts {
        BigDecimal fte = BigDecimal.ZERO;
        long headcount;
        long aboveDegree;
        long key;
        long peArt;
        long specialists;
        long dualQualifiedSpecialists;
        long rotationEligible;
        long rotated;
        long rotatedKey;
    }

    /** One school's numerators and denominators. */
    static Tally tally(SchoolInput school) {
        Tally tally = new Tally();
        tally.addSchool(school.stages());

        Map<String, Integer> pupils = new LinkedHashMap<>();
        Map<String, Integer> classes = new LinkedHashMap<>();
        for (SchoolInput.Enrolment e : school.enrolment()) {
            pupils.merge(e.stage(), e.pupils(), Integer::sum);
            classes.merge(e.stage(), e.classes(), Integer::sum);
        }
        long pupilsTotal = pupils.values().stream().mapToLong(Integer::longValue).sum();
        long classesTotal = classes.values().stream().mapToLong(Integer::longValue).sum();

        Map<String, TeacherCounts> teachers = new LinkedHashMap<>();
        BigDecimal fteTotal = BigDecimal.ZERO;
        for (SchoolInput.Teacher t : school.teachers()) {
            String stage = stageOf(school.stages(), t.certificateStage(), pupils);
            TeacherCounts c = teachers.computeIfAbsent(stage, s -> new TeacherCounts());
            c.fte = c.fte.add(t.fte());
            fteTotal = fteTotal.add(t.fte());
            long n = t.count();
            if (t.countedHere()) {
                c.headcount += n;
                c.aboveDegree += aboveRequiredDegree(stage, t.degree()) ? n : 0;
                c.key += t.keyTeacher() ? n : 0;
                c.peArt += PE_ART_SUBJECTS.contains(t.mainSubject()) ? n : 0;
                if (SPECIALIST_SUBJECT.equals(t.mainSubject())) {
                    c.specialists += n;
                    c.dualQualifiedSpecialists += t.dualQualified() ? n : 0;
                }
            }
            if (t.employedHere() && ROTATION_ELIGIBLE_EMPLOYMENT.equals(t.employment())) {
                c.rotationEligible += n;
                if (t.rotated()) {
                    c.rotated += n;
                    c.rotatedKey += t.keyTeacher() ? n : 0;
                }
            }
        }

        tally.add(StatisticKind.PUPIL_TEACHER_RATIO, null, BigDecimal.valueOf(pupilsTotal), fteTotal);
        Set<String> stages = new LinkedHashSet<>(school.stages());
        stages.addAll(pupils.keySet());
        for (String stage : stages) {
            long p = pupils.getOrDefault(stage, 0);
            long k = classes.getOrDefault(stage, 0);
            TeacherCounts c = teachers.getOrDefault(stage, new TeacherCounts());
            BigDecimal stagePupils = BigDecimal.valueOf(p);

            tally.add(StatisticKind.PUPILS, stage, stagePupils, BigDecimal.ZERO);
            tally.add(StatisticKind.PUPIL_TEACHER_RATIO, stage, stagePupils, c.fte);
            tally.add(StatisticKind.TEACHERS_ABOVE_DEGREE_PER100, stage, c.aboveDegree, p);
            tally.add(StatisticKind.KEY_TEACHERS_PER100, stage, c.key, p);
            tally.add(StatisticKind.PE_ART_TEACHERS_PER100, stage, c.peArt, p);

            tally.add(StatisticKind.TEACHING_FLOOR_AREA_PER_PUPIL, stage, share(school.floorArea(), p, pupilsTotal), stagePupils);
            tally.add(StatisticKind.SPORTS_AREA_PER_PUPIL, stage, share(school.sportsArea(), p, pupilsTotal), stagePupils);
            tally.add(StatisticKind.EQUIPMENT_VALUE_PER_PUPIL, stage, share(school.equipmentValue(), p, pupilsTotal),
                    stagePupils);
            tally.add(StatisticKind.MULTIMEDIA_CLASSROOMS_PER100, stage,
                    share(BigDecimal.valueOf(school.multimediaClassrooms()), p, pupilsTotal), stagePupils);

            SchoolInput.ClassSizes sizes = school.classSizes();
            if (sizes != null) {
                BigDecimal stageClasses = BigDecimal.valueOf(k);
                tally.add(StatisticKind.LARGE_CLASS_SHARE, stage, share(sizes.over55(), k, classesTotal), stageClasses);
                tally.add(StatisticKind.VERY_LARGE_CLASS_SHARE, stage, share(sizes.over65(), k, classesTotal), stageClasses);
                Integer overLimit = Stage.PRIMARY.equals(stage) ? Integer.valueOf(sizes.over45())
                        : Stage.JUNIOR.equals(stage) ? Integer.valueOf(sizes.over50()) : null;
                if (overLimit != null) {
                    tally.add(StatisticKind.CLASS_SIZE_COMPLIANCE, stage,
                            stageClasses.subtract(share(overLimit, k, classesTotal)), stageClasses);
                }
            }

            tally.add(StatisticKind.HIGHER_DEGREE_SHARE, stage, c.aboveDegree, c.headcount);
            tally.add(StatisticKind.DUAL_QUALIFIED_SHARE, stage, c.dualQualifiedSpecialists, c.specialists);
            tally.add(StatisticKind.ROTATION_RATE, stage, c.rotated, c.rotationEligible);
            tally.add(StatisticKind.KEY_TEACHER_SHARE_OF_ROTATION, stage, c.rotatedKey, c.rotated);
        }
        tally.setCount(StatisticKind.SEATS_ADDED, null, BigDecimal.valueOf(school.seatsAdded()));
        return tally;
    }

    /** {@code amount × part ÷ whole}: the part of a whole-school amount that falls to a stage. */
    private static BigDecimal share(BigDecimal amount, long part, long whole) {
        if (amount == null || whole == 0 || part == 0) {
            return BigDecimal.ZERO;
        }
        if (part == whole) {
            return amount;
        }
        return amount.multiply(BigDecimal.valueOf(part)).divide(BigDecimal.valueOf(whole), PRECISION);
    }

    private static BigDecimal share(int amount, long part, long whole) {
        return share(BigDecimal.valueOf(amount), part, whole);
    }

    /**
     * The statistics of a tally: every statistic for each stage the tally's schools offer (and over all stages where
     * the statistic has such a variant); with {@code stage}, only that stage's.
     */
    static List<StatisticView> statistics(Tally tally, String stage) {
        List<StatisticView> views = new ArrayList<>();
        for (StatisticKind kind : StatisticKind.values()) {
            for (StatisticKind.Variant variant : kind.variants) {
                boolean wanted = stage == null ? variant.stage() == null || tally.stages().contains(variant.stage())
                        : stage.equals(variant.stage()) && tally.stages().contains(stage);
                if (wanted) {
                    views.add(view(kind, variant, tally.get(kind, variant.stage())));
                }
            }
        }
        return views;
    }

    private static StatisticView view(StatisticKind kind, StatisticKind.Variant variant, Tally.Fraction f) {
        IndicatorCatalog.Indicator indicator = variant.indicator() == null ? null
                : IndicatorCatalog.get(variant.indicator());
        String name = indicator == null ? kind.name : indicator.name();
        String nameEn = indicator == null ? kind.nameEn : indicator.nameEn();
        String unit = indicator == null ? kind.unit : indicator.unit();
        if (kind.scale == StatisticKind.Scale.COUNT) {
            BigDecimal count = tidy(f.numerator, FRACTION_DECIMALS);
            return new StatisticView(kind.code, variant.indicator(), name, nameEn, variant.stage(), count, null, count,
                    unit);
        }
        BigDecimal value = f.denominator.signum() == 0 ? null
                : tidy(f.numerator.multiply(kind.scale.factor()).divide(f.denominator, VALUE_DECIMALS,
                        RoundingMode.HALF_UP), VALUE_DECIMALS);
        return new StatisticView(kind.code, variant.indicator(), name, nameEn, variant.stage(),
                tidy(f.numerator, FRACTION_DECIMALS), tidy(f.denominator, FRACTION_DECIMALS), value, unit);
    }

    /** Rounded half up to {@code decimals}, without trailing zeros and never in exponent notation. */
    static BigDecimal tidy(BigDecimal x, int decimals) {
        BigDecimal rounded = x.setScale(decimals, RoundingMode.HALF_UP).stripTrailingZeros();
        return rounded.scale() < 0 ? rounded.setScale(0) : rounded;
    }
}

package io.dengta.schools.statistics;

import java.math.BigDecimal;
import java.util.List;

import io.dengta.schools.school.Stage;

/**
 * The registry statistics of domain.md ("Registry statistics"), each with the stages it is computed for and the
 * catalog indicator each stage is published as (null where the catalog has no code). The formulas are in
 * {@link StatisticsCalculator}.
 */
enum StatisticKind {

    PUPIL_TEACHER_RATIO("pupil-teacher-ratio", "生师比", "Pupil-teacher ratio", "ratio", Scale.PLAIN,
            all("ce.pupil_teacher_ratio")),
    // the catalog has the per-100 indicator for primary and junior only; kindergarten (associate or higher) and
    // senior (master or higher) follow the degree rule of domain.md but have no code
    TEACHERS_ABOVE_DEGREE_PER100("teachers-above-degree-per100", "每百名学生拥有高于规定学历教师数",
            "Teachers above the required degree per 100 pupils", "per100", Scale.PER_100,
            List.of(new Variant(Stage.KINDERGARTEN, null), new Variant(Stage.PRIMARY, "qb.teachers_above_degree_per100"),
                    new Variant(Stage.JUNIOR, "qb.teachers_above_degree_per100"), new Variant(Stage.SENIOR, null))),
    KEY_TEACHERS_PER100("key-teachers-per100", "每百名学生拥有县级以上骨干教师数",
            "Key teachers (district level or above) per 100 pupils", "per100", Scale.PER_100,
            compulsory("qb.key_teachers_per100")),
    PE_ART_TEACHERS_PER100("pe-art-teachers-per100", "每百名学生拥有体育、艺术(美术、音乐)专任教师数",
            "PE, music and art teachers per 100 pupils", "per100", Scale.PER_100, compulsory("qb.pe_art_teachers_per100")),
    TEACHING_FLOOR_AREA_PER_PUPIL("teaching-floor-area-per-pupil", "生均教学及辅助用房面积",
            "Teaching and support floor area per pupil", "m2", Scale.PLAIN, compulsory("qb.teaching_floor_area_per_pupil")),
    SPORTS_AREA_PER_PUPIL("sports-area-per-pupil", "生均体育运动场馆面积", "Sports ground and hall area per pupil", "m2",
            Scale.PLAIN, compulsory("qb.sports_area_per_pupil")),
    EQUIPMENT_VALUE_PER_PUPIL("equipment-value-per-pupil", "生均教学仪器设备值", "Teaching equipment value per pupil",
            "CNY", Scale.PLAIN, compulsory("qb.equipment_value_per_pupil")),
    MULTIMEDIA_CLASSROOMS_PER100("multimedia-classrooms-per100", "每百名学生拥有网络多媒体教室数",
            "Networked multimedia classrooms per 100 pupils", "per100", Scale.PER_100,
            compulsory("qb.multimedia_classrooms_per100")),
    LARGE_CLASS_SHARE("large-class-share", "大班额比例", "Share of classes with 56 or more pupils", "%", Scale.PER_100,
            compulsory("ce.large_class_share")),
    VERY_LARGE_CLASS_SHARE("very-large-class-share", "超大班额比例", "Share of classes with 66 or more pupils", "%",
            Scale.PER_100, compulsory("ce.very_large_class_share")),
    CLASS_SIZE_COMPLIANCE("class-size-compliance", "班额达标率",
            "Share of classes within the class-size limit (45 primary, 50 junior)", "%", Scale.PER_100,
            compulsory("qb.class_size_compliance")),
    // seed 002's targets: kindergarten 45%, primary 85%, junior 85%; senior's share is the postgraduate share
    HIGHER_DEGREE_SHARE("higher-degree-share", "具有高一层次学历的教师比例",
            "Share of teachers with a degree above the stage requirement", "%", Scale.PER_100,
            List.of(new Variant(Stage.KINDERGARTEN, "tq.higher_degree_share"),
                    new Variant(Stage.PRIMARY, "tq.higher_degree_share"),
                    new Variant(Stage.JUNIOR, "tq.higher_degree_share"),
                    new Variant(Stage.SENIOR, "tq.senior_postgrad_share"))),
    DUAL_QUALIFIED_SHARE("dual-qualified-share", "双师型教师比例", "Share of dual-qualified specialist teachers", "%",
            Scale.PER_100, List.of(new Variant(Stage.VOCATIONAL, "tq.dual_qualified_share"))),
    ROTATION_RATE("rotation-rate", "交流轮岗教师比例", "Teacher rotation rate", "%", Scale.PER_100,
            compulsory("qb.teacher_rotation_rate")),
    KEY_TEACHER_SHARE_OF_ROTATION("key-teacher-share-of-rotation", "交流轮岗教师中骨干教师比例",
            "Key-teacher share among rotated teachers", "%", Scale.PER_100, compulsory("qb.key_teacher_share_of_rotation")),
    SEATS_ADDED("seats-added", "新增学位", "School places added", "count", Scale.COUNT,
            List.of(new Variant(null, "cap.seats_added"))),
    // the pupils of each stage (a school's and, summed, a region's): indicators-service's balance weights each
    // school by them (Pᵢ), and they are the base of the per-pupil indicators. Per stage only: the catalog's
    // ce.pupils is reported per stage, and stages are not added up into one value there.
    PUPILS("pupils", "在校学生数", "Pupils enrolled", "count", Scale.COUNT, perStage("ce.pupils"));

    /** How a value follows from numerator and denominator. */
    enum Scale {
        /** numerator ÷ denominator */
        PLAIN,
        /** numerator ÷ denominator × 100 (per 100 pupils, or a percentage) */
        PER_100,
        /** the numerator itself (a sum; no denominator) */
        COUNT;

        BigDecimal factor() {
            return this == PER_100 ? BigDecimal.valueOf(100) : BigDecimal.ONE;
        }
    }

    /** One stage of a statistic (null: over all stages) and its catalog code (null: the catalog has none). */
    record Variant(String stage, String indicator) {
    }

    final String code;
    final String name;
    final String nameEn;
    final String unit;
    final Scale scale;
    final List<Variant> variants;

    StatisticKind(String code, String name, String nameEn, String unit, Scale scale, List<Variant> variants) {
        this.code = code;
        this.name = name;
        this.nameEn = nameEn;
        this.unit = unit;
        this.scale = scale;
        this.variants = variants;
    }

    /** Over all stages and per stage, one indicator. */
    private static List<Variant> all(String indicator) {
        List<Variant> variants = new java.util.ArrayList<>();
        variants.add(new Variant(null, indicator));
        Stage.ALL.forEach(stage -> variants.add(new Variant(stage, indicator)));
        return List.copyOf(variants);
    }

    /** Per stage only, one indicator. */
    private static List<Variant> perStage(String indicator) {
        return Stage.ALL.stream().map(stage -> new Variant(stage, indicator)).toList();
    }

    /** The compulsory-education stages of 教督〔2017〕6号 (the catalog's primary|junior). */
    private static List<Variant> compulsory(String indicator) {
        return List.of(new Variant(Stage.PRIMARY, indicator), new Variant(Stage.JUNIOR, indicator));
    }
}

package io.dengta.schools.statistics;

import java.util.Map;

/**
 * The indicators of the catalog ({@code shared/data/indicators.csv}, owned by indicators-service) that the registry
 * statistics are published as: code, names, unit and level. Copied here because schools-service never reads
 * indicators-service's data; a statistic the catalog has no code for is published nowhere and shown with
 * indicator null.
 */
final class IndicatorCatalog {

    /** Where the catalog allows observations of an indicator: regions only, or regions and schools. */
    enum Level {
        REGION, BOTH
    }

    record Indicator(String code, String name, String nameEn, String unit, Level level) {
    }

    static final Map<String, Indicator> INDICATORS = Map.ofEntries(
            entry("ce.pupil_teacher_ratio", "生师比", "Pupil-teacher ratio", "ratio", Level.BOTH),
            entry("qb.teachers_above_degree_per100", "每百名学生拥有高于规定学历教师数",
                    "Teachers above the required degree per 100 pupils", "per100", Level.BOTH),
            entry("qb.key_teachers_per100", "每百名学生拥有县级以上骨干教师数",
                    "County-level-or-above key teachers per 100 pupils", "per100", Level.BOTH),
            entry("qb.pe_art_teachers_per100", "每百名学生拥有体育、艺术(美术、音乐)专任教师数",
                    "PE, music and art teachers per 100 pupils", "per100", Level.BOTH),
            entry("qb.teaching_floor_area_per_pupil", "生均教学及辅助用房面积",
                    "Teaching and support floor area per pupil", "m2", Level.BOTH),
            entry("qb.sports_area_per_pupil", "生均体育运动场馆面积", "Sports ground and hall area per pupil", "m2",
                    Level.BOTH),
            entry("qb.equipment_value_per_pupil", "生均教学仪器设备值", "Teaching equipment value per pupil", "CNY",
                    Level.BOTH),
            entry("qb.multimedia_classrooms_per100", "每百名学生拥有网络多媒体教室数",
                    "Networked multimedia classrooms per 100 pupils", "per100", Level.BOTH),
            entry("ce.large_class_share", "大班额比例", "Share of classes with 56 or more pupils", "%", Level.BOTH),
            entry("ce.very_large_class_share", "超大班额比例", "Share of classes with 66 or more pupils", "%",
                    Level.BOTH),
            entry("qb.class_size_compliance", "班额达标率", "Share of classes within the class-size limit", "%",
                    Level.BOTH),
            entry("tq.higher_degree_share", "具有高一层次学历的教师比例",
                    "Share of teachers with a degree above the stage requirement", "%", Level.BOTH),
            entry("tq.senior_postgrad_share", "普通高中研究生学历教师比例",
                    "Share of senior high teachers with a postgraduate degree", "%", Level.BOTH),
            entry("tq.dual_qualified_share", "双师型教师比例", "Share of dual-qualified vocational teachers", "%",
                    Level.BOTH),
            entry("qb.teacher_rotation_rate", "交流轮岗教师比例", "Teacher rotation rate", "%", Level.REGION),
            entry("qb.key_teacher_share_of_rotation", "交流轮岗教师中骨干教师比例",
                    "Key-teacher share among rotated teachers", "%", Level.REGION),
            entry("cap.seats_added", "新增学位", "School places added", "count", Level.REGION),
            // added to the catalog by indicators-service's V45 (reference-data/indicators-pupils.csv)
            entry("ce.pupils", "在校学生数", "Pupils enrolled", "count", Level.BOTH));

    private IndicatorCatalog() {
    }

    static Indicator get(String code) {
        Indicator indicator = INDICATORS.get(code);
        if (indicator == null) {
            throw new IllegalArgumentException("not in the catalog: " + code);
        }
        return indicator;
    }

    private static Map.Entry<String, Indicator> entry(String code, String name, String nameEn, String unit, Level level) {
        return Map.entry(code, new Indicator(code, name, nameEn, unit, level));
    }
}

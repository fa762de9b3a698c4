package io.dengta.schools.schoolyear;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import io.dengta.schools.school.School;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * What a school reports for one school year: pupils and classes by grade, class-size counts, floor and sports
 * areas, equipment value and special rooms. Natural key: school code + school-year code ({@code 2024Sep}).
 */
@Entity
@Table(name = "school_year_facts")
public class SchoolYearFacts extends PanacheEntityBase {

    /** Internal key (also the unique tie-breaker of keyset paging); the API addresses facts by school and year. */
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "school_code")
    public String schoolCode;

    /** Read-only view of the school, for the region and stage filters of lists. */
    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "school_code", insertable = false, updatable = false)
    public School school;

    @Column(name = "school_year")
    public String schoolYear;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "school_year_grade", joinColumns = @JoinColumn(name = "facts_id"))
    @OrderBy("grade")
    public List<SchoolYearGrade> grades = new ArrayList<>();

    /** Sum over the grades, kept for statistics queries. */
    @Column(name = "pupils_total")
    public int pupilsTotal;

    @Column(name = "classes_total")
    public int classesTotal;

    @Column(name = "classes_over_45")
    public Integer classesOver45;

    @Column(name = "classes_over_50")
    public Integer classesOver50;

    @Column(name = "classes_over_55")
    public Integer classesOver55;

    @Column(name = "classes_over_65")
    public Integer classesOver65;

    @Column(name = "teaching_floor_area")
    public BigDecimal teachingFloorArea;

    @Column(name = "support_floor_area")
    public BigDecimal supportFloorArea;

    @Column(name = "sports_ground_area")
    public BigDecimal sportsGroundArea;

    @Column(name = "equipment_value")
    public BigDecimal equipmentValue;

    @Column(name = "multimedia_classrooms")
    public int multimediaClassrooms;

    @Column(name = "music_rooms")
    public int musicRooms;

    @Column(name = "art_rooms")
    public int artRooms;

    public String source;

    @Version
    public long version;

    @Column(name = "created_at")
    public OffsetDateTime createdAt;

    @Column(name = "updated_at")
    public OffsetDateTime updatedAt;
}

package io.dengta.targets.target;

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
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * A measurable target under a goal, addressed by {@link #id} and by its code within the plan. For
 * {@code change} targets the values are signed changes relative to the baseline; a {@code milestone}
 * has no indicator and no values (see V2__target.sql).
 */
@Entity
@Table(name = "target")
public class Target extends PanacheEntityBase {

    public static final String VERIFIED = "verified";
    public static final String UNVERIFIED = "unverified";
    /** Re-checked and refused: the indicator is unknown (or the school is not in the plan's region); see the note. */
    public static final String REJECTED = "rejected";
    public static final String RESOURCE_TYPE = "target";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "plan_code")
    public String planCode;

    public String code;

    @Column(name = "goal_code")
    public String goalCode;

    public String title;

    public String description;

    /** indicator, change, count, milestone */
    public String kind;

    @Column(name = "indicator_code")
    public String indicatorCode;

    /** A region (6 digits) or school (10 digits) code. */
    @Column(name = "unit_code")
    public String unitCode;

    /** The region of a school unit (null for a region unit). */
    @Column(name = "school_region")
    public String schoolRegion;

    public String stage;

    /** >=, <=, =, between; null for milestones */
    public String comparator;

    @Column(name = "target_value")
    public BigDecimal targetValue;

    @Column(name = "target_low")
    public BigDecimal targetLow;

    @Column(name = "target_high")
    public BigDecimal targetHigh;

    @Column(name = "deadline_period")
    public String deadlinePeriod;

    @Column(name = "baseline_value")
    public BigDecimal baselineValue;

    @Column(name = "baseline_period")
    public String baselinePeriod;

    /** indicators, registry, reports */
    @Column(name = "actual_source")
    public String actualSource;

    /** verified, unverified, rejected */
    public String verification;

    @Column(name = "verified_at")
    public OffsetDateTime verifiedAt;

    /** Why the target is unverified (null when verified). */
    @Column(name = "verification_note")
    public String verificationNote;

    @Column(name = "indicator_direction")
    public String indicatorDirection;

    @Column(name = "indicator_unit")
    public String indicatorUnit;

    @Column(name = "source_text")
    public String sourceText;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "target_milestone", joinColumns = @JoinColumn(name = "target_id"))
    @OrderBy("period")
    public List<TargetMilestone> milestones = new ArrayList<>();

    @Version
    public long version;

    @Column(name = "created_at")
    public OffsetDateTime createdAt;

    @Column(name = "updated_at")
    public OffsetDateTime updatedAt;

    public boolean isSchoolUnit() {
        return unitCode != null && unitCode.length() == 10;
    }
}

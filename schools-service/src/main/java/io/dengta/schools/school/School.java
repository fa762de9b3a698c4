package io.dengta.schools.school;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A school, addressed by its national 10-digit identification code. */
@Entity
@Table(name = "school")
public class School extends PanacheEntityBase {

    @Id
    public String code;

    public String name;

    @Column(name = "name_en")
    public String nameEn;

    @Column(name = "region_code")
    public String regionCode;

    @JdbcTypeCode(SqlTypes.ARRAY)
    public List<String> stages;

    public String ownership;

    public boolean boarding;

    public boolean rural;

    @Column(name = "quality_rating")
    public String qualityRating;

    @Column(name = "quality_rating_year")
    public Integer qualityRatingYear;

    public String address;

    public BigDecimal latitude;

    public BigDecimal longitude;

    @Column(name = "founded_on")
    public LocalDate foundedOn;

    public String status;

    @Column(name = "opened_on")
    public LocalDate openedOn;

    @Column(name = "closed_on")
    public LocalDate closedOn;

    @Column(name = "merged_into")
    public String mergedInto;

    @Column(name = "capacity_seats")
    public Integer capacitySeats;

    @Column(name = "planned_classes")
    public Integer plannedClasses;

    public String source;

    @Version
    public long version;

    @Column(name = "created_at")
    public OffsetDateTime createdAt;

    @Column(name = "updated_at")
    public OffsetDateTime updatedAt;
}

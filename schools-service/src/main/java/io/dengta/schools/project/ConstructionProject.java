package io.dengta.schools.project;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A construction project (校建工程) that builds, extends or renovates a school, addressed by its code. */
@Entity
@Table(name = "construction_project")
public class ConstructionProject extends PanacheEntityBase {

    @Id
    public String code;

    public String name;

    @Column(name = "region_code")
    public String regionCode;

    /** Null for a new-school project whose school is not registered yet. */
    @Column(name = "school_code")
    public String schoolCode;

    public String kind;

    @Column(name = "seats_added")
    public Integer seatsAdded;

    @Column(name = "classes_added")
    public Integer classesAdded;

    public BigDecimal budget;

    public String status;

    @Column(name = "approved_on")
    public LocalDate approvedOn;

    @Column(name = "construction_started_on")
    public LocalDate constructionStartedOn;

    @Column(name = "completed_on")
    public LocalDate completedOn;

    @Column(name = "expected_opening_on")
    public LocalDate expectedOpeningOn;

    @Column(name = "opened_on")
    public LocalDate openedOn;

    public String source;

    @Version
    public long version;

    @Column(name = "created_at")
    public OffsetDateTime createdAt;

    @Column(name = "updated_at")
    public OffsetDateTime updatedAt;
}

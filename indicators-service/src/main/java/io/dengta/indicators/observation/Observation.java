package io.dengta.indicators.observation;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.hibernate.annotations.Immutable;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * An observation row for the read queries (cross-sections, series). Written only by
 * {@link ObservationStore} over JDBC, so that a bulk import keeps no persistence context growing with the
 * file; hence {@link Immutable}.
 */
@Entity
@Immutable
@Table(name = "observation")
public class Observation extends PanacheEntityBase {

    @Id
    public long id;

    @Column(name = "indicator_code")
    public String indicatorCode;

    @Column(name = "unit_code")
    public String unitCode;

    @Column(name = "unit_type")
    public String unitType;

    @Column(name = "region_code")
    public String regionCode;

    @Column(name = "period_code")
    public String periodCode;

    @Column(name = "period_type")
    public String periodType;

    @Column(name = "period_start")
    public LocalDate periodStart;

    @Column(name = "period_end")
    public LocalDate periodEnd;

    /** '' when not for one stage. */
    public String stage;

    public BigDecimal value;

    public BigDecimal numerator;

    public BigDecimal denominator;

    public String status;

    public String source;

    public String comment;

    @Version
    public long version;

    @Column(name = "created_at")
    public OffsetDateTime createdAt;

    @Column(name = "updated_at")
    public OffsetDateTime updatedAt;

    @Column(name = "deleted_at")
    public OffsetDateTime deletedAt;
}

package io.dengta.indicators.framework;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.hibernate.annotations.ColumnTransformer;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A framework's content in force from a year until the next version's year. */
@Entity
@Table(name = "framework_version")
public class FrameworkVersion extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "framework_code")
    public String frameworkCode;

    @Column(name = "effective_from_year")
    public int effectiveFromYear;

    public String source;

    public String note;

    /** The dimension tree as JSON: the normalized {@code dimensions} of a {@link FrameworkVersionInput}. */
    @ColumnTransformer(write = "cast(? as jsonb)")
    public String dimensions;

    @Column(name = "total_weight")
    public BigDecimal totalWeight;

    @Version
    public long version;

    @Column(name = "created_at")
    public OffsetDateTime createdAt;

    @Column(name = "updated_at")
    public OffsetDateTime updatedAt;
}

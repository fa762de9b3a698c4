package io.dengta.indicators.catalog;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A threshold for an indicator in a jurisdiction, for some stages, over a range of years; server-assigned id. */
@Entity
@Table(name = "standard")
public class Standard extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "indicator_code")
    public String indicatorCode;

    /** {@code 000000}: national. */
    public String jurisdiction;

    /** Empty: every stage. */
    @JdbcTypeCode(SqlTypes.ARRAY)
    public List<String> stages;

    public String comparator;

    public BigDecimal value;

    @Column(name = "value_high")
    public BigDecimal valueHigh;

    @Column(name = "from_year")
    public int fromYear;

    /** Null: in force until further notice. */
    @Column(name = "to_year")
    public Integer toYear;

    public String source;

    public String verified;

    public String note;

    @Version
    public long version;

    @Column(name = "created_at")
    public OffsetDateTime createdAt;

    @Column(name = "updated_at")
    public OffsetDateTime updatedAt;
}

package io.dengta.indicators.catalog;

import java.math.BigDecimal;
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

/** A catalog indicator, addressed by its lower-case dotted code. */
@Entity
@Table(name = "indicator")
public class Indicator extends PanacheEntityBase {

    @Id
    public String code;

    public String name;

    @Column(name = "name_en")
    public String nameEn;

    public String unit;

    public int decimals;

    public String direction;

    public String level;

    /** Empty: every stage. */
    @JdbcTypeCode(SqlTypes.ARRAY)
    public List<String> stages;

    public String aggregation;

    public String definition;

    public String source;

    /** Lowest valid value of an observation (null: unbounded). */
    @Column(name = "min_value")
    public BigDecimal minValue;

    /** Highest valid value of an observation (null: unbounded). */
    @Column(name = "max_value")
    public BigDecimal maxValue;

    @Version
    public long version;

    @Column(name = "created_at")
    public OffsetDateTime createdAt;

    @Column(name = "updated_at")
    public OffsetDateTime updatedAt;

    /** True when {@code value} lies in the indicator's valid range (bounds included). */
    public boolean inRange(BigDecimal value) {
        return (minValue == null || value.compareTo(minValue) >= 0) && (maxValue == null || value.compareTo(maxValue) <= 0);
    }
}

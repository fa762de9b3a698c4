package io.dengta.schools.campus;

import java.io.Serializable;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Objects;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A campus (校区): one of a school's additional sites, coded uniquely within the school. */
@Entity
@Table(name = "campus")
@IdClass(Campus.Key.class)
public class Campus extends PanacheEntityBase {

    @Id
    @Column(name = "school_code")
    public String schoolCode;

    @Id
    public String code;

    public String name;

    @Column(name = "name_en")
    public String nameEn;

    public String address;

    public BigDecimal latitude;

    public BigDecimal longitude;

    @Column(name = "capacity_seats")
    public Integer capacitySeats;

    @Column(name = "opened_on")
    public LocalDate openedOn;

    @Column(name = "closed_on")
    public LocalDate closedOn;

    /** A subset of the school's stages; null when not recorded. */
    @JdbcTypeCode(SqlTypes.ARRAY)
    public List<String> stages;

    public String source;

    @Version
    public long version;

    @Column(name = "created_at")
    public OffsetDateTime createdAt;

    @Column(name = "updated_at")
    public OffsetDateTime updatedAt;

    public static class Key implements Serializable {

        public String schoolCode;
        public String code;

        public Key() {
        }

        public Key(String schoolCode, String code) {
            this.schoolCode = schoolCode;
            this.code = code;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(schoolCode, k.schoolCode) && Objects.equals(code, k.code);
        }

        @Override
        public int hashCode() {
            return Objects.hash(schoolCode, code);
        }
    }
}

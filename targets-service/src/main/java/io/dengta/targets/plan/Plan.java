package io.dengta.targets.plan;

import java.time.OffsetDateTime;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A plan of a region (five-year plan, three-year action, annual plan, benchmarking action), by code. */
@Entity
@Table(name = "plan")
public class Plan extends PanacheEntityBase {

    @Id
    public String code;

    public String title;

    public String kind;

    @Column(name = "owner_region")
    public String ownerRegion;

    @Column(name = "first_year")
    public int firstYear;

    @Column(name = "last_year")
    public int lastYear;

    public String status;

    @Column(name = "source_document")
    public String sourceDocument;

    public String description;

    public String source;

    @Version
    public long version;

    @Column(name = "created_at")
    public OffsetDateTime createdAt;

    @Column(name = "updated_at")
    public OffsetDateTime updatedAt;
}

package io.dengta.indicators.framework;

import java.time.OffsetDateTime;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A framework (指标体系), addressed by its code; its content lives in dated versions. */
@Entity
@Table(name = "framework")
public class Framework extends PanacheEntityBase {

    @Id
    public String code;

    public String name;

    @Column(name = "name_en")
    public String nameEn;

    public String description;

    /** The issuing jurisdiction (000000 = national), if any. */
    public String jurisdiction;

    public String source;

    /** Also increases when one of its versions changes, so the framework's ETag covers its version list. */
    @Version
    public long version;

    @Column(name = "created_at")
    public OffsetDateTime createdAt;

    @Column(name = "updated_at")
    public OffsetDateTime updatedAt;
}

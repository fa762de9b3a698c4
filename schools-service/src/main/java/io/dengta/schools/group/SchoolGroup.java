package io.dengta.schools.group;

import java.time.LocalDate;
import java.time.OffsetDateTime;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A school group or alliance (教育集团, 联盟), addressed by its code; its members are {@link SchoolGroupMember}s. */
@Entity
@Table(name = "school_group")
public class SchoolGroup extends PanacheEntityBase {

    @Id
    public String code;

    public String name;

    @Column(name = "name_en")
    public String nameEn;

    public String kind;

    /** The owner region: whose data feeds manage the group. */
    @Column(name = "region_code")
    public String regionCode;

    @Column(name = "lead_school_code")
    public String leadSchoolCode;

    @Column(name = "founded_on")
    public LocalDate foundedOn;

    public String source;

    @Version
    public long version;

    @Column(name = "created_at")
    public OffsetDateTime createdAt;

    @Column(name = "updated_at")
    public OffsetDateTime updatedAt;
}

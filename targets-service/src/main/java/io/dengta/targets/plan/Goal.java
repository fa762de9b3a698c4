package io.dengta.targets.plan;

import java.time.OffsetDateTime;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A goal of a plan; goals form a tree through {@link #parentCode} (e.g. Binhu's 10 actions and 4 projects). */
@Entity
@Table(name = "goal")
@IdClass(PlanMemberId.class)
public class Goal extends PanacheEntityBase {

    @Id
    @Column(name = "plan_code")
    public String planCode;

    @Id
    public String code;

    @Column(name = "parent_code")
    public String parentCode;

    public String title;

    public String description;

    @Column(name = "responsible_department")
    public String responsibleDepartment;

    public int position;

    @Version
    public long version;

    @Column(name = "created_at")
    public OffsetDateTime createdAt;

    @Column(name = "updated_at")
    public OffsetDateTime updatedAt;
}

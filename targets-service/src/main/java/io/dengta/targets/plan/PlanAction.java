package io.dengta.targets.plan;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** An action or project of a plan, linked to the targets (by code, in the same plan) it serves. */
@Entity
@Table(name = "plan_action")
@IdClass(PlanMemberId.class)
public class PlanAction extends PanacheEntityBase {

    @Id
    @Column(name = "plan_code")
    public String planCode;

    @Id
    public String code;

    public String kind;

    public String title;

    public String description;

    @Column(name = "goal_code")
    public String goalCode;

    @Column(name = "responsible_department")
    public String responsibleDepartment;

    @Column(name = "construction_project")
    public String constructionProject;

    @Column(name = "first_year")
    public Integer firstYear;

    @Column(name = "last_year")
    public Integer lastYear;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "plan_action_target", joinColumns = {
            @JoinColumn(name = "plan_code", referencedColumnName = "plan_code"),
            @JoinColumn(name = "action_code", referencedColumnName = "code") })
    @Column(name = "target_code")
    @OrderBy
    public List<String> targetCodes = new ArrayList<>();

    @Version
    public long version;

    @Column(name = "created_at")
    public OffsetDateTime createdAt;

    @Column(name = "updated_at")
    public OffsetDateTime updatedAt;
}

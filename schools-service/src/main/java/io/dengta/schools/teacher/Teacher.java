package io.dengta.schools.teacher;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.hibernate.annotations.BatchSize;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A teacher, addressed by staff code. The national ID itself is never stored: only its hash and last 4. */
@Entity
@Table(name = "teacher")
public class Teacher extends PanacheEntityBase {

    @Id
    @Column(name = "staff_code")
    public String staffCode;

    public String name;

    public String gender;

    @Column(name = "birth_date")
    public LocalDate birthDate;

    @Column(name = "national_id_hash")
    public String nationalIdHash;

    @Column(name = "national_id_last4")
    public String nationalIdLast4;

    public String phone;

    @Column(name = "employing_school")
    public String employingSchool;

    @Column(name = "highest_degree")
    public String highestDegree;

    @Column(name = "certificate_type")
    public String certificateType;

    @Column(name = "certificate_stage")
    public String certificateStage;

    @Column(name = "certificate_number")
    public String certificateNumber;

    public String title;

    // a page of teachers loads its honours in one query, not one per teacher
    @ElementCollection
    @CollectionTable(name = "teacher_honour", joinColumns = @JoinColumn(name = "staff_code"))
    @OrderColumn(name = "position")
    @BatchSize(size = 1000)
    public List<TeacherHonour> honours = new ArrayList<>();

    @JdbcTypeCode(SqlTypes.ARRAY)
    public List<String> subjects;

    public String employment;

    @Column(name = "dual_qualified")
    public boolean dualQualified;

    public String status;

    public String source;

    @Version
    public long version;

    @Column(name = "created_at")
    public OffsetDateTime createdAt;

    @Column(name = "updated_at")
    public OffsetDateTime updatedAt;
}

package io.dengta.targets.checkin;

import java.math.BigDecimal;
import java.time.OffsetDateTime;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * A check-in on a target: a value (numeric targets) or a done flag (milestones) for a period. Only
 * {@code accepted} reports count as actuals, and only for targets whose actual source is {@code reports}.
 */
@Entity
@Table(name = "progress_report")
public class ProgressReport extends PanacheEntityBase {

    public static final String SUBMITTED = "submitted";
    public static final String ACCEPTED = "accepted";
    public static final String RETURNED = "returned";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "target_id")
    public long targetId;

    public String period;

    public BigDecimal value;

    public Boolean done;

    public String comment;

    /** Stored as given, never fetched by the service. */
    @Column(name = "evidence_url")
    public String evidenceUrl;

    /** The subject of the token that submitted the report. */
    public String reporter;

    public String status;

    @Column(name = "reviewed_by")
    public String reviewedBy;

    @Column(name = "reviewed_at")
    public OffsetDateTime reviewedAt;

    @Column(name = "review_comment")
    public String reviewComment;

    @Version
    public long version;

    @Column(name = "created_at")
    public OffsetDateTime createdAt;

    @Column(name = "updated_at")
    public OffsetDateTime updatedAt;
}

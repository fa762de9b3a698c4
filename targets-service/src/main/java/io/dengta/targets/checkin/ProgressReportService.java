package io.dengta.targets.checkin;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.dengta.commons.etag.ETags;
import io.dengta.commons.journal.Operation;
import io.dengta.commons.journal.WriteJournal;
import io.dengta.commons.paging.KeysetQuery;
import io.dengta.commons.paging.Page;
import io.dengta.commons.paging.PageRequest;
import io.dengta.commons.paging.SortKey;
import io.dengta.commons.problem.FieldError;
import io.dengta.commons.problem.ProblemException;
import io.dengta.commons.security.RegionCodes;
import io.dengta.targets.plan.Plan;
import io.dengta.targets.plan.PlanAccess;
import io.dengta.targets.target.Target;

/**
 * Progress reports: submitted by a plan's analysts or the clerks of the school a target is about, accepted or
 * returned by the analysts of the plan's region; a returned report can be revised and is then submitted again.
 */
@ApplicationScoped
public class ProgressReportService {

    public static final String RESOURCE_TYPE = "progress-report";
    private static final KeysetQuery<ProgressReport> LIST = new KeysetQuery<>("from ProgressReport r", Map.of(
            "id", SortKey.integer("r.id", r -> r.id),
            "updatedAt", SortKey.instant("r.updatedAt", r -> r.updatedAt)), "id");
    static final List<String> SORTABLE = List.of("id", "updatedAt");
    private static final ZoneOffset BUREAU_TIME = ZoneOffset.ofHours(8);

    private final WriteJournal journal;

    public ProgressReportService(WriteJournal journal) {
        this.journal = journal;
    }

    /** Filters of the report list; null means "any". {@code region} is the plan owner's region, with sub-regions. */
    public record Filter(Long target, String plan, String status, String region) {
    }

    public Page<ProgressReportView> list(Filter filter, PageRequest page, PlanAccess access) {
        if (filter.target() != null) {
            requireVisibleTarget(filter.target(), access);
        }
        StringBuilder where = new StringBuilder("1 = 1");
        Map<String, Object> params = new HashMap<>();
        if (filter.target() != null) {
            where.append(" and r.targetId = :target");
            params.put("target", filter.target());
        }
        if (filter.status() != null) {
            where.append(" and r.status = :status");
            params.put("status", filter.status());
        }
        List<String> targetConditions = new ArrayList<>();
        if (filter.plan() != null) {
            targetConditions.add("t.planCode = :plan");
            params.put("plan", filter.plan());
        }
        if (filter.region() != null) {
            targetConditions.add("t.planCode in (select p.code from Plan p where p.ownerRegion like :region)");
            params.put("region", RegionCodes.coveragePrefix(filter.region()) + "%");
        }
        PlanAccess.ListScope scope = access.listScope();
        if (!scope.unrestricted()) {
            List<String> alternatives = new ArrayList<>();
            for (int i = 0; i < scope.regionPrefixes().size(); i++) {
                alternatives.add("p.ownerRegion like :scope" + i);
                params.put("scope" + i, scope.regionPrefixes().get(i) + "%");
            }
            List<String> visible = new ArrayList<>();
            if (!alternatives.isEmpty()) {
                visible.add("t.planCode in (select p.code from Plan p where " + String.join(" or ", alternatives) + ")");
            }
            if (!scope.schools().isEmpty()) {
                visible.add("t.unitCode in :scopeSchools");
                params.put("scopeSchools", scope.schools());
            }
            targetConditions.add(visible.isEmpty() ? "1 = 0" : "(" + String.join(" or ", visible) + ")");
        }
        if (!targetConditions.isEmpty()) {
            where.append(" and r.targetId in (select t.id from Target t where ")
                    .append(String.join(" and ", targetConditions)).append(")");
        }
        return LIST.fetch(page, where.toString(), params,
                (jpql, p, max) -> ProgressReport.<ProgressReport>find(jpql, p).page(0, max).list(),
                (jpql, p) -> ProgressReport.count(jpql, p), ProgressReportView::of);
    }

    public ProgressReportView get(long id, PlanAccess access) {
        ProgressReport report = ProgressReport.findById(id);
        if (report == null) {
            throw ProblemException.notFound("Progress report " + id + " not found");
        }
        Target target = Target.findById(report.targetId);
        Plan plan = Plan.findById(target.planCode);
        access.requireReadTarget(plan.ownerRegion, target.unitCode, "Progress report " + id);
        return ProgressReportView.of(report);
    }

    @Transactional
    public ProgressReportView submit(long targetId, ProgressReportInput input, PlanAccess access) {
        Target target = Target.findById(targetId);
        if (target == null) {
            throw ProblemException.notFound("Target " + targetId + " not found");
        }
        Plan plan = Plan.findById(target.planCode);
        access.requireReport(plan.ownerRegion, target.unitCode);
        requireValid(input, target);
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        ProgressReport report = new ProgressReport();
        report.targetId = targetId;
        report.reporter = access.subject();
        report.createdAt = now;
        apply(report, input, now);
        report.persist();
        ProgressReport.getEntityManager().flush();
        ProgressReportView after = ProgressReportView.of(report);
        journal.record(RESOURCE_TYPE, String.valueOf(report.id), Operation.UPSERT, plan.ownerRegion, school(target), null,
                after);
        return after;
    }

    /** The reporter (or the plan's analysts) corrects a submitted or returned report; it is submitted again. */
    @Transactional
    public ProgressReportView revise(long id, ProgressReportInput input, String ifMatch, PlanAccess access) {
        ProgressReport report = require(id);
        Target target = Target.findById(report.targetId);
        Plan plan = Plan.findById(target.planCode);
        if (!report.reporter.equals(access.subject()) && !access.canManage(plan.ownerRegion)) {
            throw ProblemException.forbidden("Only its reporter and the plan's analysts may revise progress report " + id);
        }
        ETags.requireMatch(ifMatch, report.version);
        if (report.status.equals(ProgressReport.ACCEPTED)) {
            throw ProblemException.conflict("Progress report " + id + " is accepted; submit a new report instead");
        }
        requireValid(input, target);
        ProgressReportView before = ProgressReportView.of(report);
        apply(report, input, OffsetDateTime.now(ZoneOffset.UTC));
        report.reviewedBy = null;
        report.reviewedAt = null;
        report.reviewComment = null;
        ProgressReport.getEntityManager().flush();
        ProgressReportView after = ProgressReportView.of(report);
        journal.record(RESOURCE_TYPE, String.valueOf(id), Operation.UPSERT, plan.ownerRegion, school(target), before, after);
        return after;
    }

    @Transactional
    public ProgressReportView review(long id, ReviewInput input, String ifMatch, PlanAccess access) {
        ProgressReport report = require(id);
        Target target = Target.findById(report.targetId);
        Plan plan = Plan.findById(target.planCode);
        access.requireReview(plan.ownerRegion);
        ETags.requireMatch(ifMatch, report.version);
        if (!report.status.equals(ProgressReport.SUBMITTED)) {
            throw ProblemException.conflict("Progress report " + id + " is " + report.status
                    + "; only a submitted report is accepted or returned");
        }
        if (input.decision().equals(ProgressReport.RETURNED) && (input.comment() == null || input.comment().isBlank())) {
            throw ProblemException.invalid("/comment", "required", "say why the report is returned");
        }
        ProgressReportView before = ProgressReportView.of(report);
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        report.status = input.decision();
        report.reviewedBy = access.subject();
        report.reviewedAt = now;
        report.reviewComment = input.comment();
        report.updatedAt = now;
        ProgressReport.getEntityManager().flush();
        ProgressReportView after = ProgressReportView.of(report);
        journal.record(RESOURCE_TYPE, String.valueOf(id), Operation.UPSERT, plan.ownerRegion, school(target), before, after);
        return after;
    }

    private void requireVisibleTarget(long targetId, PlanAccess access) {
        Target target = Target.findById(targetId);
        if (target == null) {
            throw ProblemException.notFound("Target " + targetId + " not found");
        }
        Plan plan = Plan.findById(target.planCode);
        access.requireReadTarget(plan.ownerRegion, target.unitCode, "Target " + targetId);
    }

    private static void requireValid(ProgressReportInput input, Target target) {
        List<FieldError> errors = ProgressReportRules.check(input, target.kind, LocalDate.now(BUREAU_TIME));
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
    }

    private static void apply(ProgressReport report, ProgressReportInput input, OffsetDateTime now) {
        report.period = input.period();
        report.value = input.value();
        report.done = input.done();
        report.comment = input.comment();
        report.evidenceUrl = input.evidenceUrl();
        report.status = ProgressReport.SUBMITTED;
        report.updatedAt = now;
    }

    private static ProgressReport require(long id) {
        ProgressReport report = ProgressReport.findById(id);
        if (report == null) {
            throw ProblemException.notFound("Progress report " + id + " not found");
        }
        return report;
    }

    private static String school(Target target) {
        return target.isSchoolUnit() ? target.unitCode : null;
    }
}

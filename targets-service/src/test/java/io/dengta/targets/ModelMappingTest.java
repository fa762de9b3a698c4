package io.dengta.targets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.junit.jupiter.api.Test;

import io.dengta.targets.checkin.ProgressReport;
import io.dengta.targets.plan.Goal;
import io.dengta.targets.plan.Plan;
import io.dengta.targets.plan.PlanAction;
import io.dengta.targets.plan.PlanMemberId;
import io.dengta.targets.target.Target;
import io.dengta.targets.target.TargetMilestone;
import io.quarkus.test.junit.QuarkusTest;

/** The entities map onto the Flyway schema (Hibernate never generates it): every column round-trips. */
@QuarkusTest
class ModelMappingTest {

    @Inject
    EntityManager em;

    @Test
    @Transactional
    void everyEntityRoundTripsThroughTheSchema() {
        OffsetDateTime now = OffsetDateTime.now();
        Plan plan = new Plan();
        plan.code = "mapping-plan";
        plan.title = "映射测试";
        plan.kind = "annual";
        plan.ownerRegion = "320113";
        plan.firstYear = 2024;
        plan.lastYear = 2024;
        plan.status = "active";
        plan.source = "test";
        plan.createdAt = now;
        plan.updatedAt = now;
        plan.persist();
        Goal goal = new Goal();
        goal.planCode = plan.code;
        goal.code = "g1";
        goal.title = "目标";
        goal.createdAt = now;
        goal.updatedAt = now;
        goal.persist();
        Goal child = new Goal();
        child.planCode = plan.code;
        child.code = "g1-1";
        child.parentCode = "g1";
        child.title = "子目标";
        child.createdAt = now;
        child.updatedAt = now;
        child.persist();
        Target target = new Target();
        target.planCode = plan.code;
        target.code = "t1";
        target.goalCode = "g1-1";
        target.title = "学前教育净入学率";
        target.kind = "indicator";
        target.indicatorCode = "pre.net_enrollment_rate";
        target.unitCode = "320113";
        target.comparator = ">=";
        target.targetValue = new BigDecimal("99");
        target.deadlinePeriod = "2024";
        target.baselineValue = new BigDecimal("97.5");
        target.baselinePeriod = "2023";
        target.actualSource = "indicators";
        target.verification = Target.UNVERIFIED;
        target.milestones.add(new TargetMilestone("2024", new BigDecimal("99")));
        target.createdAt = now;
        target.updatedAt = now;
        target.persist();
        PlanAction action = new PlanAction();
        action.planCode = plan.code;
        action.code = "a1";
        action.kind = "project";
        action.title = "工程";
        action.goalCode = "g1";
        action.targetCodes.add("t1");
        action.createdAt = now;
        action.updatedAt = now;
        action.persist();
        ProgressReport report = new ProgressReport();
        report.targetId = target.id;
        report.period = "2024";
        report.value = new BigDecimal("98.1");
        report.reporter = "clerk";
        report.status = ProgressReport.SUBMITTED;
        report.createdAt = now;
        report.updatedAt = now;
        report.persist();
        em.flush();
        em.clear();

        Target read = Target.findById(target.id);
        assertEquals(0, new BigDecimal("99").compareTo(read.milestones.get(0).value));
        assertEquals("g1", Goal.<Goal>findById(new PlanMemberId(plan.code, "g1-1")).parentCode);
        assertEquals(List.of("t1"), PlanAction.<PlanAction>findById(new PlanMemberId(plan.code, "a1")).targetCodes);
        assertNotNull(ProgressReport.findById(report.id));
        em.createNativeQuery("delete from plan where code = 'mapping-plan'").executeUpdate();
    }
}

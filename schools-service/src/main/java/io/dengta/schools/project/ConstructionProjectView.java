package io.dengta.schools.project;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A construction project as the API shows it. */
@Schema(name = "ConstructionProject")
public record ConstructionProjectView(
        @Schema(description = "项目编号: the project's code") String code,
        @Schema(description = "项目名称") String name,
        @Schema(description = "行政区划代码 of the region running the project") String region,
        @Schema(description = "学校标识码, absent for a new school not registered yet") String school,
        @Schema(description = "new-school, expansion or renovation") String kind,
        @Schema(description = "新增学位") Integer seatsAdded,
        @Schema(description = "新增班级数") Integer classesAdded,
        @Schema(description = "总投资, CNY") BigDecimal budget,
        @Schema(description = "planned, approved, under-construction, completed or in-use") String status,
        @Schema(description = "立项日期") LocalDate approvedOn,
        @Schema(description = "开工日期") LocalDate constructionStartedOn,
        @Schema(description = "竣工日期") LocalDate completedOn,
        @Schema(description = "预计投入使用日期") LocalDate expectedOpeningOn,
        @Schema(description = "实际投入使用日期") LocalDate openedOn,
        @Schema(description = "数据来源") String source,
        long version,
        OffsetDateTime createdAt,
        OffsetDateTime updatedAt) {

    static ConstructionProjectView of(ConstructionProject p) {
        return new ConstructionProjectView(p.code, p.name, p.regionCode, p.schoolCode, p.kind, p.seatsAdded,
                p.classesAdded, p.budget, p.status, p.approvedOn, p.constructionStartedOn, p.completedOn,
                p.expectedOpeningOn, p.openedOn, p.source, p.version, p.createdAt, p.updatedAt);
    }
}

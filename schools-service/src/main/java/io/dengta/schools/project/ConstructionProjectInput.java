package io.dengta.schools.project;

import java.math.BigDecimal;
import java.time.LocalDate;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The body of {@code PUT /schools/v1/construction-projects/{projectCode}}. */
@Schema(name = "ConstructionProjectInput", example = """
        {"name": "武进区星河实验小学新建工程", "region": "320412", "kind": "new-school", "seatsAdded": 2160,
         "classesAdded": 48, "budget": 320000000, "status": "under-construction", "approvedOn": "2023-03-15",
         "constructionStartedOn": "2023-06-01", "expectedOpeningOn": "2024-09-01", "source": "synthetic-demo"}""")
public record ConstructionProjectInput(
        @Schema(description = "项目名称: the project's official name")
        @NotBlank @Size(max = 200) String name,
        @Schema(description = "行政区划代码: the 6-digit region that runs the project")
        @NotNull @Pattern(regexp = "\\d{6}", message = "must be a 6-digit region code") String region,
        @Schema(description = "学校标识码: the school built, extended or renovated; may be omitted for a new school not "
                + "registered yet (a planned school may be registered with status planned)")
        @Pattern(regexp = "\\d{10}", message = "must be a 10-digit school code") String school,
        @Schema(description = "项目类型: new-school (新建学校), expansion (改扩建: adds seats to a school), renovation "
                + "(改造/修缮: adds no seats)", enumeration = { "new-school", "expansion", "renovation" })
        @NotNull @Pattern(regexp = "new-school|expansion|renovation",
                message = "must be new-school, expansion or renovation") String kind,
        @Schema(description = "新增学位: seats (school places) the project adds; required for new-school and expansion, "
                + "0 or omitted for a renovation")
        @PositiveOrZero @Max(100000) Integer seatsAdded,
        @Schema(description = "新增班级数: classes the project adds")
        @PositiveOrZero @Max(2000) Integer classesAdded,
        @Schema(description = "总投资/预算: budget in CNY")
        @DecimalMin("0") @Digits(integer = 14, fraction = 2) BigDecimal budget,
        @Schema(description = "项目状态: planned (规划) → approved (立项) → under-construction (在建) → completed (竣工) → "
                + "in-use (投入使用); never backwards", enumeration = { "planned", "approved", "under-construction",
                        "completed", "in-use" })
        @NotNull @Pattern(regexp = "planned|approved|under-construction|completed|in-use",
                message = "must be planned, approved, under-construction, completed or in-use") String status,
        @Schema(description = "立项日期: date the project was approved; required from status approved on")
        LocalDate approvedOn,
        @Schema(description = "开工日期: date construction started; required from status under-construction on")
        LocalDate constructionStartedOn,
        @Schema(description = "竣工日期: date construction was completed; required from status completed on")
        LocalDate completedOn,
        @Schema(description = "预计投入使用日期: planned opening date (e.g. the autumn term it should serve)")
        LocalDate expectedOpeningOn,
        @Schema(description = "实际投入使用日期: date the new or renovated rooms were first used; required for in-use")
        LocalDate openedOn,
        @Schema(description = "数据来源: where the record comes from")
        @Size(max = 200) String source) {
}

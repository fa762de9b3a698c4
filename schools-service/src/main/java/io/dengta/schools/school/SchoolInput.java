package io.dengta.schools.school;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The body of {@code PUT /schools/v1/schools/{schoolCode}}. */
@Schema(name = "SchoolInput", example = """
        {"name": "南京市栖霞区示范小学", "region": "320113", "stages": ["primary"], "ownership": "public",
         "status": "open", "openedOn": "1998-09-01", "capacitySeats": 1800, "plannedClasses": 36,
         "source": "synthetic-demo"}""")
public record SchoolInput(
        @NotBlank @Size(max = 200) String name,
        @Size(max = 300) String nameEn,
        @NotNull @Pattern(regexp = "\\d{6}", message = "must be a 6-digit region code") String region,
        @NotEmpty List<@NotNull @Pattern(regexp = "kindergarten|primary|junior|senior|vocational|special",
                message = "must be kindergarten, primary, junior, senior, vocational or special") String> stages,
        @NotNull @Pattern(regexp = "public|private|private-inclusive",
                message = "must be public, private or private-inclusive") String ownership,
        Boolean boarding,
        Boolean rural,
        @Size(max = 100) String qualityRating,
        @Min(1949) @Max(2100) Integer qualityRatingYear,
        @Size(max = 500) String address,
        @DecimalMin("-90") @DecimalMax("90") BigDecimal latitude,
        @DecimalMin("-180") @DecimalMax("180") BigDecimal longitude,
        LocalDate foundedOn,
        @NotNull @Pattern(regexp = "planned|open|merged|closed", message = "must be planned, open, merged or closed") String status,
        LocalDate openedOn,
        LocalDate closedOn,
        @Pattern(regexp = "\\d{10}", message = "must be a 10-digit school code") String mergedInto,
        @PositiveOrZero Integer capacitySeats,
        @PositiveOrZero Integer plannedClasses,
        @Size(max = 200) String source) {
}

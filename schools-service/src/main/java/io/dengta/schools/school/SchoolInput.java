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

/**
 * The body of {@code PUT /schools/v1/schools/{schoolCode}}, and one row of a schools import. {@code code}
 * is optional in a PUT (the path names the school; if given it must match) and required in an import.
 */
@Schema(name = "SchoolInput", example = """
        {"name": "南京市栖霞区示范小学", "region": "320113", "stages": ["primary"], "ownership": "public",
         "status": "open", "openedOn": "1998-09-01", "capacitySeats": 1800, "plannedClasses": 36,
         "source": "synthetic-demo"}""")
public record SchoolInput(
        @Pattern(regexp = "\\d{10}", message = "must be a 10-digit school code") String code,
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

    /** The input that would reproduce this school as it is stored (to tell an unchanged row). */
    static SchoolInput of(School s) {
        return new SchoolInput(s.code, s.name, s.nameEn, s.regionCode, List.copyOf(s.stages), s.ownership, s.boarding,
                s.rural, s.qualityRating, s.qualityRatingYear, s.address, s.latitude, s.longitude, s.foundedOn,
                s.status, s.openedOn, s.closedOn, s.mergedInto, s.capacitySeats, s.plannedClasses, s.source);
    }

    /** This input as it would be stored: absent flags are false, numbers at the column's scale. */
    SchoolInput normalized(String schoolCode) {
        return new SchoolInput(schoolCode, name, nameEn, region, List.copyOf(stages), ownership,
                Boolean.TRUE.equals(boarding), Boolean.TRUE.equals(rural), qualityRating, qualityRatingYear, address,
                scaled(latitude), scaled(longitude), foundedOn, status, openedOn, closedOn, mergedInto, capacitySeats,
                plannedClasses, source);
    }

    private static BigDecimal scaled(BigDecimal coordinate) {
        return coordinate == null ? null : coordinate.setScale(6, java.math.RoundingMode.HALF_UP);
    }
}

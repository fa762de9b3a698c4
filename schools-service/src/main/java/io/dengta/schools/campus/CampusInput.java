package io.dengta.schools.campus;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The body of {@code PUT /schools/v1/schools/{schoolCode}/campuses/{campusCode}}. */
@Schema(name = "CampusInput", example = """
        {"name": "示范小学仙林校区", "address": "南京市栖霞区仙林大道 1 号", "latitude": 32.1049, "longitude": 118.9167,
         "capacitySeats": 900, "openedOn": "2021-09-01", "stages": ["primary"], "source": "synthetic-demo"}""")
public record CampusInput(
        @NotBlank @Size(max = 200) String name,
        @Size(max = 300) String nameEn,
        @Size(max = 500) String address,
        @DecimalMin("-90") @DecimalMax("90") BigDecimal latitude,
        @DecimalMin("-180") @DecimalMax("180") BigDecimal longitude,
        @PositiveOrZero Integer capacitySeats,
        LocalDate openedOn,
        LocalDate closedOn,
        List<@NotNull @Pattern(regexp = "kindergarten|primary|junior|senior|vocational|special",
                message = "must be kindergarten, primary, junior, senior, vocational or special") String> stages,
        @Size(max = 200) String source) {
}

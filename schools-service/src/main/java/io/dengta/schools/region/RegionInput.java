package io.dengta.schools.region;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The body of {@code PUT /schools/v1/regions/{code}}. */
@Schema(name = "RegionInput", example = """
        {"name": "栖霞区", "nameEn": "Qixia District", "level": "district", "parent": "320100"}""")
public record RegionInput(
        @NotBlank @Size(max = 100) String name,
        @Size(max = 200) String nameEn,
        @NotNull @Pattern(regexp = "province|city|district", message = "must be province, city or district") String level,
        @Pattern(regexp = "\\d{6}", message = "must be a 6-digit region code") String parent,
        @Size(max = 500) String note) {
}

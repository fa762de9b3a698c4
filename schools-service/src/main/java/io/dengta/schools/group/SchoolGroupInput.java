package io.dengta.schools.group;

import java.time.LocalDate;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The body of {@code PUT /schools/v1/school-groups/{groupCode}}. */
@Schema(name = "SchoolGroupInput", example = """
        {"name": "栖霞区实验小学教育集团", "kind": "education-group", "region": "320113", "leadSchool": "3201130001",
         "foundedOn": "2019-09-01",
         "members": [{"school": "3201130001", "joinedOn": "2019-09-01"},
                     {"school": "3201130002", "joinedOn": "2019-09-01", "leftOn": "2023-08-31"},
                     {"school": "3201130003", "joinedOn": "2021-09-01"}],
         "source": "synthetic-demo"}""")
public record SchoolGroupInput(
        @NotBlank @Size(max = 200) String name,
        @Size(max = 300) String nameEn,
        @NotNull @Pattern(regexp = "education-group|alliance|district-partnership",
                message = "must be education-group, alliance or district-partnership") String kind,
        @NotNull @Pattern(regexp = "\\d{6}", message = "must be a 6-digit region code") String region,
        @NotNull @Pattern(regexp = "\\d{10}", message = "must be a 10-digit school code") String leadSchool,
        LocalDate foundedOn,
        @NotNull @Size(max = 1000) List<@NotNull @Valid Member> members,
        @Size(max = 200) String source) {

    /** A period of membership; {@code leftOn} is the last day as a member (absent: still a member). */
    @Schema(name = "SchoolGroupMemberInput")
    public record Member(
            @NotNull @Pattern(regexp = "\\d{10}", message = "must be a 10-digit school code") String school,
            @NotNull LocalDate joinedOn,
            LocalDate leftOn) {
    }
}

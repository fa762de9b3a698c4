package io.dengta.indicators.framework;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The body of {@code PUT /indicators/v1/frameworks/{frameworkCode}}: what the framework is; versions hold its tree. */
@Schema(name = "FrameworkInput", example = """
        {"name": "江苏省教育现代化指标体系（演示）", "nameEn": "Jiangsu education modernization indicators (demo)",
         "description": "8 first-level dimensions; one confirmed weight, the others illustrative",
         "jurisdiction": "320000", "source": "苏政办发〔2013〕8号"}""")
public record FrameworkInput(
        @Pattern(regexp = FrameworkService.CODE_PATTERN,
                message = "must be a lower-case code with hyphens, e.g. js-modernization-2013") String code,
        @NotBlank @Size(max = 200) String name,
        @Size(max = 300) String nameEn,
        @Size(max = 4000) String description,
        @Schema(description = "The issuing jurisdiction: 000000 (national) or a region code")
        @Pattern(regexp = "000000|[1-8]\\d{5}", message = "must be 000000 (national) or a 6-digit region code")
        String jurisdiction,
        @Size(max = 500) String source) {

    static FrameworkInput of(Framework f) {
        return new FrameworkInput(f.code, f.name, f.nameEn, f.description, f.jurisdiction, f.source);
    }

    FrameworkInput withCode(String frameworkCode) {
        return new FrameworkInput(frameworkCode, name, nameEn, description, jurisdiction, source);
    }
}

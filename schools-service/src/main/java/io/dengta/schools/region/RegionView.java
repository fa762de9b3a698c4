package io.dengta.schools.region;

import java.time.OffsetDateTime;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A region as the API shows it; {@code children} only on a single region. */
@Schema(name = "Region", example = """
        {"code": "320113", "name": "栖霞区", "nameEn": "Qixia District", "level": "district", "parent": "320100",
         "note": "seed 000", "version": 0, "createdAt": "2026-01-01T00:00:00Z", "updatedAt": "2026-01-01T00:00:00Z"}""")
public record RegionView(
        String code,
        String name,
        String nameEn,
        String level,
        String parent,
        String note,
        @JsonInclude(JsonInclude.Include.NON_NULL) List<RegionRef> children,
        long version,
        OffsetDateTime createdAt,
        OffsetDateTime updatedAt) {

    /** A child region, named. */
    public record RegionRef(String code, String name, String level) {
    }

    static RegionView of(Region r, List<RegionRef> children) {
        return new RegionView(r.code, r.name, r.nameEn, r.level, r.parentCode, r.note, children, r.version,
                r.createdAt, r.updatedAt);
    }
}

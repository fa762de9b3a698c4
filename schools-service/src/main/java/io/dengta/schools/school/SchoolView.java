package io.dengta.schools.school;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A school as the API shows it. */
@Schema(name = "School")
public record SchoolView(
        String code,
        String name,
        String nameEn,
        String region,
        List<String> stages,
        String ownership,
        boolean boarding,
        boolean rural,
        String qualityRating,
        Integer qualityRatingYear,
        String address,
        BigDecimal latitude,
        BigDecimal longitude,
        LocalDate foundedOn,
        String status,
        LocalDate openedOn,
        LocalDate closedOn,
        String mergedInto,
        Integer capacitySeats,
        Integer plannedClasses,
        String source,
        long version,
        OffsetDateTime createdAt,
        OffsetDateTime updatedAt) {

    static SchoolView of(School s) {
        return new SchoolView(s.code, s.name, s.nameEn, s.regionCode, List.copyOf(s.stages), s.ownership, s.boarding,
                s.rural, s.qualityRating, s.qualityRatingYear, s.address, s.latitude, s.longitude, s.foundedOn,
                s.status, s.openedOn, s.closedOn, s.mergedInto, s.capacitySeats, s.plannedClasses, s.source,
                s.version, s.createdAt, s.updatedAt);
    }
}

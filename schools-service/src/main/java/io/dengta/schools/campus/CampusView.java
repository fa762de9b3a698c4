package io.dengta.schools.campus;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A campus as the API shows it. */
@Schema(name = "Campus", example = """
        {"school": "3201130001", "code": "XL-East", "name": "示范小学仙林校区", "address": "南京市栖霞区仙林大道 1 号",
         "latitude": 32.1049, "longitude": 118.9167, "capacitySeats": 900, "openedOn": "2021-09-01",
         "stages": ["primary"], "source": "synthetic-demo", "version": 0, "createdAt": "2026-01-01T00:00:00Z",
         "updatedAt": "2026-01-01T00:00:00Z"}""")
public record CampusView(
        String school,
        String code,
        String name,
        String nameEn,
        String address,
        BigDecimal latitude,
        BigDecimal longitude,
        Integer capacitySeats,
        LocalDate openedOn,
        LocalDate closedOn,
        List<String> stages,
        String source,
        long version,
        OffsetDateTime createdAt,
        OffsetDateTime updatedAt) {

    static CampusView of(Campus c) {
        return new CampusView(c.schoolCode, c.code, c.name, c.nameEn, c.address, c.latitude, c.longitude,
                c.capacitySeats, c.openedOn, c.closedOn, c.stages == null ? null : List.copyOf(c.stages), c.source,
                c.version, c.createdAt, c.updatedAt);
    }
}

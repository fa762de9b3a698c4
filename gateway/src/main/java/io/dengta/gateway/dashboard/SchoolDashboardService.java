package io.dengta.gateway.dashboard;

import static io.dengta.gateway.dashboard.Json.array;
import static io.dengta.gateway.dashboard.Json.decimal;
import static io.dengta.gateway.dashboard.Json.integer;
import static io.dengta.gateway.dashboard.Json.text;
import static io.dengta.gateway.dashboard.Upstreams.Service.INDICATORS;
import static io.dengta.gateway.dashboard.Upstreams.Service.SCHOOLS;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.JsonNode;

import io.dengta.commons.problem.ProblemException;
import io.dengta.gateway.dashboard.SchoolDashboard.SchoolInfo;
import io.dengta.gateway.dashboard.SchoolDashboard.SchoolYearFacts;
import io.dengta.gateway.dashboard.SchoolDashboard.StatisticsAgainstStandards;
import io.dengta.gateway.dashboard.SchoolDashboard.TeacherFigures;
import io.smallrye.mutiny.Uni;

/**
 * Composes the school dashboard like {@link RegionDashboardService}: parallel calls, one status per part, parts kept
 * per caller scope for a short while.
 */
@ApplicationScoped
public class SchoolDashboardService {

    private final Upstreams upstreams;
    private final RegionDashboardService parts;
    private final DashboardCache cache;

    public SchoolDashboardService(Upstreams upstreams, RegionDashboardService parts, DashboardCache cache) {
        this.upstreams = upstreams;
        this.parts = parts;
        this.cache = cache;
    }

    Uni<SchoolDashboard> dashboard(String school, String schoolYear, int startYear, Caller caller) {
        String schoolPath = "/schools/v1/schools/" + school;
        String args = school + "|" + schoolYear;
        var info = part("info", args, caller, () -> parts.part(upstreams.get(SCHOOLS, schoolPath, caller),
                SchoolDashboardService::info));
        var facts = part("facts", args, caller, () -> parts.part(upstreams.get(SCHOOLS,
                schoolPath + "/years/" + schoolYear, caller), SchoolDashboardService::facts));
        var againstStandards = part("statistics", args, caller, () -> {
            Uni<Part<JsonNode>> standards = parts.part(upstreams.get(INDICATORS,
                    "/indicators/v1/standards?year=" + startYear + "&limit=1000", caller), s -> s);
            return parts.part(Uni.combine().all().unis(upstreams.get(SCHOOLS,
                    schoolPath + "/statistics?schoolYear=" + schoolYear, caller), standards).asTuple(),
                    t -> new StatisticsAgainstStandards(Json.bool(t.getItem1(), "factsReported"), t.getItem2().status(),
                            Standards.apply(t.getItem1(), t.getItem2().data(), text(t.getItem1(), "region"))));
        });
        // counts only (limit=1, includeTotal): no teacher's record leaves schools-service for this
        String teachersOfSchool = "/schools/v1/teachers?school=" + school + "&includeTotal=true&limit=1";
        var teachers = part("teachers", args, caller, () -> parts.part(Uni.combine().all().unis(
                upstreams.get(SCHOOLS, teachersOfSchool, caller),
                upstreams.get(SCHOOLS, teachersOfSchool + "&employment=established", caller),
                upstreams.get(SCHOOLS, teachersOfSchool + "&honour=key-teacher&honourLevel=district", caller)).asTuple(),
                t -> new TeacherFigures(Json.longValue(t.getItem1(), "total"), Json.longValue(t.getItem2(), "total"),
                        Json.longValue(t.getItem3(), "total"))));
        return Uni.combine().all().unis(info, facts, againstStandards, teachers).asTuple().map(t -> {
            if (Part.NOT_FOUND.equals(t.getItem1().status())) {
                throw ProblemException.notFound("School " + school + " not found");
            }
            return new SchoolDashboard(school, schoolYear, t.getItem1(), t.getItem2(), t.getItem3(), t.getItem4());
        });
    }

    private <T> Uni<Part<T>> part(String name, String args, Caller caller, Supplier<Uni<Part<T>>> load) {
        return cache.get("school", name, args, caller, load);
    }

    static SchoolInfo info(JsonNode s) {
        List<String> stages = new ArrayList<>();
        array(s, "stages").forEach(n -> stages.add(n.asText()));
        return new SchoolInfo(text(s, "code"), text(s, "name"), text(s, "nameEn"), text(s, "region"), stages,
                text(s, "ownership"), s.hasNonNull("boarding") ? s.get("boarding").asBoolean() : null,
                s.hasNonNull("rural") ? s.get("rural").asBoolean() : null, text(s, "status"),
                integer(s, "capacitySeats"), integer(s, "plannedClasses"));
    }

    static SchoolYearFacts facts(JsonNode f) {
        return new SchoolYearFacts(integer(f, "pupils"), integer(f, "classes"), decimal(f, "teachingFloorArea"),
                decimal(f, "supportFloorArea"), decimal(f, "sportsGroundArea"), decimal(f, "equipmentValue"),
                integer(f, "multimediaClassrooms"), text(f, "source"));
    }
}

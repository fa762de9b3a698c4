package io.dengta.schools.statistics;

import java.math.BigDecimal;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;
import org.eclipse.microprofile.faulttolerance.exceptions.TimeoutException;
import org.jboss.logging.Logger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.dengta.commons.problem.ProblemException;
import io.dengta.commons.problem.ProblemType;
import io.dengta.commons.security.CallerScope;
import io.dengta.commons.security.RegionCodes;
import io.dengta.commons.security.Roles;
import io.dengta.schools.region.Region;
import io.dengta.schools.school.School;
import io.dengta.schools.school.SchoolAccess;
import io.dengta.schools.schoolyear.SchoolYear;

/** Registry statistics of regions and schools, and their publication to indicators-service. */
@ApplicationScoped
public class StatisticsService {

    static final String SOURCE = "schools-service";
    /** Seconds a caller should wait when indicators-service is down: the circuit breaker's delay. */
    static final String RETRY_AFTER = "30";
    private static final Logger LOG = Logger.getLogger(StatisticsService.class);

    private final StatisticsQueries queries;
    private final IndicatorsPublisher publisher;
    private final ObjectMapper json;

    public StatisticsService(StatisticsQueries queries, IndicatorsPublisher publisher, ObjectMapper json) {
        this.queries = queries;
        this.publisher = publisher;
        this.json = json;
    }

    /** A region's statistics (sub-regions included); a region outside the caller's scope is not found. */
    public RegionStatisticsView region(String regionCode, SchoolYear year, String stage, CallerScope caller) {
        Region region = Region.findById(regionCode);
        if (region == null || !caller.coversRegion(regionCode)) {
            throw ProblemException.notFound("Region " + regionCode + " not found");
        }
        SchoolYearPeriod period = SchoolYearPeriod.of(year);
        StatisticsQueries.Inputs inputs = queries.read(
                StatisticsQueries.Scope.region(RegionCodes.coveragePrefix(regionCode)), period, stage);
        Tally tally = regionTally(inputs);
        int schools = stage == null ? tally.schools()
                : (int) inputs.schools().stream().filter(s -> s.stages().contains(stage)).count();
        return new RegionStatisticsView(regionCode, region.name, year.code(), period.referenceDate(), stage, schools,
                inputs.schoolsWithoutFacts(), StatisticsCalculator.statistics(tally, stage));
    }

    /** One school's statistics; a school outside the caller's scope is not found. */
    public SchoolStatisticsView school(String schoolCode, SchoolYear year, SchoolAccess access) {
        School school = School.findById(schoolCode);
        if (school == null) {
            throw ProblemException.notFound("School " + schoolCode + " not found");
        }
        access.requireRead(schoolCode, school.regionCode, "School " + schoolCode);
        SchoolYearPeriod period = SchoolYearPeriod.of(year);
        StatisticsQueries.Inputs inputs = queries.read(StatisticsQueries.Scope.school(schoolCode), period, null);
        List<StatisticView> statistics;
        boolean reported = !inputs.schools().isEmpty();
        if (reported) {
            statistics = StatisticsCalculator.statistics(StatisticsCalculator.tally(inputs.schools().get(0)), null);
        } else {
            // without facts nothing per pupil, class or teacher is known: only the projects' seats
            Tally seats = new Tally();
            seats.setCount(StatisticKind.SEATS_ADDED, null,
                    BigDecimal.valueOf(inputs.schoolSeatsAdded().getOrDefault(schoolCode, 0)));
            statistics = StatisticsCalculator.statistics(seats, null).stream()
                    .filter(s -> s.statistic().equals(StatisticKind.SEATS_ADDED.code)).toList();
        }
        return new SchoolStatisticsView(schoolCode, school.regionCode, year.code(), period.referenceDate(), reported,
                statistics);
    }

    /**
     * Sends the region's statistics and each of its schools' to indicators-service as observations, with an
     * Idempotency-Key of region, school year and a hash of the rows: unchanged statistics published again are
     * recognised there as the same import.
     */
    public PublishView publish(String regionCode, SchoolYear year, String authorization, CallerScope caller) {
        Region region = Region.findById(regionCode);
        if (region == null) {
            throw ProblemException.notFound("Region " + regionCode + " not found");
        }
        // publishing is importing observations, which indicators-service allows data feeds (and admins) only
        boolean allowed = caller.isPlatformAdmin()
                || (caller.hasRole(Roles.DATA_FEED) && caller.coversRegion(regionCode));
        if (!allowed) {
            throw ProblemException.forbidden("Only platform admins and data feeds of region " + regionCode
                    + " may publish its statistics");
        }
        SchoolYearPeriod period = SchoolYearPeriod.of(year);
        StatisticsQueries.Inputs inputs = queries.read(
                StatisticsQueries.Scope.region(RegionCodes.coveragePrefix(regionCode)), period, null);
        Map<String, String> schoolRegions = new java.util.HashMap<>();
        School.<School>find("regionCode like ?1", RegionCodes.coveragePrefix(regionCode) + "%").stream()
                .forEach(s -> schoolRegions.put(s.code, s.regionCode));
        ObservationImport payload = observations(regionCode, year, inputs, schoolRegions);
        String key = idempotencyKey(regionCode, year, payload);
        int schools = inputs.schools().size();
        if (payload.rows().isEmpty()) {
            return new PublishView(regionCode, year.code(), period.referenceDate(), schools, 0, key, null, false, null);
        }
        IndicatorsPublisher.Outcome outcome = send(authorization, key, payload);
        return new PublishView(regionCode, year.code(), period.referenceDate(), schools, payload.rows().size(), key,
                outcome.status(), outcome.replayed(), outcome.report());
    }

    private static Tally regionTally(StatisticsQueries.Inputs inputs) {
        Tally tally = new Tally();
        inputs.schools().forEach(s -> tally.add(StatisticsCalculator.tally(s)));
        // by the projects' region: also new schools not registered yet
        tally.setCount(StatisticKind.SEATS_ADDED, null, BigDecimal.valueOf(inputs.regionSeatsAdded()));
        return tally;
    }

    /**
     * The rows: the region's statistics, then each school's (by code) where the catalog keeps the indicator for
     * schools too; only statistics with an indicator code and a value.
     */
    static ObservationImport observations(String regionCode, SchoolYear year, StatisticsQueries.Inputs inputs,
            Map<String, String> schoolRegions) {
        List<ObservationImport.Row> rows = new ArrayList<>();
        addRows(rows, regionCode, null, year, StatisticsCalculator.statistics(regionTally(inputs), null), true);
        inputs.schools().stream().sorted(Comparator.comparing(SchoolInput::schoolCode)).forEach(school -> addRows(rows,
                school.schoolCode(), schoolRegions.get(school.schoolCode()), year,
                StatisticsCalculator.statistics(StatisticsCalculator.tally(school), null), false));
        return new ObservationImport(List.copyOf(rows));
    }

    private static void addRows(List<ObservationImport.Row> rows, String unit, String unitRegion, SchoolYear year,
            List<StatisticView> statistics, boolean region) {
        for (StatisticView s : statistics) {
            if (s.indicator() == null || s.value() == null) {
                continue;
            }
            if (!region && IndicatorCatalog.get(s.indicator()).level() != IndicatorCatalog.Level.BOTH) {
                continue;
            }
            // a count has no denominator: its numerator is the value itself, and the import wants both or neither
            BigDecimal numerator = s.denominator() == null ? null : s.numerator();
            rows.add(new ObservationImport.Row(s.indicator(), unit, unitRegion, year.code(), s.stage(), s.value(),
                    numerator, s.denominator(), SOURCE));
        }
    }

    /** {@code schools-statistics:<region>:<schoolYear>:<SHA-256 of the payload's JSON>}. */
    String idempotencyKey(String regionCode, SchoolYear year, ObservationImport payload) {
        try {
            byte[] body = json.writeValueAsBytes(payload);
            String hash = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body));
            return "schools-statistics:" + regionCode + ":" + year.code() + ":" + hash;
        } catch (JsonProcessingException | NoSuchAlgorithmException e) {
            throw new IllegalStateException("The statistics could not be hashed", e);
        }
    }

    private IndicatorsPublisher.Outcome send(String authorization, String key, ObservationImport payload) {
        try {
            return publisher.send(authorization, key, payload);
        } catch (IndicatorsUnavailableException e) {
            LOG.warnf("Publishing statistics failed: %s", e.getMessage());
            throw new ProblemException(ProblemType.DEPENDENCY_UNAVAILABLE, "indicators-service is unavailable ("
                    + e.getMessage() + "); nothing was published, retry later",
                    List.of(), Map.of("Retry-After", e.retryAfter() != null ? e.retryAfter() : RETRY_AFTER));
        } catch (CircuitBreakerOpenException e) {
            throw new ProblemException(ProblemType.DEPENDENCY_UNAVAILABLE, "indicators-service failed repeatedly and "
                    + "is not called for a while; nothing was published, retry later", List.of(),
                    Map.of("Retry-After", RETRY_AFTER));
        } catch (TimeoutException e) {
            throw new ProblemException(ProblemType.DEPENDENCY_TIMEOUT, "indicators-service did not answer in time; the "
                    + "import may still complete there. Publishing again is safe: unchanged statistics carry the same "
                    + "Idempotency-Key", List.of(), Map.of("Retry-After", RETRY_AFTER));
        } catch (IndicatorsRefusedException e) {
            throw refused(e);
        }
    }

    private static ProblemException refused(IndicatorsRefusedException e) {
        return switch (e.status()) {
            case 401, 403 -> ProblemException.forbidden("indicators-service does not let your token import "
                    + "observations (it answered " + e.status() + ")");
            case 409 -> ProblemException.conflict("indicators-service is still importing these statistics under the "
                    + "same Idempotency-Key; publish again once it has finished");
            default -> {
                // our payload broke indicators-service's contract: not the caller's mistake
                LOG.errorf("indicators-service refused the statistics with %d: %s", e.status(), e.body());
                yield new ProblemException(ProblemType.INTERNAL, "indicators-service refused the statistics (status "
                        + e.status() + "); quote the request id when reporting it");
            }
        };
    }
}

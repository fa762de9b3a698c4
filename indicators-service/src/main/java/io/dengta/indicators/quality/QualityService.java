package io.dengta.indicators.quality;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.dengta.commons.security.RegionCodes;
import io.dengta.indicators.catalog.Indicator;
import io.dengta.indicators.observation.ObservationAccess;
import io.dengta.commons.period.Period;

/** Reads a region's observations of a period and their history in one query and runs {@link QualityChecker}. */
@ApplicationScoped
public class QualityService {

    public static final int MAX_FINDINGS = 5000;

    private final EntityManager em;
    private final QualitySettings settings;

    public QualityService(EntityManager em,
            @ConfigProperty(name = "dengta.quality.z-max", defaultValue = "3") BigDecimal zMax,
            @ConfigProperty(name = "dengta.quality.modified-z-max", defaultValue = "3.5") BigDecimal modifiedZMax,
            @ConfigProperty(name = "dengta.quality.year-over-year-max-change", defaultValue = "0.5") BigDecimal yoy,
            @ConfigProperty(name = "dengta.quality.history-periods", defaultValue = "10") int historyPeriods,
            @ConfigProperty(name = "dengta.quality.min-history", defaultValue = "4") int minHistory,
            @ConfigProperty(name = "dengta.quality.min-peers", defaultValue = "5") int minPeers) {
        this.em = em;
        this.settings = new QualitySettings(zMax, modifiedZMax, yoy, historyPeriods, minHistory, minPeers);
    }

    public QualityView check(String region, Period period, ObservationAccess.ListScope scope) {
        // the history window reaches back far enough for the year-over-year comparison too
        int steps = Math.max(settings.historyPeriods(), period.type().perYear());
        Period from = QualityChecker.earliest(period, steps);
        Query q = em.createQuery("""
                select o.indicatorCode, o.unitCode, o.unitType, o.regionCode, o.stage, o.periodCode, o.value
                from Observation o
                where o.regionCode like :region and o.periodType = :type and o.periodStart between :from and :to
                  and o.deletedAt is null"""
                + (scope.approvedOnly() ? " and o.status = 'approved'" : ""));
        q.setParameter("region", RegionCodes.coveragePrefix(region) + "%");
        q.setParameter("type", period.type().code());
        q.setParameter("from", from.startDate());
        q.setParameter("to", period.startDate());
        List<QualityChecker.Obs> observations = new ArrayList<>();
        Map<String, Period> periods = new HashMap<>();
        int checked = 0;
        for (Object row : q.getResultList()) {
            Object[] f = (Object[]) row;
            Period p = periods.computeIfAbsent((String) f[5], Period::parse);
            checked += p.equals(period) ? 1 : 0;
            observations.add(new QualityChecker.Obs((String) f[0], (String) f[1], (String) f[2], (String) f[3],
                    "".equals(f[4]) ? null : (String) f[4], p, (BigDecimal) f[6]));
        }
        Map<String, QualityChecker.IndicatorInfo> catalog = new HashMap<>();
        for (Indicator i : Indicator.<Indicator>listAll()) {
            catalog.put(i.code, new QualityChecker.IndicatorInfo(i.code, i.unit, i.minValue, i.maxValue));
        }
        List<QualityFinding> findings = QualityChecker.check(period, observations, catalog, settings);
        int errors = (int) findings.stream().filter(f -> f.severity().equals("error")).count();
        boolean truncated = findings.size() > MAX_FINDINGS;
        return new QualityView(region, period.code(), settings, checked, observations.size() - checked, errors,
                findings.size() - errors, truncated ? findings.subList(0, MAX_FINDINGS) : findings, truncated);
    }
}

package dev.candor.aftersales.model;

import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The after-sales standard of one product category: the duration of every time limit, how long after
 * receipt a complaint may be filed, how soon a quality problem must be reported (none for some
 * categories: jewellery and jade need not be reported within 48 hours), and the named scenarios that are
 * not quality problems (apparel damaged by ignoring the washing label), shown to reviewers.
 *
 * @param qualityReportWindow empty when the category sets no such limit
 */
public record CategoryStandard(String category, Map<TimeLimit, Duration> timeLimits, Duration complaintWindow,
                               Optional<Duration> qualityReportWindow, List<NonQualityScenario> nonQualityScenarios) {

    public CategoryStandard {
        EnumMap<TimeLimit, Duration> complete = new EnumMap<>(TimeLimit.class);
        complete.putAll(timeLimits);
        for (TimeLimit limit : TimeLimit.values()) {
            if (!complete.containsKey(limit)) {
                throw new IllegalArgumentException("category " + category + " has no duration for " + limit);
            }
        }
        timeLimits = Map.copyOf(complete);
        nonQualityScenarios = List.copyOf(nonQualityScenarios);
    }

    public Duration duration(TimeLimit limit) {
        return timeLimits.get(limit);
    }

    /** A situation the category standard says is not a quality problem, in English and Simplified Chinese. */
    public record NonQualityScenario(String code, String en, String zh) {
    }
}

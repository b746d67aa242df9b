package dev.candor.aftersales.infrastructure;

import dev.candor.aftersales.model.CategoryStandard;
import dev.candor.aftersales.model.CategoryStandard.NonQualityScenario;
import dev.candor.aftersales.model.TimeLimit;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * The category standards, from configuration ({@code candor.aftersales}): a default standard, and per
 * category only what differs from it. A category nobody configured follows the default.
 */
@Component
public class CategoryStandards {

    /** How the standards are configured; see {@code application.yml}. */
    @ConfigurationProperties("candor.aftersales")
    public record Properties(StandardProperties defaults, Map<String, StandardProperties> categories) {
    }

    /**
     * One standard's settings; anything left out is taken from the defaults.
     *
     * @param qualityReportWindow {@code 0} (or {@code none}) means the category sets no reporting window
     */
    public record StandardProperties(Map<TimeLimit, Duration> timeLimits, Duration complaintWindow,
                                     Duration qualityReportWindow, List<NonQualityScenario> nonQualityScenarios) {
    }

    private final CategoryStandard fallback;
    private final Map<String, CategoryStandard> byCategory;

    CategoryStandards(Properties properties) {
        StandardProperties defaults = properties.defaults();
        if (defaults == null || defaults.complaintWindow() == null || defaults.timeLimits() == null) {
            throw new IllegalStateException("candor.aftersales.defaults must set time-limits and complaint-window");
        }
        this.fallback = merge("default", defaults, new StandardProperties(Map.of(), null, null, null));
        Map<String, CategoryStandard> standards = new TreeMap<>();
        if (properties.categories() != null) {
            properties.categories().forEach((name, own) -> standards.put(normalize(name), merge(normalize(name), defaults, own)));
        }
        this.byCategory = Map.copyOf(standards);
    }

    /** The standard of a category (case-insensitive); the default standard for a category nobody configured. */
    public CategoryStandard forCategory(String category) {
        if (category == null) {
            return fallback;
        }
        return Optional.ofNullable(byCategory.get(normalize(category))).orElse(fallback);
    }

    /** The default standard first, then every configured category by name. */
    public List<CategoryStandard> all() {
        return java.util.stream.Stream.concat(java.util.stream.Stream.of(fallback), byCategory.values().stream()).toList();
    }

    private static CategoryStandard merge(String category, StandardProperties defaults, StandardProperties own) {
        Map<TimeLimit, Duration> limits = new EnumMap<>(TimeLimit.class);
        limits.putAll(defaults.timeLimits());
        if (own.timeLimits() != null) {
            limits.putAll(own.timeLimits());
        }
        Duration complaint = own.complaintWindow() != null ? own.complaintWindow() : defaults.complaintWindow();
        Duration report = own.qualityReportWindow() != null ? own.qualityReportWindow() : defaults.qualityReportWindow();
        List<NonQualityScenario> scenarios = own.nonQualityScenarios() != null ? own.nonQualityScenarios()
                : defaults.nonQualityScenarios() != null ? defaults.nonQualityScenarios() : List.of();
        return new CategoryStandard(category, limits, complaint,
                report == null || report.isZero() ? Optional.empty() : Optional.of(report), scenarios);
    }

    private static String normalize(String category) {
        return category.trim().toLowerCase(Locale.ROOT);
    }
}

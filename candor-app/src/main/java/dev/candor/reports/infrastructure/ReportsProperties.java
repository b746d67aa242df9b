package dev.candor.reports.infrastructure;

import dev.candor.reports.model.ComplainantPolicy;
import dev.candor.reports.model.ComplainantTier;
import java.time.Duration;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code candor.reports.*}: the review time limit and the complainant-quality policy. The defaults are
 * Candor's own starting points, not published platform rules: an operator sets them.
 */
@ConfigurationProperties("candor.reports")
public record ReportsProperties(@DefaultValue("24h") Duration reviewTimeLimit, @DefaultValue Complainant complainant) {

    public ReportsProperties {
        if (reviewTimeLimit.isNegative() || reviewTimeLimit.isZero()) {
            throw new IllegalArgumentException("candor.reports.review-time-limit must be positive");
        }
    }

    /** {@code candor.reports.complainant.*} */
    public record Complainant(@DefaultValue("90d") Duration window, @DefaultValue("5") int minimumSample,
                              @DefaultValue("0.8") double goodFrom, @DefaultValue("0.5") double poorBelow,
                              @DefaultValue("0.2") double maliciousBelow, @DefaultValue Weights weights) {
    }

    /** {@code candor.reports.complainant.weights.*}: how much a report of each tier counts before review. */
    public record Weights(@DefaultValue("1.0") double good, @DefaultValue("0.6") double ordinary,
                          @DefaultValue("0.3") double poor, @DefaultValue("0.0") double malicious) {
    }

    public ComplainantPolicy complainantPolicy() {
        Weights w = complainant.weights();
        return new ComplainantPolicy(complainant.window(), complainant.minimumSample(), complainant.goodFrom(),
                complainant.poorBelow(), complainant.maliciousBelow(), Map.of(ComplainantTier.GOOD, w.good(),
                ComplainantTier.ORDINARY, w.ordinary(), ComplainantTier.POOR, w.poor(), ComplainantTier.MALICIOUS, w.malicious()));
    }
}

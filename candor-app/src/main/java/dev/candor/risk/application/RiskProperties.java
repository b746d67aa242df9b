package dev.candor.risk.application;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the risk decision.
 *
 * @param featureBudget how long reading the features may take; a decision whose features came later goes to
 *     a person ({@code FEATURES_LATE})
 * @param storeRecordTtl how long a node reuses a store's 90-day record before reading it again
 * @param replayLimit the most cases one replay reads
 */
@ConfigurationProperties("candor.risk")
public record RiskProperties(Duration featureBudget, Duration storeRecordTtl, int replayLimit) {

    public RiskProperties {
        featureBudget = featureBudget == null ? Duration.ofMillis(200) : featureBudget;
        storeRecordTtl = storeRecordTtl == null ? Duration.ofMinutes(1) : storeRecordTtl;
        replayLimit = replayLimit <= 0 ? 100_000 : replayLimit;
    }
}

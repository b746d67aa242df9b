package dev.candor.reports.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ComplainantPolicyTest {

    private final ComplainantPolicy policy = ComplainantPolicy.defaults();

    @Test
    void fewerDecidedReportsThanTheMinimumSampleAreOrdinaryWhateverTheirAccuracy() {
        assertThat(policy.standing(4, 0).tier()).isEqualTo(ComplainantTier.ORDINARY);
        assertThat(policy.standing(0, 4).tier()).isEqualTo(ComplainantTier.ORDINARY);
        assertThat(policy.standing(0, 0).accuracy()).isEmpty();
        assertThat(policy.standing(0, 0).weight()).isEqualTo(0.6);
    }

    @Test
    void accuracyPutsAStoreInATierAtTheThresholds() {
        assertThat(policy.standing(4, 1).tier()).as("80 %").isEqualTo(ComplainantTier.GOOD);
        assertThat(policy.standing(3, 1).tier()).as("75 %").isEqualTo(ComplainantTier.ORDINARY);
        assertThat(policy.standing(5, 5).tier()).as("50 %").isEqualTo(ComplainantTier.ORDINARY);
        assertThat(policy.standing(4, 5).tier()).as("44 %").isEqualTo(ComplainantTier.POOR);
        assertThat(policy.standing(1, 4).tier()).as("20 %").isEqualTo(ComplainantTier.POOR);
        assertThat(policy.standing(1, 5).tier()).as("17 %").isEqualTo(ComplainantTier.MALICIOUS);
        assertThat(policy.standing(0, 5).tier()).as("0 %").isEqualTo(ComplainantTier.MALICIOUS);
    }

    @Test
    void eachTierCarriesItsWeight() {
        assertThat(policy.standing(5, 0).weight()).isEqualTo(1.0);
        assertThat(policy.standing(2, 3).weight()).isEqualTo(0.3);
        assertThat(policy.standing(0, 5).weight()).isEqualTo(0.0);
        ComplainantStanding standing = policy.standing(3, 2);
        assertThat(standing.accuracy()).hasValue(0.6);
        assertThat(standing.decided()).isEqualTo(5);
    }

    @Test
    void configuredThresholdsAndMinimumSampleApply() {
        ComplainantPolicy strict = new ComplainantPolicy(Duration.ofDays(30), 2, 0.95, 0.7, 0.5,
                Map.of(ComplainantTier.GOOD, 1.0, ComplainantTier.ORDINARY, 0.5, ComplainantTier.POOR, 0.2,
                        ComplainantTier.MALICIOUS, 0.0));
        assertThat(strict.standing(9, 1).tier()).isEqualTo(ComplainantTier.ORDINARY);
        assertThat(strict.standing(1, 1).tier()).isEqualTo(ComplainantTier.POOR);
        assertThat(strict.standing(0, 2).tier()).isEqualTo(ComplainantTier.MALICIOUS);
    }

    @Test
    void inconsistentPoliciesAreRefused() {
        Map<ComplainantTier, Double> weights = Map.of(ComplainantTier.GOOD, 1.0, ComplainantTier.ORDINARY, 0.6,
                ComplainantTier.POOR, 0.3, ComplainantTier.MALICIOUS, 0.0);
        assertThatThrownBy(() -> new ComplainantPolicy(Duration.ofDays(90), 5, 0.5, 0.8, 0.2, weights))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ComplainantPolicy(Duration.ZERO, 5, 0.8, 0.5, 0.2, weights))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ComplainantPolicy(Duration.ofDays(90), 5, 0.8, 0.5, 0.2, Map.of(ComplainantTier.GOOD, 1.0)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}

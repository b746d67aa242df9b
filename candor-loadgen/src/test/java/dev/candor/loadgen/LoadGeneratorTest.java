package dev.candor.loadgen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class LoadGeneratorTest {

    @Test
    void theSeedPlanLeavesAQuarterCleanAndRestrictsHalf() {
        List<SeedPlan.Finding> findings = new SeedPlan("r1", 8, 3).findings();
        assertThat(findings).hasSize(0 + 1 + 1 + 2 + 0 + 1 + 1 + 2);
        assertThat(findings).extracting(SeedPlan.Finding::findingKey).doesNotHaveDuplicates();
        assertThat(findings.getFirst().buyerId()).isEqualTo("lg-r1-buyer-1");
        assertThat(findings.getFirst().storeId()).isEqualTo("lg-r1-store-1");
        assertThat(findings.getFirst().json()).contains("\"type\":\"ABNORMAL_REFUND_ONLY\"").contains("\"findingKey\":\"loadgen-r1-1-0\"");
    }

    @Test
    void onlyLoopbackAddressesAreLoaded() {
        LoadGenerator.requireLoopback(URI.create("http://127.0.0.1:8080"));
        LoadGenerator.requireLoopback(URI.create("http://localhost:8080"));
        assertThatThrownBy(() -> LoadGenerator.requireLoopback(URI.create("http://192.0.2.10:8080")))
                .hasMessageContaining("not a loopback address");
    }

    @Test
    void durationsReadTheShortAndTheIsoForms() {
        Durations durations = new Durations();
        assertThat(durations.convert("30s")).isEqualTo(Duration.ofSeconds(30));
        assertThat(durations.convert("2m")).isEqualTo(Duration.ofMinutes(2));
        assertThat(durations.convert("500ms")).isEqualTo(Duration.ofMillis(500));
        assertThat(durations.convert("PT45S")).isEqualTo(Duration.ofSeconds(45));
    }
}

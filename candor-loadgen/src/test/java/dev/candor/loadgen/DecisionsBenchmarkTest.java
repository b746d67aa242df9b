package dev.candor.loadgen;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class DecisionsBenchmarkTest {

    private final DecisionPlan plan = new DecisionPlan("r1", 3, 10, 1000);

    @Test
    void anOrderIsDeliveredInsideTheComplaintWindowAndTheRequestAsksAtMostItsTotal() {
        Instant seededAt = Instant.parse("2026-11-22T10:00:00Z");
        DecisionPlan.Facts facts = plan.facts(17);
        String order = plan.orderJson(17, seededAt);
        assertThat(order).contains("\"buyerId\":\"lg-r1-buyer-7\"")
                .contains("\"storeId\":\"lg-r1-store-" + facts.store() + "\"")
                .contains("\"totalCents\":" + facts.totalCents())
                .contains("\"category\":\"" + facts.category() + "\"")
                .contains("\"deliveredAt\":\"" + seededAt.minus(facts.deliveredAgo()) + "\"");
        long requested = facts.partRefund() ? facts.totalCents() / 2 : facts.totalCents();
        assertThat(plan.caseJson(17)).contains("\"orderId\":\"lg-r1-order-17\"").contains("\"requestedCents\":" + requested + "}");
        assertThat(plan.facts(17)).isEqualTo(facts);
    }

    @Test
    void theOrdersCoverEveryCategoryValueDeliveryTypeAndReason() {
        var all = IntStream.range(0, plan.orders()).mapToObj(plan::facts).toList();
        assertThat(all).extracting(DecisionPlan.Facts::category).containsAll(DecisionPlan.CATEGORIES);
        assertThat(all).extracting(DecisionPlan.Facts::totalCents).containsAll(DecisionPlan.VALUES);
        assertThat(all).extracting(DecisionPlan.Facts::deliveredAgo).containsAll(DecisionPlan.DELIVERED_AGO);
        assertThat(all).extracting(DecisionPlan.Facts::type).containsAll(DecisionPlan.TYPES);
        assertThat(all).extracting(DecisionPlan.Facts::reason).containsAll(DecisionPlan.REASONS);
        assertThat(all).extracting(DecisionPlan.Facts::store).containsOnly(0, 1, 2);
        assertThat(all.stream().filter(DecisionPlan.Facts::partRefund).count()).isBetween(150L, 350L);
        assertThat(IntStream.range(0, plan.orders()).mapToObj(plan::idempotencyKey).distinct().count()).isEqualTo(1000);
    }

    @Test
    void theDecisionIsReadWhereverTheAnswerPutsIt() {
        assertThat(Decisions.of(bytes("{\"id\":\"c1\",\"decision\":\"REQUEST_EVIDENCE\"}"))).isEqualTo("REQUEST_EVIDENCE");
        assertThat(Decisions.of(bytes("{\"decision\":{\"version\":3,\"outcome\":\"APPROVE_NOW\",\"reasons\":[]}}"))).isEqualTo("APPROVE_NOW");
        assertThat(Decisions.of(bytes("{\"decision\":{\"reasons\":[{\"code\":\"X\"}],\"current\":{\"outcome\":\"REJECT\"}}}"))).isEqualTo("REJECT");
        assertThat(Decisions.of(bytes("{\"id\":\"c1\",\"state\":\"AWAITING_MERCHANT\"}"))).isEqualTo(Decisions.ABSENT);
        assertThat(Decisions.of(bytes("{\"decision\":{\"outcome\":\"MAYBE\"}}"))).isEqualTo(Decisions.UNREADABLE);
        assertThat(Decisions.of(bytes("<html>"))).isEqualTo(Decisions.UNREADABLE);
    }

    @Test
    void aBatchAnswerGivesEachRequestsOutcomeOrTheCodeOfItsProblem() {
        assertThat(Decisions.ofBatch(bytes("""
                {"opened":2,"refused":1,"results":[
                 {"index":0,"status":201,"decision":{"outcome":"APPROVE_NOW"},"problem":null},
                 {"index":1,"status":409,"decision":null,"problem":{"code":"case.already-open"}},
                 {"index":2,"status":201,"decision":{"outcome":"SEND_TO_REVIEW"}}]}""")))
                .containsExactly("APPROVE_NOW", "case.already-open", "SEND_TO_REVIEW");
        assertThat(Decisions.ofBatch(bytes("{\"results\":[{\"status\":201}]}"))).containsExactly(Decisions.ABSENT);
        assertThat(Decisions.ofBatch(bytes("{\"decision\":\"APPROVE_NOW\"}"))).containsExactly(Decisions.UNREADABLE);
        assertThat(Decisions.ofBatch(bytes("<html>"))).containsExactly(Decisions.UNREADABLE);
    }

    @Test
    void theSubcommandRefusesABatchOverOneHundred() {
        assertThat(refusal("--batch", "101")).startsWith("--batch must be 1 to 100");
    }

    @Test
    void theSubcommandRefusesAnUnboundedRunWithoutAnOrderCount() {
        assertThat(refusal("--rate", "0")).startsWith("--rate 0 (unbounded) needs --orders");
    }

    /** Runs the subcommand with these options besides its token and address; asserts usage exit 2, answers stderr. */
    private static String refusal(String... options) {
        StringWriter err = new StringWriter();
        String[] args = Stream.concat(
                Stream.of("decisions", "--token", "t", "--base-url", "http://127.0.0.1:1"),
                Arrays.stream(options)).toArray(String[]::new);
        int exit = new CommandLine(new LoadGenerator()).setErr(new PrintWriter(err)).execute(args);
        assertThat(exit).isEqualTo(2);
        return err.toString();
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}

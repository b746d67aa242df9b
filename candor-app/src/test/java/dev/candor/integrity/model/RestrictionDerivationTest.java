package dev.candor.integrity.model;

import static dev.candor.integrity.model.RestrictionKind.AFTER_SALES_REJECTED_AT_STORE;
import static dev.candor.integrity.model.RestrictionKind.MERCHANT_REMINDER;
import static dev.candor.integrity.model.RestrictionKind.MERCHANT_RESTRICTED;
import static dev.candor.integrity.model.RestrictionKind.MERCHANT_SERIOUS_WARNING;
import static dev.candor.integrity.model.RestrictionKind.MERCHANT_TERMINATED;
import static dev.candor.integrity.model.RestrictionKind.MERCHANT_WARNING;
import static dev.candor.integrity.model.RestrictionKind.REFUND_ONLY_DISABLED;
import static org.assertj.core.api.Assertions.assertThat;

import dev.candor.integrity.SubjectType;
import dev.candor.integrity.ViolationType;
import dev.candor.integrity.model.PenaltyPolicy.Setting;
import dev.candor.integrity.model.PenaltyPolicy.Threshold;
import dev.candor.integrity.model.PenaltyPolicy.TypePoints;
import dev.candor.integrity.model.RestrictionDerivation.Derived;
import dev.candor.integrity.model.RestrictionDerivation.InForce;
import dev.candor.integrity.model.RestrictionDerivation.LiftReason;
import dev.candor.integrity.model.RestrictionDerivation.Plan;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class RestrictionDerivationTest {

    static final Instant T0 = Instant.parse("2026-06-01T00:00:00Z");
    static final Duration YEAR = Duration.ofDays(365);

    /** The defaults of migration V6, as a document. */
    static PenaltyPolicy defaults() {
        List<TypePoints> points = Arrays.stream(ViolationType.values()).map(t -> new TypePoints(t, switch (t) {
            case ABNORMAL_REFUND_ONLY, MALICIOUS_COMPLAINT, MALICIOUS_REPORTING -> 3;
            case WEB_IMAGE -> 4;
            case FORGED_EVIDENCE -> 12;
            case FLAWED_FULFILMENT -> 1;
            default -> 6;
        }, "Candor default")).toList();
        return new PenaltyPolicy(points, new Setting(YEAR, "Candor default"), new Setting(Duration.ofDays(30), "PRODUCT.md"),
                new Setting(Duration.ofDays(7), "PRODUCT.md"),
                List.of(new Threshold(AFTER_SALES_REJECTED_AT_STORE, 6, Duration.ofDays(90), "Candor default"),
                        new Threshold(REFUND_ONLY_DISABLED, 9, Duration.ofDays(90), "Candor default"),
                        new Threshold(RestrictionKind.PURCHASE_LIMIT_AT_STORE, 12, Duration.ofDays(180), "Candor default"),
                        new Threshold(RestrictionKind.PLATFORM_PURCHASE_LIMIT, 18, Duration.ofDays(90), "Candor default"),
                        new Threshold(RestrictionKind.NO_PLATFORM_INTERVENTION, 24, Duration.ofDays(180), "Candor default"),
                        new Threshold(RestrictionKind.ORDERING_SUSPENDED, 36, Duration.ofDays(365), "Candor default")),
                List.of(new Threshold(MERCHANT_REMINDER, 3, null, "PRODUCT.md"), new Threshold(MERCHANT_WARNING, 6, null, "PRODUCT.md"),
                        new Threshold(MERCHANT_SERIOUS_WARNING, 9, null, "PRODUCT.md"),
                        new Threshold(MERCHANT_RESTRICTED, 12, Duration.ofDays(15), "PRODUCT.md"),
                        new Threshold(MERCHANT_TERMINATED, 36, null, "PRODUCT.md")));
    }

    static CountingEntry entry(String store, int points, Instant at) {
        return new CountingEntry(UUID.randomUUID(), store, points, at, at.plus(YEAR));
    }

    @Test
    void theDefaultsAreAValidPolicy() {
        assertThat(defaults().problems()).isEmpty();
    }

    @Test
    void anIncompleteOrDisorderedPolicyIsRefusedWithEveryProblemNamed() {
        PenaltyPolicy d = defaults();
        List<Threshold> ladder = new ArrayList<>(d.merchantLadder());
        ladder.set(1, new Threshold(MERCHANT_WARNING, 2, null, "Candor default"));
        PenaltyPolicy bad = new PenaltyPolicy(d.points().subList(1, d.points().size()), new Setting(Duration.ZERO, "x"),
                d.appealWindow(), new Setting(Duration.ofDays(7), " "), d.buyerRestrictions().subList(0, 5), ladder);
        assertThat(bad.problems()).anyMatch(p -> p.contains("missing [ABNORMAL_REFUND_ONLY]"))
                .anyMatch(p -> p.startsWith("decay: the duration must be positive"))
                .anyMatch(p -> p.startsWith("reviewLimit: a basis"))
                .anyMatch(p -> p.startsWith("buyerRestrictions: must list each"));
        PenaltyPolicy onlyLadderWrong = new PenaltyPolicy(d.points(), d.decay(), d.appealWindow(), d.reviewLimit(),
                d.buyerRestrictions(), ladder);
        assertThat(onlyLadderWrong.problems()).containsExactly(
                "merchantLadder: thresholds must rise step by step in the order MERCHANT_REMINDER < MERCHANT_WARNING < "
                        + "MERCHANT_SERIOUS_WARNING < MERCHANT_RESTRICTED < MERCHANT_TERMINATED");
    }

    @Test
    void storeScopedThresholdsCountOnlyThePointsThatStoreReported() {
        List<CountingEntry> entries = List.of(entry("a", 3, T0), entry("b", 2, T0.plusSeconds(60)));
        assertThat(RestrictionDerivation.derive(SubjectType.BUYER, defaults(), entries, T0.plusSeconds(120))).isEmpty();

        List<CountingEntry> more = new ArrayList<>(entries);
        more.add(entry("a", 3, T0.plusSeconds(180)));
        List<Derived> derived = RestrictionDerivation.derive(SubjectType.BUYER, defaults(), more, T0.plusSeconds(200));
        assertThat(derived).singleElement().satisfies(d -> {
            assertThat(d.kind()).isEqualTo(AFTER_SALES_REJECTED_AT_STORE);
            assertThat(d.storeId()).isEqualTo("a");
            assertThat(d.points()).isEqualTo(6);
            assertThat(d.startsAt()).isEqualTo(T0.plusSeconds(180));
            assertThat(d.endsAt()).isEqualTo(T0.plusSeconds(180).plus(Duration.ofDays(90)));
        });
        more.add(entry("b", 4, T0.plusSeconds(240)));
        assertThat(RestrictionDerivation.derive(SubjectType.BUYER, defaults(), more, T0.plusSeconds(300)))
                .extracting(Derived::kind, Derived::storeId)
                .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple(AFTER_SALES_REJECTED_AT_STORE, "a"),
                        org.assertj.core.groups.Tuple.tuple(AFTER_SALES_REJECTED_AT_STORE, "b"),
                        org.assertj.core.groups.Tuple.tuple(REFUND_ONLY_DISABLED, null));
    }

    @Test
    void aRestrictionEndsWhenDecayTakesThePointsBelowItsThresholdEvenBeforeItsDuration() {
        PenaltyPolicy d = defaults();
        PenaltyPolicy longRestriction = new PenaltyPolicy(d.points(), d.decay(), d.appealWindow(), d.reviewLimit(),
                d.buyerRestrictions().stream().map(t -> new Threshold(t.kind(), t.points(), Duration.ofDays(3650), t.basis())).toList(),
                d.merchantLadder());
        CountingEntry first = entry("a", 3, T0);
        CountingEntry second = entry("a", 3, T0.plus(Duration.ofDays(100)));
        Derived derived = RestrictionDerivation.derive(SubjectType.BUYER, longRestriction, List.of(first, second),
                T0.plus(Duration.ofDays(101))).getFirst();
        assertThat(derived.endsAt()).isEqualTo(first.expiresAt());
        assertThat(RestrictionDerivation.derive(SubjectType.BUYER, longRestriction, List.of(first, second), first.expiresAt()))
                .isEmpty();
    }

    @Test
    void aServedRestrictionDoesNotStartAgainFromTheSameEntries() {
        List<CountingEntry> entries = List.of(entry("a", 6, T0));
        assertThat(RestrictionDerivation.derive(SubjectType.BUYER, defaults(), entries, T0.plus(Duration.ofDays(89)))).hasSize(1);
        assertThat(RestrictionDerivation.derive(SubjectType.BUYER, defaults(), entries, T0.plus(Duration.ofDays(90)))).isEmpty();
    }

    @Test
    void theMerchantClimbsTheLadderOneStepAtATimeAndStaysOnTheHighestItReaches() {
        List<CountingEntry> entries = new ArrayList<>();
        List<RestrictionKind> steps = new ArrayList<>();
        Instant now = T0;
        for (int i = 0; i < 12; i++) {
            now = now.plus(Duration.ofHours(1));
            entries.add(entry("s", 1, now));
            List<Derived> derived = RestrictionDerivation.derive(SubjectType.MERCHANT, defaults(), entries, now);
            assertThat(derived).hasSizeLessThanOrEqualTo(1);
            steps.add(derived.isEmpty() ? null : derived.getFirst().kind());
        }
        assertThat(steps).containsExactly(null, null, MERCHANT_REMINDER, MERCHANT_REMINDER, MERCHANT_REMINDER, MERCHANT_WARNING,
                MERCHANT_WARNING, MERCHANT_WARNING, MERCHANT_SERIOUS_WARNING, MERCHANT_SERIOUS_WARNING, MERCHANT_SERIOUS_WARNING,
                MERCHANT_RESTRICTED);
        Derived restricted = RestrictionDerivation.derive(SubjectType.MERCHANT, defaults(), entries, now).getFirst();
        assertThat(restricted.endsAt()).isEqualTo(now.plus(Duration.ofDays(15)));
        assertThat(RestrictionDerivation.derive(SubjectType.MERCHANT, defaults(), entries, now.plus(Duration.ofDays(15))))
                .extracting(Derived::kind).containsExactly(MERCHANT_SERIOUS_WARNING);
        assertThat(RestrictionDerivation.ladderStep(defaults(), 12)).contains(MERCHANT_RESTRICTED);
        assertThat(RestrictionDerivation.ladderStep(defaults(), 2)).isEmpty();
    }

    @Test
    void reconcilingStartsWhatIsDueLiftsWhatIsNotAndKeepsWhatStillHolds() {
        CountingEntry a1 = entry("a", 3, T0);
        CountingEntry a2 = entry("a", 3, T0.plusSeconds(10));
        Instant now = T0.plusSeconds(20);
        List<Derived> desired = RestrictionDerivation.derive(SubjectType.BUYER, defaults(), List.of(a1, a2), now);
        Plan first = RestrictionDerivation.reconcile(List.of(), desired, List.of(a1, a2), now);
        assertThat(first.lifts()).isEmpty();
        assertThat(first.starts()).isEqualTo(desired);

        InForce started = new InForce(UUID.randomUUID(), AFTER_SALES_REJECTED_AT_STORE, "a", desired.getFirst().endsAt(), 6,
                desired.getFirst().entryIds());
        assertThat(RestrictionDerivation.reconcile(List.of(started), desired, List.of(a1, a2), now).isEmpty()).isTrue();

        Plan afterRevocation = RestrictionDerivation.reconcile(List.of(started),
                RestrictionDerivation.derive(SubjectType.BUYER, defaults(), List.of(a2), now), List.of(a2), now);
        assertThat(afterRevocation.lifts()).singleElement().extracting(RestrictionDerivation.Lift::reason)
                .isEqualTo(LiftReason.POINTS_BELOW_THRESHOLD);
        assertThat(afterRevocation.starts()).isEmpty();

        CountingEntry a3 = entry("a", 3, now.plus(Duration.ofDays(1)));
        Instant later = now.plus(Duration.ofDays(2));
        Plan renewed = RestrictionDerivation.reconcile(List.of(started),
                RestrictionDerivation.derive(SubjectType.BUYER, defaults(), List.of(a1, a2, a3), later), List.of(a1, a2, a3), later);
        assertThat(renewed.lifts()).extracting(RestrictionDerivation.Lift::reason).containsExactly(LiftReason.SUPERSEDED);
        assertThat(renewed.starts()).extracting(Derived::kind).containsExactly(AFTER_SALES_REJECTED_AT_STORE, REFUND_ONLY_DISABLED);

        Plan ended = RestrictionDerivation.reconcile(List.of(started), List.of(), List.of(a1, a2), started.endsAt());
        assertThat(ended.lifts()).extracting(RestrictionDerivation.Lift::reason).containsExactly(LiftReason.ENDED);
    }

    @Test
    void aRestrictionKeepsTheThresholdOfItsPolicyVersionWhenANewVersionAsksForMore() {
        CountingEntry a1 = entry("a", 6, T0);
        InForce underV1 = new InForce(UUID.randomUUID(), AFTER_SALES_REJECTED_AT_STORE, "a", T0.plus(Duration.ofDays(90)), 6,
                List.of(a1.id()));
        PenaltyPolicy d = defaults();
        PenaltyPolicy stricter = new PenaltyPolicy(d.points(), d.decay(), d.appealWindow(), d.reviewLimit(),
                d.buyerRestrictions().stream().map(t -> new Threshold(t.kind(), t.points() * 2, t.duration(), t.basis())).toList(),
                d.merchantLadder());
        Instant now = T0.plusSeconds(60);
        List<Derived> underV2 = RestrictionDerivation.derive(SubjectType.BUYER, stricter, List.of(a1), now);
        assertThat(underV2).isEmpty();
        assertThat(RestrictionDerivation.reconcile(List.of(underV1), underV2, List.of(a1), now).isEmpty()).isTrue();
    }
}

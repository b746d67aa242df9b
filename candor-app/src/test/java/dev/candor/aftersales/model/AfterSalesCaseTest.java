package dev.candor.aftersales.model;

import static dev.candor.aftersales.model.CaseFixtures.NOW;
import static dev.candor.aftersales.model.CaseFixtures.aRefundOnlyCase;
import static dev.candor.aftersales.model.CaseFixtures.aReturnAndRefundCase;
import static dev.candor.aftersales.model.CaseFixtures.anExchange;
import static dev.candor.aftersales.model.CaseFixtures.standard;
import static org.assertj.core.api.Assertions.assertThat;

import dev.candor.aftersales.model.CaseCommand.*;
import dev.candor.aftersales.model.Outcome.Moved;
import dev.candor.aftersales.model.Outcome.Refusal;
import dev.candor.aftersales.model.Outcome.Refused;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class AfterSalesCaseTest {

    private static Outcome apply(AfterSalesCase c, CaseCommand command, Party party, Instant at) {
        return c.apply(command, party, party.name().toLowerCase(), at, standard());
    }

    private static Outcome apply(AfterSalesCase c, CaseCommand command, Party party) {
        return apply(c, command, party, NOW);
    }

    @Test
    void aNewRequestWaitsForTheMerchantWithAutoAgreeAfter48Hours() {
        AfterSalesCase c = aRefundOnlyCase().open();
        assertThat(c.state()).isEqualTo(CaseState.REQUESTED);
        assertThat(c.deadline().limit()).isEqualTo(TimeLimit.MERCHANT_RESPONSE);
        assertThat(c.deadline().dueAt()).isEqualTo(NOW.plus(Duration.ofHours(48)));
        assertThat(c.deadline().onExpiry()).isEqualTo(Action.AUTO_AGREE);
    }

    @Test
    void agreeingToRefundOnlyAsksForTheRequestedRefund() {
        AfterSalesCase c = aRefundOnlyCase().asking(8_000).open();
        Outcome outcome = apply(c, new Agree(), Party.MERCHANT);
        assertThat(outcome).isInstanceOf(Moved.class);
        assertThat(c.state()).isEqualTo(CaseState.REFUNDING);
        assertThat(c.refund().amountCents()).isEqualTo(8_000);
    }

    @Test
    void agreeingToAReturnWaitsSevenDaysForTheBuyerToShip() {
        AfterSalesCase c = aReturnAndRefundCase().open();
        apply(c, new Agree(), Party.MERCHANT);
        assertThat(c.state()).isEqualTo(CaseState.AWAITING_RETURN);
        assertThat(c.deadline().dueAt()).isEqualTo(NOW.plus(Duration.ofDays(7)));
        assertThat(c.deadline().onExpiry()).isEqualTo(Action.AUTO_CLOSE);
    }

    @Test
    void onlyTheMerchantAnswersARequest() {
        AfterSalesCase c = aRefundOnlyCase().open();
        Outcome outcome = apply(c, new Agree(), Party.BUYER);
        assertThat(outcome).isInstanceOfSatisfying(Refused.class, r -> assertThat(r.refusal()).isEqualTo(Refusal.NOT_YOUR_ACTION));
        assertThat(c.state()).isEqualTo(CaseState.REQUESTED);
    }

    @Test
    void illegalTransitionsAreRefusedAndChangeNothing() {
        AfterSalesCase c = aRefundOnlyCase().open();
        Outcome outcome = apply(c, new Escalate("why"), Party.BUYER);
        assertThat(outcome).isInstanceOfSatisfying(Refused.class, r -> assertThat(r.refusal()).isEqualTo(Refusal.ILLEGAL_TRANSITION));
        assertThat(c.state()).isEqualTo(CaseState.REQUESTED);
        assertThat(c.deadline().limit()).isEqualTo(TimeLimit.MERCHANT_RESPONSE);
    }

    @Test
    void aMerchantCannotRefuseAfterItsResponseTimeRanOut() {
        AfterSalesCase c = aRefundOnlyCase().open();
        Outcome late = apply(c, new Refuse("no"), Party.MERCHANT, NOW.plus(Duration.ofHours(48)));
        assertThat(late).isInstanceOfSatisfying(Refused.class, r -> assertThat(r.refusal()).isEqualTo(Refusal.DEADLINE_PASSED));
        Outcome auto = apply(c, new Expire(Action.AUTO_AGREE), Party.SYSTEM, NOW.plus(Duration.ofHours(48)));
        assertThat(auto).isInstanceOf(Moved.class);
        assertThat(c.state()).isEqualTo(CaseState.REFUNDING);
    }

    @Test
    void candorDoesNotActBeforeATimeLimitRunsOut() {
        AfterSalesCase c = aRefundOnlyCase().open();
        Outcome early = apply(c, new Expire(Action.AUTO_AGREE), Party.SYSTEM, NOW.plus(Duration.ofHours(47)));
        assertThat(early).isInstanceOf(Refused.class);
        assertThat(c.state()).isEqualTo(CaseState.REQUESTED);
    }

    @Test
    void onlyCandorApprovesAtOnceAndOnlyWhileTheMerchantMayStillAnswer() {
        AfterSalesCase refund = aRefundOnlyCase().asking(8_000).open();
        assertThat(apply(refund, new FastApprove(), Party.MERCHANT))
                .isInstanceOfSatisfying(Refused.class, r -> assertThat(r.refusal()).isEqualTo(Refusal.NOT_YOUR_ACTION));
        assertThat(apply(refund, new FastApprove(), Party.SYSTEM)).isInstanceOf(Moved.class);
        assertThat(refund.state()).isEqualTo(CaseState.REFUNDING);
        assertThat(refund.refund().amountCents()).isEqualTo(8_000);

        AfterSalesCase aReturn = aReturnAndRefundCase().open();
        assertThat(apply(aReturn, new FastApprove(), Party.SYSTEM)).isInstanceOf(Moved.class);
        assertThat(aReturn.state()).isEqualTo(CaseState.AWAITING_RETURN);

        AfterSalesCase late = aRefundOnlyCase().open();
        assertThat(apply(late, new FastApprove(), Party.SYSTEM, NOW.plus(Duration.ofHours(48))))
                .as("once the response time ran out, the time limit decides")
                .isInstanceOfSatisfying(Refused.class, r -> assertThat(r.refusal()).isEqualTo(Refusal.DEADLINE_PASSED));
        assertThat(late.state()).isEqualTo(CaseState.REQUESTED);
    }

    @Test
    void partialOffersMustBeLessThanTheRequest() {
        AfterSalesCase c = aRefundOnlyCase().asking(10_000).open();
        assertThat(apply(c, new OfferPartialRefund(10_000, null), Party.MERCHANT)).isInstanceOf(Refused.class);
        assertThat(apply(c, new OfferPartialRefund(0, null), Party.MERCHANT)).isInstanceOf(Refused.class);
        assertThat(apply(c, new OfferPartialRefund(4_000, "half"), Party.MERCHANT)).isInstanceOf(Moved.class);
        assertThat(apply(c, new AcceptOffer(), Party.BUYER)).isInstanceOf(Moved.class);
        assertThat(c.refund().amountCents()).isEqualTo(4_000);
    }

    @Test
    void refusedEscalatedJudgedForTheBuyerEnforcedThenAppealable() {
        AfterSalesCase c = aRefundOnlyCase().asking(10_000).open();
        apply(c, new Refuse("item was fine when shipped"), Party.MERCHANT);
        apply(c, new Escalate("it arrived broken"), Party.BUYER);
        assertThat(c.state()).isEqualTo(CaseState.IN_ARBITRATION);
        assertThat(c.deadline().onExpiry()).isNull();

        assertThat(apply(c, new Judge(JudgmentOutcome.PARTIAL_REFUND, 6_000, "", "reason"), Party.PLATFORM))
                .as("a judgment must cite a rule").isInstanceOf(Refused.class);
        apply(c, new Judge(JudgmentOutcome.FULL_REFUND, 0, "quality-dispute-standard 3.1", "photos show the defect"), Party.PLATFORM);
        assertThat(c.judgment().amountCents()).isEqualTo(10_000);
        apply(c, new Enforce(), Party.PLATFORM);
        assertThat(c.state()).isEqualTo(CaseState.REFUNDING);
        assertThat(apply(c, new ConfirmRefund(9_999, "r-1"), Party.ORDER_SYSTEM)).as("wrong amount").isInstanceOf(Refused.class);
        apply(c, new ConfirmRefund(10_000, "r-1"), Party.ORDER_SYSTEM);
        assertThat(c.state()).isEqualTo(CaseState.APPEALABLE);
        assertThat(c.deadline().dueAt()).isEqualTo(NOW.plus(Duration.ofDays(30)));
    }

    @Test
    void anAppealAfterTheWindowIsRefused() {
        AfterSalesCase c = judgedAndEnforcedRejection();
        Outcome late = apply(c, new Appeal("new evidence"), Party.BUYER, NOW.plus(Duration.ofDays(30)));
        assertThat(late).isInstanceOfSatisfying(Refused.class, r -> assertThat(r.refusal()).isEqualTo(Refusal.DEADLINE_PASSED));
        Outcome inTime = apply(c, new Appeal("new evidence"), Party.BUYER, NOW.plus(Duration.ofDays(29)));
        assertThat(inTime).isInstanceOf(Moved.class);
        assertThat(c.state()).isEqualTo(CaseState.IN_APPEAL);
    }

    @Test
    void anOverturnedJudgmentIsEnforcedAgain() {
        AfterSalesCase c = judgedAndEnforcedRejection();
        apply(c, new Appeal("the swap claim is wrong"), Party.BUYER);
        apply(c, new OverturnJudgment(JudgmentOutcome.FULL_REFUND, 0, "appeal-review 2", "tracking shows weight matched"), Party.PLATFORM);
        assertThat(c.state()).isEqualTo(CaseState.JUDGED);
        apply(c, new Expire(Action.AUTO_ENFORCE), Party.SYSTEM);
        assertThat(c.state()).isEqualTo(CaseState.REFUNDING);
        assertThat(c.refund().amountCents()).isEqualTo(10_000);
    }

    @Test
    void aSwapFoundAtInspectionGoesToThePlatform() {
        AfterSalesCase c = aReturnAndRefundCase().open();
        apply(c, new Agree(), Party.MERCHANT);
        apply(c, new ShipReturn("SF", "SF123"), Party.BUYER);
        apply(c, new ConfirmReturnReceived(), Party.MERCHANT);
        Outcome outcome = apply(c, new FailInspection(InspectionFailure.RETURN_SWAP, "serial differs"), Party.MERCHANT);
        assertThat(outcome).isInstanceOf(Moved.class);
        assertThat(c.state()).isEqualTo(CaseState.IN_ARBITRATION);
        assertThat(c.inspection().failure()).isEqualTo(InspectionFailure.RETURN_SWAP);
    }

    @Test
    void anExchangeThatPassesInspectionShipsAReplacement() {
        AfterSalesCase c = anExchange().open();
        apply(c, new Agree(), Party.MERCHANT);
        apply(c, new ShipReturn("SF", "SF1"), Party.BUYER);
        apply(c, new ConfirmReturnReceived(), Party.MERCHANT);
        apply(c, new PassInspection(null), Party.MERCHANT);
        assertThat(c.state()).isEqualTo(CaseState.REPLACING);
        apply(c, new ShipReplacement("SF", "SF2"), Party.MERCHANT);
        assertThat(c.state()).isEqualTo(CaseState.CLOSED);
    }

    @Test
    void theBuyerMayCancelBeforeTheItemIsOnItsWayBackButNotAfter() {
        AfterSalesCase open = aReturnAndRefundCase().open();
        apply(open, new Agree(), Party.MERCHANT);
        apply(open, new ShipReturn("SF", "SF1"), Party.BUYER);
        assertThat(apply(open, new Cancel("changed my mind"), Party.BUYER)).isInstanceOf(Refused.class);

        AfterSalesCase early = aReturnAndRefundCase().open();
        assertThat(apply(early, new Cancel("changed my mind"), Party.BUYER)).isInstanceOf(Moved.class);
        assertThat(early.state()).isEqualTo(CaseState.CANCELLED);
        assertThat(early.deadline()).isNull();
    }

    @Test
    void complaintsCloseSixtyDaysAfterReceipt() {
        assertThat(aRefundOnlyCase().deliveredDaysAgo(61).tryOpen()).isInstanceOfSatisfying(AfterSalesCase.Opening.NotOpened.class,
                n -> assertThat(n.refused().refusal()).isEqualTo(Refusal.COMPLAINT_WINDOW_CLOSED));
        assertThat(aRefundOnlyCase().deliveredDaysAgo(59).tryOpen()).isInstanceOf(AfterSalesCase.Opening.Opened.class);
        assertThat(aRefundOnlyCase().notDelivered().because(CaseReason.MISSING_ITEM).tryOpen())
                .isInstanceOf(AfterSalesCase.Opening.Opened.class);
    }

    @Test
    void qualityClaimsAfterTheReportingWindowAreMarkedLateUnlessTheCategoryHasNone() {
        assertThat(aRefundOnlyCase().deliveredDaysAgo(3).open().request().reportedLate()).isTrue();
        assertThat(aRefundOnlyCase().deliveredDaysAgo(1).open().request().reportedLate()).isFalse();
        assertThat(aRefundOnlyCase().deliveredDaysAgo(3).because(CaseReason.NO_LONGER_WANTED).open().request().reportedLate()).isFalse();
        CategoryStandard jewellery = new CategoryStandard("jewellery", standard().timeLimits(), Duration.ofDays(60),
                Optional.empty(), List.of());
        assertThat(aRefundOnlyCase().deliveredDaysAgo(10).under(jewellery).open().request().reportedLate()).isFalse();
    }

    @Test
    void theRequestedAmountCannotExceedTheOrder() {
        assertThat(aRefundOnlyCase().asking(20_001).tryOpen()).isInstanceOf(AfterSalesCase.Opening.NotOpened.class);
    }

    @Test
    void everyTimeLimitedStateNamesAnExistingAutomaticTransition() {
        for (Lifecycle.StateTimeLimit limit : Lifecycle.timeLimits()) {
            if (limit.onExpiry() != null) {
                assertThat(Lifecycle.transitions()).as(limit.toString())
                        .anyMatch(t -> t.from() == limit.state() && t.action() == limit.onExpiry() && t.parties().contains(Party.SYSTEM));
            }
        }
    }

    private static AfterSalesCase judgedAndEnforcedRejection() {
        AfterSalesCase c = aReturnAndRefundCase().asking(10_000).open();
        apply(c, new Agree(), Party.MERCHANT);
        apply(c, new ShipReturn("SF", "SF1"), Party.BUYER);
        apply(c, new ConfirmReturnReceived(), Party.MERCHANT);
        apply(c, new FailInspection(InspectionFailure.RETURN_SWAP, "different serial"), Party.MERCHANT);
        apply(c, new Judge(JudgmentOutcome.REQUEST_REJECTED, 0, "return-swap 1.2", "serial photo differs"), Party.PLATFORM);
        apply(c, new Enforce(), Party.PLATFORM);
        assertThat(c.state()).isEqualTo(CaseState.APPEALABLE);
        return c;
    }
}

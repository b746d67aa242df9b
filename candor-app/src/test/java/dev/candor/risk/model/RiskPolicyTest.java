package dev.candor.risk.model;

import static org.assertj.core.api.Assertions.assertThat;

import dev.candor.risk.model.Features.ForensicFacts;
import dev.candor.risk.model.RiskPolicy.CategoryRule;
import dev.candor.risk.model.RiskPolicy.CountRule;
import dev.candor.risk.model.RiskPolicy.Limits;
import dev.candor.risk.model.RiskPolicy.Rule;
import dev.candor.risk.model.RiskPolicy.ShareRule;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class RiskPolicyTest {

    static final RiskPolicy POLICY = new RiskPolicy(new Limits(9, 20_000), new Limits(39, 100_000), 60, 24,
            new RiskPolicy.Rules(new CountRule(15, 3), new CountRule(15, 12), new ShareRule(15, 0.6, 3), new CountRule(10, 2),
                    new Rule(10), new CountRule(40, 1), new CountRule(10, 2), new CountRule(40, 1), new CountRule(20, 50_000),
                    new CategoryRule(10, List.of("jewellery")), new Rule(30), new Rule(25), new ShareRule(10, 0.1, 20)),
            Map.of("QUALITY_PROBLEM", List.of(EvidenceDemand.PHOTO_WITH_CODE, EvidenceDemand.MORE_ANGLES)),
            List.of(EvidenceDemand.UNBOXING_VIDEO), List.of(EvidenceDemand.RETURNED_ITEM_SERIAL));

    static final Features.Window NONE = Features.Window.EMPTY;
    static final UUID PHOTO = UUID.fromString("00000000-0000-0000-0000-00000000000a");

    static Features features(String type, long cents, List<Features.RestrictionFact> restrictions, Features.Window days30,
                             Features.EvidenceFacts evidence, ForensicFacts forensics, List<String> unavailable, boolean late) {
        return new Features(new Features.RequestFacts(type, "QUALITY_PROBLEM", true, cents, "CNY", "apparel", cents, true, 72L),
                restrictions, new Features.History(days30, days30, days30), new Features.Links(0, 0), new Features.StoreRecord(0, 0),
                evidence, forensics, List.of(), unavailable, late);
    }

    static Features clean(long cents) {
        return features("REFUND_ONLY", cents, List.of(), NONE, new Features.EvidenceFacts(0, 0), ForensicFacts.NONE, List.of(), false);
    }

    static Features.RestrictionFact refundOnlyDisabled() {
        return new Features.RestrictionFact(UUID.randomUUID(), "REFUND_ONLY_DISABLED", null, Instant.parse("2027-01-01T00:00:00Z"),
                List.of(UUID.randomUUID()));
    }

    static List<ReasonCode> codes(Assessment a) {
        return a.reasons().stream().map(Reason::code).toList();
    }

    @Test
    void aCleanSmallRequestIsApprovedAndTheSamePolicyGivesTheSameAnswer() {
        Assessment a = POLICY.assess(clean(20_000));
        assertThat(a.outcome()).isEqualTo(Outcome.APPROVE_NOW);
        assertThat(a).isEqualTo(POLICY.assess(clean(20_000)));
        assertThat(POLICY.assess(clean(20_001)).outcome()).isEqualTo(Outcome.REQUEST_EVIDENCE);
    }

    @Test
    void aConfirmedRestrictionRejectsOnlyWhatItCovers() {
        Features refundOnly = features("REFUND_ONLY", 100, List.of(refundOnlyDisabled()), NONE, new Features.EvidenceFacts(0, 0),
                ForensicFacts.NONE, List.of(), false);
        assertThat(POLICY.assess(refundOnly).outcome()).isEqualTo(Outcome.REJECT);
        Features aReturn = features("RETURN_AND_REFUND", 100, List.of(refundOnlyDisabled()), NONE, new Features.EvidenceFacts(0, 0),
                ForensicFacts.NONE, List.of(), false);
        Assessment returned = POLICY.assess(aReturn);
        assertThat(returned.outcome()).isNotEqualTo(Outcome.REJECT);
        assertThat(codes(returned)).contains(ReasonCode.RESTRICTED_BUYER);
    }

    @Test
    void noScoreHoweverHighRejects() {
        Features risky = features("REFUND_ONLY", 900_000, List.of(), new Features.Window(40, 900_000, 40, 40, 40),
                new Features.EvidenceFacts(0, 0), ForensicFacts.NONE, List.of(), false);
        Assessment a = POLICY.assess(risky);
        assertThat(a.score()).isGreaterThan(100);
        assertThat(a.outcome()).isEqualTo(Outcome.SEND_TO_REVIEW);
    }

    @Test
    void missingOrLateFeaturesSendToAPersonEvenWhereARestrictionWouldReject() {
        Features unavailable = features("REFUND_ONLY", 100, List.of(refundOnlyDisabled()), NONE, new Features.EvidenceFacts(0, 0),
                ForensicFacts.NONE, List.of("history"), false);
        assertThat(POLICY.assess(unavailable).outcome()).isEqualTo(Outcome.SEND_TO_REVIEW);
        assertThat(codes(POLICY.assess(unavailable))).containsExactly(ReasonCode.FEATURES_UNAVAILABLE);
        Features late = features("REFUND_ONLY", 100, List.of(refundOnlyDisabled()), NONE, new Features.EvidenceFacts(0, 0),
                ForensicFacts.NONE, List.of(), true);
        assertThat(codes(POLICY.assess(late))).containsExactly(ReasonCode.FEATURES_LATE);
        assertThat(POLICY.assess(late).outcome()).isEqualTo(Outcome.SEND_TO_REVIEW);
    }

    @Test
    void strongForensicFindingsDriveTheDecisionAndWeakerOnesOnlyInform() {
        var evidence = new Features.EvidenceFacts(3, 0);
        var strong = new ForensicFacts(ForensicFacts.Status.DONE, List.of(
                new Features.Signal(PHOTO, "DERIVED_FROM_LISTING_EDITED", "STRONG", "edited listing photo", "改图")));
        Assessment driven = POLICY.assess(features("REFUND_ONLY", 30_000, List.of(), NONE, evidence, strong, List.of(), false));
        assertThat(driven.outcome()).isEqualTo(Outcome.SEND_TO_REVIEW);
        assertThat(codes(driven)).containsExactly(ReasonCode.FORENSIC_FINDING);
        assertThat(driven.reasons().getFirst().english()).isEqualTo("Photo " + PHOTO + ": edited listing photo");

        var hint = new ForensicFacts(ForensicFacts.Status.DONE, List.of(
                new Features.Signal(PHOTO, "ELA_HINT", "HINT", "uneven recompression", "压缩痕迹不均")));
        Assessment informed = POLICY.assess(features("REFUND_ONLY", 30_000, List.of(), NONE, evidence, hint, List.of(), false));
        assertThat(informed.outcome()).isEqualTo(Outcome.APPROVE_NOW);
        assertThat(codes(informed)).containsExactly(ReasonCode.EVIDENCE_SUPPLIED, ReasonCode.FORENSICS_CLEAN, ReasonCode.FORENSIC_NOTE);
    }

    @Test
    void checksThatFailOrRunLateSendToAPerson() {
        var evidence = new Features.EvidenceFacts(3, 0);
        for (var status : List.of(ForensicFacts.Status.FAILED, ForensicFacts.Status.LATE)) {
            Assessment a = POLICY.assess(features("REFUND_ONLY", 30_000, List.of(), NONE, evidence, new ForensicFacts(status, List.of()),
                    List.of(), false));
            assertThat(a.outcome()).as(status.name()).isEqualTo(Outcome.SEND_TO_REVIEW);
        }
    }

    @Test
    void evidenceIsCountedPerDemandAndHighValueAddsAVideo() {
        Assessment asked = POLICY.assess(clean(60_000));
        assertThat(asked.demands()).containsExactly(EvidenceDemand.PHOTO_WITH_CODE, EvidenceDemand.MORE_ANGLES, EvidenceDemand.UNBOXING_VIDEO);
        Features photosOnly = features("REFUND_ONLY", 60_000, List.of(), NONE, new Features.EvidenceFacts(3, 0), ForensicFacts.NONE,
                List.of(), false);
        assertThat(POLICY.assess(photosOnly).outcome()).isEqualTo(Outcome.REQUEST_EVIDENCE);
        Features complete = features("REFUND_ONLY", 60_000, List.of(), NONE, new Features.EvidenceFacts(3, 1),
                new ForensicFacts(ForensicFacts.Status.PENDING, List.of()), List.of(), false);
        Assessment approved = POLICY.assess(complete);
        assertThat(approved.outcome()).isEqualTo(Outcome.APPROVE_NOW);
        assertThat(codes(approved)).containsExactly(ReasonCode.EVIDENCE_SUPPLIED, ReasonCode.HIGH_VALUE, ReasonCode.FORENSICS_PENDING);
    }

    @Test
    void aConfirmedMerchantFlagSendsToAPerson() {
        Features f = clean(100);
        Features flagged = new Features(f.request(), f.restrictions(), f.history(), f.links(), f.store(), new Features.EvidenceFacts(1, 0),
                f.forensics(), List.of(new Features.FlagFact(PHOTO, "AI_GENERATED", true)), f.unavailable(), f.late());
        Assessment a = POLICY.assess(flagged);
        assertThat(a.outcome()).isEqualTo(Outcome.SEND_TO_REVIEW);
        assertThat(codes(a)).containsExactly(ReasonCode.MERCHANT_FLAG_CONFIRMED);
        Features unconfirmed = new Features(f.request(), f.restrictions(), f.history(), f.links(), f.store(), f.evidence(), f.forensics(),
                List.of(new Features.FlagFact(PHOTO, "AI_GENERATED", false)), f.unavailable(), f.late());
        assertThat(POLICY.assess(unconfirmed).outcome()).isEqualTo(Outcome.APPROVE_NOW);
    }

    @Test
    void aRuleWithWeightZeroIsOff() {
        var rules = POLICY.rules();
        var off = new RiskPolicy(POLICY.approve(), POLICY.approveWithEvidence(), POLICY.reviewScore(), POLICY.earlyClaimHours(),
                new RiskPolicy.Rules(new CountRule(0, 3), rules.claims365d(), rules.refundOnlyShare90d(), rules.earlyClaims90d(),
                        rules.earlyClaim(), rules.abusiveHistory365d(), rules.linkedAccounts(), rules.linkedAbusiveAccount(),
                        rules.highValue(), rules.highRiskCategory(), rules.notDeliveredQualityClaim(), rules.restrictedBuyer(),
                        rules.storeAbuseRate90d()),
                POLICY.evidence(), POLICY.highValueEvidence(), POLICY.returnEvidence());
        Features busy = features("RETURN_AND_REFUND", 100, List.of(), new Features.Window(5, 500, 0, 0, 0), new Features.EvidenceFacts(0, 0),
                ForensicFacts.NONE, List.of(), false);
        assertThat(codes(POLICY.assess(busy))).contains(ReasonCode.CLAIMS_30D);
        assertThat(codes(off.assess(busy))).doesNotContain(ReasonCode.CLAIMS_30D);
    }

    @Test
    void theChineseTextPutsEachFactInItsPlace() {
        UUID id = UUID.fromString("00000000-0000-0000-0000-000000000001");
        Reason r = Reason.of(ReasonCode.RESTRICTION_REFUND_ONLY_DISABLED, 0, "2027-01-01T00:00:00Z", id);
        assertThat(r.english()).startsWith("Refund-only requests are disabled for this buyer until 2027-01-01T00:00:00Z by confirmed restriction " + id);
        assertThat(r.chinese()).isEqualTo("该买家的仅退款功能已被确认限制 " + id + " 停用至 2027-01-01T00:00:00Z；可通过诚信记录申诉");
    }
}

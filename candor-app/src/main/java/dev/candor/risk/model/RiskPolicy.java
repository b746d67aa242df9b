package dev.candor.risk.model;

import static dev.candor.risk.model.ReasonCode.*;

import dev.candor.risk.model.Features.ForensicFacts;
import dev.candor.risk.model.Features.RequestFacts;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * A version of the risk policy: rules with weights and thresholds, the limits for approving at once, the
 * review threshold and the evidence asked per request reason. Stored as this record's JSON, which is what
 * an operator reads and writes. A weight of 0 switches a rule off.
 *
 * @param approve a request is approved at once when its score and amount are within these limits
 * @param approveWithEvidence once the evidence asked for has arrived, these limits approve it
 * @param reviewScore a score at or over this sends the request to a person whatever else holds
 * @param earlyClaimHours a request within this many hours of delivery counts as early
 * @param evidence what to ask for, by request reason ({@code QUALITY_PROBLEM}, ...)
 * @param highValueEvidence asked for in addition when the amount is high
 * @param returnEvidence asked for in addition on returns and exchanges of high-value or high-risk goods
 */
public record RiskPolicy(Limits approve, Limits approveWithEvidence, int reviewScore, int earlyClaimHours, Rules rules,
                         Map<String, List<EvidenceDemand>> evidence, List<EvidenceDemand> highValueEvidence,
                         List<EvidenceDemand> returnEvidence) {

    public RiskPolicy {
        Objects.requireNonNull(approve, "approve");
        Objects.requireNonNull(approveWithEvidence, "approveWithEvidence");
        Objects.requireNonNull(rules, "rules");
        evidence = Map.copyOf(Objects.requireNonNull(evidence, "evidence"));
        highValueEvidence = List.copyOf(Objects.requireNonNull(highValueEvidence, "highValueEvidence"));
        returnEvidence = List.copyOf(Objects.requireNonNull(returnEvidence, "returnEvidence"));
        if (reviewScore <= 0 || earlyClaimHours < 0) {
            throw new IllegalArgumentException("reviewScore must be positive and earlyClaimHours not negative");
        }
    }

    /** Limits on the score and the amount (minor units). */
    public record Limits(int maxScore, long maxAmountCents) {
    }

    /** A rule that fires when a count reaches its threshold. */
    public record CountRule(int weight, int threshold) {
        boolean fires(long count) {
            return weight > 0 && count >= threshold;
        }
    }

    /** A rule that fires when a share reaches its threshold over at least {@code minClaims} requests. */
    public record ShareRule(int weight, double threshold, int minClaims) {
        boolean fires(double share, int claims) {
            return weight > 0 && claims >= minClaims && share >= threshold;
        }
    }

    /** A rule that fires on its own. */
    public record Rule(int weight) {
    }

    /** A rule that fires for the listed categories. */
    public record CategoryRule(int weight, List<String> categories) {
        public CategoryRule {
            categories = List.copyOf(categories);
        }
    }

    /** Every scoring rule; each is named after the reason code it gives. */
    public record Rules(CountRule claims30d, CountRule claims365d, ShareRule refundOnlyShare90d, CountRule earlyClaims90d,
                        Rule earlyClaim, CountRule abusiveHistory365d, CountRule linkedAccounts, CountRule linkedAbusiveAccount,
                        CountRule highValue, CategoryRule highRiskCategory, Rule notDeliveredQualityClaim, Rule restrictedBuyer,
                        ShareRule storeAbuseRate90d) {
        public Rules {
            Objects.requireNonNull(claims30d, "claims30d");
            Objects.requireNonNull(claims365d, "claims365d");
            Objects.requireNonNull(refundOnlyShare90d, "refundOnlyShare90d");
            Objects.requireNonNull(earlyClaims90d, "earlyClaims90d");
            Objects.requireNonNull(earlyClaim, "earlyClaim");
            Objects.requireNonNull(abusiveHistory365d, "abusiveHistory365d");
            Objects.requireNonNull(linkedAccounts, "linkedAccounts");
            Objects.requireNonNull(linkedAbusiveAccount, "linkedAbusiveAccount");
            Objects.requireNonNull(highValue, "highValue");
            Objects.requireNonNull(highRiskCategory, "highRiskCategory");
            Objects.requireNonNull(notDeliveredQualityClaim, "notDeliveredQualityClaim");
            Objects.requireNonNull(restrictedBuyer, "restrictedBuyer");
            Objects.requireNonNull(storeAbuseRate90d, "storeAbuseRate90d");
        }
    }

    /** Decides on the features. Pure: the same features and policy always give the same assessment. */
    public Assessment assess(Features f) {
        if (!f.unavailable().isEmpty()) {
            return new Assessment(Outcome.SEND_TO_REVIEW, 0,
                    List.of(Reason.of(FEATURES_UNAVAILABLE, 0, String.join(", ", f.unavailable()))), List.of());
        }
        if (f.late()) {
            return new Assessment(Outcome.SEND_TO_REVIEW, 0, List.of(Reason.of(FEATURES_LATE, 0)), List.of());
        }
        RequestFacts request = f.request();
        List<Reason> blocking = blockingRestrictions(f);
        if (!blocking.isEmpty()) {
            return new Assessment(Outcome.REJECT, 0, blocking, List.of());
        }
        List<Reason> scored = score(f);
        int score = scored.stream().mapToInt(Reason::weight).sum();
        List<Reason> notes = new ArrayList<>();
        List<Reason> drivers = new ArrayList<>();
        for (Features.Signal s : f.forensics().signals()) {
            (s.drives() ? drivers : notes).add(Reason.of(s.drives() ? FORENSIC_FINDING : FORENSIC_NOTE, 0, s.evidenceId(), s.summaryEn()));
        }
        for (Features.FlagFact flag : f.merchantFlags()) {
            if (flag.confirmed()) {
                drivers.add(Reason.of(MERCHANT_FLAG_CONFIRMED, 0, flag.evidenceId(), flag.kind()));
            }
        }
        switch (f.forensics().status()) {
            case FAILED -> drivers.add(Reason.of(FORENSICS_FAILED, 0));
            case LATE -> drivers.add(Reason.of(FORENSICS_LATE, 0));
            default -> { }
        }
        if (!drivers.isEmpty()) {
            return new Assessment(Outcome.SEND_TO_REVIEW, score, concat(drivers, scored, notes), List.of());
        }
        if (score >= reviewScore) {
            return new Assessment(Outcome.SEND_TO_REVIEW, score, concat(List.of(Reason.of(REVIEW_SCORE, 0, score, reviewScore)), scored, notes), List.of());
        }
        long amount = request.requestedCents();
        if (score <= approve.maxScore() && amount <= approve.maxAmountCents()) {
            return new Assessment(Outcome.APPROVE_NOW, score,
                    concat(List.of(Reason.of(LOW_RISK, 0, score, money(approve.maxAmountCents(), request.currency()))), scored,
                            forensicState(f.forensics()), notes), List.of());
        }
        List<EvidenceDemand> demands = demandsFor(request, scored);
        int photos = needed(demands, EvidenceDemand.Media.PHOTO);
        int videos = needed(demands, EvidenceDemand.Media.VIDEO);
        var evidence = f.evidence();
        if (evidence.photos() < photos || evidence.videos() < videos) {
            List<Reason> why = new ArrayList<>(List.of(Reason.of(EVIDENCE_NEEDED, 0, score)));
            if (evidence.photos() + evidence.videos() > 0) {
                why.add(Reason.of(EVIDENCE_OUTSTANDING, 0, Math.min(evidence.photos(), photos), photos,
                        Math.min(evidence.videos(), videos), videos));
            }
            return new Assessment(Outcome.REQUEST_EVIDENCE, score, concat(why, scored, notes), demands);
        }
        if (score > approveWithEvidence.maxScore()) {
            return new Assessment(Outcome.SEND_TO_REVIEW, score,
                    concat(List.of(Reason.of(REVIEW_SCORE, 0, score, approveWithEvidence.maxScore() + 1)), scored, notes), List.of());
        }
        if (amount > approveWithEvidence.maxAmountCents()) {
            return new Assessment(Outcome.SEND_TO_REVIEW, score, concat(List.of(Reason.of(REVIEW_AMOUNT, 0,
                    money(amount, request.currency()), money(approveWithEvidence.maxAmountCents(), request.currency()))), scored, notes),
                    List.of());
        }
        return new Assessment(Outcome.APPROVE_NOW, score, concat(List.of(Reason.of(EVIDENCE_SUPPLIED, 0, score,
                money(approveWithEvidence.maxAmountCents(), request.currency()))), scored, forensicState(f.forensics()), notes), List.of());
    }

    private static List<Reason> blockingRestrictions(Features f) {
        List<Reason> blocking = new ArrayList<>();
        for (Features.RestrictionFact r : f.restrictions()) {
            if (r.kind().equals("REFUND_ONLY_DISABLED") && f.request().type().equals("REFUND_ONLY")) {
                blocking.add(Reason.of(RESTRICTION_REFUND_ONLY_DISABLED, 0, r.endsAt(), r.id()));
            } else if (r.kind().equals("AFTER_SALES_REJECTED_AT_STORE")) {
                blocking.add(Reason.of(RESTRICTION_AFTER_SALES_REJECTED_AT_STORE, 0, r.endsAt(), r.id()));
            }
        }
        return blocking;
    }

    private List<Reason> score(Features f) {
        List<Reason> fired = new ArrayList<>();
        RequestFacts request = f.request();
        var h = f.history();
        if (rules.claims30d().fires(h.days30().claims())) {
            fired.add(Reason.of(CLAIMS_30D, rules.claims30d().weight(), h.days30().claims(), rules.claims30d().threshold()));
        }
        if (rules.claims365d().fires(h.days365().claims())) {
            fired.add(Reason.of(CLAIMS_365D, rules.claims365d().weight(), h.days365().claims(), rules.claims365d().threshold()));
        }
        var share = rules.refundOnlyShare90d();
        if (share.fires(h.days90().refundOnlyShare(), h.days90().claims())) {
            fired.add(Reason.of(REFUND_ONLY_SHARE_90D, share.weight(), percent(h.days90().refundOnlyShare()), percent(share.threshold())));
        }
        if (rules.earlyClaims90d().fires(h.days90().earlyClaims())) {
            fired.add(Reason.of(EARLY_CLAIMS_90D, rules.earlyClaims90d().weight(), h.days90().earlyClaims(), earlyClaimHours,
                    rules.earlyClaims90d().threshold()));
        }
        Long hours = request.hoursSinceDelivery();
        if (rules.earlyClaim().weight() > 0 && hours != null && hours < earlyClaimHours) {
            fired.add(Reason.of(EARLY_CLAIM, rules.earlyClaim().weight(), hours, earlyClaimHours));
        }
        if (rules.abusiveHistory365d().fires(h.days365().abusive())) {
            fired.add(Reason.of(ABUSIVE_HISTORY_365D, rules.abusiveHistory365d().weight(), h.days365().abusive()));
        }
        if (rules.linkedAccounts().fires(f.links().linkedBuyers())) {
            fired.add(Reason.of(LINKED_ACCOUNTS, rules.linkedAccounts().weight(), f.links().linkedBuyers(), rules.linkedAccounts().threshold()));
        }
        if (rules.linkedAbusiveAccount().fires(f.links().abusiveBuyers())) {
            fired.add(Reason.of(LINKED_ABUSIVE_ACCOUNT, rules.linkedAbusiveAccount().weight(), f.links().abusiveBuyers()));
        }
        if (rules.highValue().fires(request.requestedCents())) {
            fired.add(Reason.of(HIGH_VALUE, rules.highValue().weight(), money(request.requestedCents(), request.currency()),
                    money(rules.highValue().threshold(), request.currency())));
        }
        var category = rules.highRiskCategory();
        if (category.weight() > 0 && request.category() != null && category.categories().contains(request.category().toLowerCase(Locale.ROOT))) {
            fired.add(Reason.of(HIGH_RISK_CATEGORY, category.weight(), request.category()));
        }
        if (rules.notDeliveredQualityClaim().weight() > 0 && !request.delivered() && request.qualityRelated()) {
            fired.add(Reason.of(NOT_DELIVERED_QUALITY_CLAIM, rules.notDeliveredQualityClaim().weight()));
        }
        if (rules.restrictedBuyer().weight() > 0 && !f.restrictions().isEmpty()) {
            fired.add(Reason.of(RESTRICTED_BUYER, rules.restrictedBuyer().weight(),
                    String.join(", ", f.restrictions().stream().map(Features.RestrictionFact::kind).toList())));
        }
        var store = rules.storeAbuseRate90d();
        if (store.fires(f.store().abusiveShare(), f.store().claims90())) {
            fired.add(Reason.of(STORE_ABUSE_RATE_90D, store.weight(), percent(f.store().abusiveShare()), percent(store.threshold())));
        }
        return fired;
    }

    private List<EvidenceDemand> demandsFor(RequestFacts request, List<Reason> scored) {
        var demands = new LinkedHashSet<>(evidence.getOrDefault(request.reason(), List.of()));
        boolean highValue = scored.stream().anyMatch(r -> r.code() == HIGH_VALUE);
        boolean highRisk = highValue || scored.stream().anyMatch(r -> r.code() == HIGH_RISK_CATEGORY);
        if (highValue) {
            demands.addAll(highValueEvidence);
        }
        if (highRisk && !request.type().equals("REFUND_ONLY")) {
            demands.addAll(returnEvidence);
        }
        if (demands.isEmpty()) {
            demands.add(EvidenceDemand.MORE_ANGLES);
        }
        return List.copyOf(demands);
    }

    private static List<Reason> forensicState(ForensicFacts forensics) {
        return switch (forensics.status()) {
            case PENDING -> List.of(Reason.of(FORENSICS_PENDING, 0));
            case DONE -> List.of(Reason.of(FORENSICS_CLEAN, 0));
            default -> List.of();
        };
    }

    private static int needed(List<EvidenceDemand> demands, EvidenceDemand.Media media) {
        return demands.stream().filter(d -> d.media() == media).mapToInt(EvidenceDemand::files).sum();
    }

    @SafeVarargs
    private static List<Reason> concat(List<Reason>... parts) {
        List<Reason> all = new ArrayList<>();
        for (List<Reason> part : parts) {
            all.addAll(part);
        }
        return all;
    }

    private static String percent(double share) {
        return Long.toString(Math.round(share * 100));
    }

    static String money(long cents, String currency) {
        return String.format(Locale.ROOT, "%d.%02d %s", cents / 100, cents % 100, currency == null ? "" : currency).trim();
    }
}

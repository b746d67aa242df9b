package dev.candor.risk.application;

import dev.candor.aftersales.AfterSalesCases;
import dev.candor.aftersales.AfterSalesCases.CaseParties;
import dev.candor.aftersales.CaseDecisions;
import dev.candor.commerce.BuyerContact;
import dev.candor.commerce.Commerce;
import dev.candor.integrity.IntegrityLedger;
import dev.candor.risk.infrastructure.Decisions;
import dev.candor.risk.model.Features;
import dev.candor.shared.security.Actor;
import dev.candor.shared.security.ActorKind;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The one-click return-risk summary of a case's buyer, for the store's merchant, platform staff and the order
 * system (not buyers): the buyer masked, the request history and account links the decision on the request
 * read, the restrictions in force now and the latest decision with its reasons. Other buyers are only counted.
 */
@Service
public class SummarizeReturnRisk {

    private final AfterSalesCases cases;
    private final Commerce commerce;
    private final Decisions decisions;
    private final IntegrityLedger ledger;

    SummarizeReturnRisk(AfterSalesCases cases, Commerce commerce, Decisions decisions, IntegrityLedger ledger) {
        this.cases = cases;
        this.commerce = commerce;
        this.decisions = decisions;
        this.ledger = ledger;
    }

    /**
     * @param buyer masked for every viewer
     * @param historyReadAt when the decision on the request read the history and links; {@code null} when Candor
     *     made no decision on this request, and then {@code history} is empty and {@code linkedAccounts} null
     * @param unavailable feature groups the decision on the request could not read (their figures are zeros)
     * @param decision the latest decision, {@code null} when there is none
     */
    public record Summary(UUID caseId, BuyerContact buyer, Instant historyReadAt, List<HistoryWindow> history,
                          LinkedAccounts linkedAccounts, List<String> unavailable, List<RestrictionInForce> restrictions,
                          CaseDecisions.Summary decision) {
    }

    /**
     * The buyer's earlier requests (this one not counted) over the last {@code days} days; amounts in minor units.
     *
     * @param earlyClaims requests filed soon after delivery (the policy's early-claim hours)
     * @param abusive requests whose orders a confirmed ledger entry judged abusive
     * @param refundOnlyShare {@code refundOnly / claims}, 0 when there are none; likewise {@code abusiveShare}
     */
    public record HistoryWindow(int days, int claims, long amountCents, String currency, int refundOnly, double refundOnlyShare,
                                int earlyClaims, int abusive, double abusiveShare) {
    }

    /**
     * Other accounts sharing a delivery address, phone, device or payment fingerprint with the buyer.
     *
     * @param withAbuse how many of them had a request judged abusive in the last 365 days
     */
    public record LinkedAccounts(int count, int withAbuse) {
    }

    /**
     * A restriction in force on the buyer that applies at this store.
     *
     * @param scope {@code PLATFORM} or {@code STORE} (this store only)
     */
    public record RestrictionInForce(String kind, String scope, Instant endsAt, String en, String zh) {
    }

    @Transactional(readOnly = true)
    public Summary summary(Actor actor, UUID caseId) {
        actor.require(ActorKind.MERCHANT, ActorKind.REVIEWER, ActorKind.ADMIN, ActorKind.INTEGRATION);
        CaseParties parties = cases.partiesVisibleTo(caseId, actor);
        BuyerContact buyer = commerce.findBuyer(parties.buyerId()).map(BuyerContact::masked)
                .orElse(new BuyerContact(parties.buyerId(), null, null, null));
        List<RestrictionInForce> restrictions = ledger.restrictionsOf(parties.buyerId(), parties.storeId()).stream()
                .map(r -> new RestrictionInForce(r.kind(), r.storeId() == null ? "PLATFORM" : "STORE", r.endsAt(),
                        r.en() + " until " + r.endsAt() + " (confirmed restriction " + r.id() + ")",
                        r.zh() + "，至 " + r.endsAt() + "（已确认限制 " + r.id() + "）"))
                .toList();
        List<Decisions.Decision> made = decisions.of(caseId);
        if (made.isEmpty()) {
            return new Summary(caseId, buyer, null, List.of(), null, List.of(), restrictions, null);
        }
        Decisions.Decision latest = made.getLast();
        Features f = latest.features();
        Features.History h = f.history();
        String currency = latest.currency();
        return new Summary(caseId, buyer, made.getFirst().decidedAt(),
                List.of(window(30, h.days30(), currency), window(90, h.days90(), currency), window(365, h.days365(), currency)),
                new LinkedAccounts(f.links().linkedBuyers(), f.links().abusiveBuyers()), f.unavailable(), restrictions,
                DecisionTexts.summary(latest.headline()));
    }

    private static HistoryWindow window(int days, Features.Window w, String currency) {
        return new HistoryWindow(days, w.claims(), w.amountCents(), currency, w.refundOnly(), share(w.refundOnly(), w.claims()),
                w.earlyClaims(), w.abusive(), share(w.abusive(), w.claims()));
    }

    private static double share(int part, int whole) {
        return whole == 0 ? 0 : Math.round(10_000.0 * part / whole) / 10_000.0;
    }
}

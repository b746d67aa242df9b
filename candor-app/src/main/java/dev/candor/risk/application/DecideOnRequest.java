package dev.candor.risk.application;

import dev.candor.aftersales.CaseEvents;
import dev.candor.risk.infrastructure.RiskCases;
import dev.candor.risk.infrastructure.RiskFacts;
import dev.candor.risk.infrastructure.RiskPolicies;
import dev.candor.risk.model.Features;
import dev.candor.risk.model.Stage;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Decides on every new after-sales request, inside the request's own transaction, from precomputed
 * features only; the decision is part of the answer to the buyer's request.
 */
@Service
class DecideOnRequest {

    private final ReadFeatures readFeatures;
    private final RecordDecision recordDecision;
    private final RiskCases riskCases;
    private final RiskFacts facts;
    private final RiskPolicies policies;
    private final RiskProperties properties;
    private final Timer timer;

    DecideOnRequest(ReadFeatures readFeatures, RecordDecision recordDecision, RiskCases riskCases, RiskFacts facts,
                    RiskPolicies policies, RiskProperties properties,
                    MeterRegistry meters) {
        this.readFeatures = readFeatures;
        this.recordDecision = recordDecision;
        this.riskCases = riskCases;
        this.facts = facts;
        this.policies = policies;
        this.properties = properties;
        this.timer = Timer.builder("candor.risk.decision")
                .description("The synchronous decision on a new request, its writes included (a batch's are sent after its last decision)")
                .tag("stage", "REQUEST").publishPercentiles(0.5, 0.99, 0.999).register(meters);
    }

    @EventListener
    @Transactional(propagation = Propagation.MANDATORY)
    void on(CaseEvents.BatchFiling filing) {
        readFeatures.prefetch(filing.buyerIds(), filing.occurredAt());
    }

    @EventListener
    @Transactional(propagation = Propagation.MANDATORY)
    void on(CaseEvents.CaseCreated created) {
        timer.record(() -> decide(created));
    }

    private void decide(CaseEvents.CaseCreated created) {
        Long hoursSinceDelivery = created.deliveredAt() == null ? null
                : Duration.between(created.deliveredAt(), created.occurredAt()).toHours();
        var request = new Features.RequestFacts(created.type(), created.reason(), created.qualityRelated(), created.requestedCents(),
                created.currency(), created.category(), created.orderTotalCents(), created.deliveredAt() != null, hoursSinceDelivery);
        long started = System.nanoTime();
        List<String> unavailable = new ArrayList<>();
        ReadFeatures.Read read;
        try {
            read = readFeatures.read(created.buyerId(), created.storeId(), created.occurredAt());
        } catch (ReadFeatures.Unavailable e) {
            unavailable.addAll(ReadFeatures.GROUPS.subList(ReadFeatures.GROUPS.indexOf(e.group), ReadFeatures.GROUPS.size()));
            read = new ReadFeatures.Read(List.of(), new Features.History(Features.Window.EMPTY, Features.Window.EMPTY, Features.Window.EMPTY),
                    new Features.Links(0, 0), new Features.StoreRecord(0, 0));
        }
        boolean late = Duration.ofNanos(System.nanoTime() - started).compareTo(properties.featureBudget()) > 0;
        var features = new Features(request, read.restrictions(), read.history(), read.links(), read.store(),
                new Features.EvidenceFacts(0, 0), Features.ForensicFacts.NONE, List.of(), unavailable, late);
        var decision = recordDecision.record(new RecordDecision.Subject(created.caseId(), created.storeId(), created.buyerId(),
                created.requestedCents(), created.currency()), Stage.REQUEST, features, null, null);
        riskCases.insert(created.caseId(), decision.evidenceRequests().stream().map(r -> r.code()).filter(c -> c != null)
                .findFirst().orElse(null));
        int earlyHours = policies.version(decision.policyVersion()).orElseThrow().policy().earlyClaimHours();
        facts.recordClaim(created.caseId(), created.buyerId(), created.storeId(), created.orderId(), created.type().equals("REFUND_ONLY"),
                created.requestedCents(), hoursSinceDelivery != null && hoursSinceDelivery < earlyHours, created.occurredAt());
        readFeatures.forget(created.buyerId());
    }
}

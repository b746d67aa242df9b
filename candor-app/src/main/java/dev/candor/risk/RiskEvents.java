package dev.candor.risk;

import dev.candor.shared.events.OutboundEvent;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** The events the risk module publishes for the order system (delivered as webhooks). */
public final class RiskEvents {

    private RiskEvents() {
    }

    /**
     * Candor decided on a request or revised its decision.
     *
     * @param revision 1 for the decision on the request, higher for later ones
     * @param previousOutcome the outcome before this decision, {@code null} on the first
     * @param evidenceRequests the evidence asked for, as {@code KIND} or {@code KIND:code}
     */
    public record DecisionMade(UUID eventId, Instant occurredAt, UUID decisionId, UUID caseId, String storeId, int revision,
                               String stage, String outcome, String previousOutcome, List<String> reasonCodes,
                               List<String> evidenceRequests, int policyVersion) implements OutboundEvent {
        public DecisionMade {
            reasonCodes = List.copyOf(reasonCodes);
            evidenceRequests = List.copyOf(evidenceRequests);
        }

        @Override
        public String eventType() {
            return "case.decision-made";
        }
    }
}

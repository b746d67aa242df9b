package dev.candor.risk.application;

import dev.candor.aftersales.AfterSalesCases;
import dev.candor.risk.RiskEvents;
import dev.candor.risk.infrastructure.Decisions;
import dev.candor.risk.infrastructure.Decisions.Decision;
import dev.candor.risk.infrastructure.Decisions.StoredRequest;
import dev.candor.risk.infrastructure.RiskPolicies;
import dev.candor.risk.infrastructure.StoreSettings;
import dev.candor.risk.model.Assessment;
import dev.candor.risk.model.EvidenceDemand;
import dev.candor.risk.model.Features;
import dev.candor.risk.model.Outcome;
import dev.candor.risk.model.Reason;
import dev.candor.risk.model.Stage;
import dev.candor.shared.Ids;
import dev.candor.shared.audit.AuditLog;
import dev.candor.shared.security.Actor;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Assesses features under the live policy and records the decision: the decision row, the case timeline,
 * the audit log and the webhook, all in the caller's transaction. An APPROVE_NOW whose photos (if any) are
 * checked approves the request at once when its store opted in to fast approval.
 */
@Component
class RecordDecision {

    /** Letters and digits that cannot be mistaken for each other when handwritten. */
    private static final char[] CODE_ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ".toCharArray();

    private final RiskPolicies policies;
    private final Decisions decisions;
    private final StoreSettings storeSettings;
    private final AfterSalesCases cases;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    RecordDecision(RiskPolicies policies, Decisions decisions, StoreSettings storeSettings, AfterSalesCases cases, AuditLog audit,
                   ApplicationEventPublisher events, Clock clock) {
        this.policies = policies;
        this.decisions = decisions;
        this.storeSettings = storeSettings;
        this.cases = cases;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
    }

    /** Who and what a decision is about. */
    record Subject(UUID caseId, String storeId, String buyerId, long requestedCents, String currency) {
    }

    /**
     * @param previous the case's latest decision, {@code null} for the decision on the request
     * @param oneTimeCode the code already issued on the case, or {@code null}
     * @return the decision recorded
     */
    @Transactional(propagation = Propagation.MANDATORY)
    Decision record(Subject subject, Stage stage, Features features, Decision previous, String oneTimeCode) {
        RiskPolicies.Version policy = policies.live();
        Assessment assessment = policy.policy().assess(features);
        boolean needsCode = assessment.demands().contains(EvidenceDemand.PHOTO_WITH_CODE);
        String code = needsCode && oneTimeCode == null ? newCode() : oneTimeCode;
        List<StoredRequest> requests = assessment.demands().stream()
                .map(d -> new StoredRequest(d.name(), d == EvidenceDemand.PHOTO_WITH_CODE ? code : null)).toList();
        Instant now = clock.instant();
        Decision decision = new Decision(Ids.timeOrdered(), subject.caseId(), previous == null ? 1 : previous.revision() + 1, stage,
                assessment.outcome(), assessment.score(), assessment.reasons(), requests, features, policy.version(), subject.storeId(),
                subject.buyerId(), subject.requestedCents(), subject.currency(), now);
        decisions.insert(decision);
        // The timeline, which buyers read too, names the decision and its codes; texts, score and features stay
        // on the decision, whose view decides who sees them, and are written once per decision.
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("decisionId", decision.id().toString());
        detail.put("revision", decision.revision());
        detail.put("stage", stage.name());
        detail.put("outcome", decision.outcome().name());
        if (previous != null) {
            detail.put("previousOutcome", previous.outcome().name());
        }
        detail.put("policyVersion", policy.version());
        detail.put("reasons", assessment.reasons().stream().map(r -> r.code().name()).toList());
        detail.put("evidenceRequests", requests.stream().map(StoredRequest::kind).toList());
        Actor system = Actor.system();
        cases.recordOnTimeline(subject.caseId(), system, "RISK_DECISION", "risk-policy.v" + policy.version(),
                features.forensics().signals().stream().map(Features.Signal::evidenceId).distinct().toList(), detail);
        audit.append(system, "risk.decided", "case", subject.caseId().toString(), Map.of("decisionId", decision.id().toString(),
                "revision", decision.revision(), "stage", stage.name(), "outcome", decision.outcome().name(),
                "score", decision.score(), "policyVersion", policy.version()));
        events.publishEvent(new RiskEvents.DecisionMade(UUID.randomUUID(), now, decision.id(), subject.caseId(), subject.storeId(),
                decision.revision(), stage.name(), decision.outcome().name(), previous == null ? null : previous.outcome().name(),
                assessment.reasons().stream().map(Reason::code).map(Enum::name).toList(),
                requests.stream().map(r -> r.code() == null ? r.kind() : r.kind() + ":" + r.code()).toList(), policy.version()));
        if (decision.outcome() == Outcome.APPROVE_NOW && features.forensics().status() != Features.ForensicFacts.Status.PENDING
                && storeSettings.of(subject.storeId()).fastApproval()) {
            cases.approveAtOnce(subject.caseId());
        }
        return decision;
    }

    private String newCode() {
        char[] code = new char[6];
        for (int i = 0; i < code.length; i++) {
            code[i] = CODE_ALPHABET[random.nextInt(CODE_ALPHABET.length)];
        }
        return new String(code);
    }
}

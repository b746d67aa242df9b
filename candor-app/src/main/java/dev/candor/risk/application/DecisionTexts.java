package dev.candor.risk.application;

import dev.candor.aftersales.CaseDecisions;
import dev.candor.risk.infrastructure.Decisions;
import dev.candor.risk.infrastructure.Decisions.StoredRequest;
import dev.candor.risk.model.EvidenceDemand;
import java.util.List;

/** A stored decision as people read it: each reason and evidence request in English and Simplified Chinese. */
final class DecisionTexts {

    private DecisionTexts() {
    }

    static CaseDecisions.Summary summary(Decisions.Headline d) {
        return new CaseDecisions.Summary(d.id(), d.outcome().name(), d.revision(), d.stage().name(), d.decidedAt(), d.policyVersion(),
                d.reasons().stream().map(r -> new CaseDecisions.Reason(r.code().name(), r.english(), r.chinese())).toList(),
                requests(d.evidenceRequests()));
    }

    static List<CaseDecisions.EvidenceRequest> requests(List<StoredRequest> requests) {
        return requests.stream().map(r -> {
            EvidenceDemand demand = EvidenceDemand.valueOf(r.kind());
            return new CaseDecisions.EvidenceRequest(r.kind(), r.code(), demand.english(r.code()), demand.chinese(r.code()));
        }).toList();
    }
}

package dev.candor.risk.application;

import dev.candor.aftersales.CaseEvents;
import dev.candor.risk.infrastructure.RiskCases;
import dev.candor.risk.model.Features;
import dev.candor.risk.model.Stage;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Decides again on every new evidence file the buyer's side files, in the upload's transaction: the evidence
 * asked for may now be complete. A photo also puts the forensic checks in progress; their result may revise
 * the decision. The merchant's and the platform's files are not the buyer's evidence and change nothing here.
 */
@Service
class DecideOnEvidence {

    private final RiskCases riskCases;
    private final DecideAgain decideAgain;

    DecideOnEvidence(RiskCases riskCases, DecideAgain decideAgain) {
        this.riskCases = riskCases;
        this.decideAgain = decideAgain;
    }

    @EventListener
    @Transactional(propagation = Propagation.MANDATORY)
    void on(CaseEvents.EvidenceAdded added) {
        if (!added.fromBuyerSide()) {
            return;
        }
        riskCases.lock(added.caseId()).ifPresent(c -> {
            boolean photo = added.evidenceKind().equals("PHOTO");
            boolean video = added.evidenceKind().equals("VIDEO");
            var evidence = new Features.EvidenceFacts(c.evidence().photos() + (photo ? 1 : 0), c.evidence().videos() + (video ? 1 : 0));
            var forensics = photo ? new Features.ForensicFacts(Features.ForensicFacts.Status.PENDING, c.forensics().signals()) : c.forensics();
            var updated = new RiskCases.RiskCase(c.caseId(), evidence, forensics, c.flags(), c.oneTimeCode());
            riskCases.update(updated);
            decideAgain.decide(updated, Stage.EVIDENCE);
        });
    }
}

package dev.candor.risk.application;

import dev.candor.photoforensics.CasePhotoScans;
import dev.candor.risk.infrastructure.RiskCases;
import dev.candor.risk.model.Features;
import dev.candor.risk.model.Features.ForensicFacts;
import dev.candor.risk.model.Stage;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Revises a case's decision when the asynchronous forensic checks of its photos finish, fail or run late,
 * in the forensic stage's transaction: the revision commits with the result that caused it.
 */
@Service
class ReviseOnForensics {

    private final RiskCases riskCases;
    private final DecideAgain decideAgain;

    ReviseOnForensics(RiskCases riskCases, DecideAgain decideAgain) {
        this.riskCases = riskCases;
        this.decideAgain = decideAgain;
    }

    @EventListener
    @Transactional(propagation = Propagation.MANDATORY)
    void on(CasePhotoScans.ScanCompleted completed) {
        ForensicFacts done = new ForensicFacts(ForensicFacts.Status.DONE, completed.signals().stream()
                .map(s -> new Features.Signal(s.evidenceId(), s.code(), s.grade(), s.summaryEn(), s.summaryZh())).toList());
        riskCases.lock(completed.caseId()).ifPresent(c -> store(c, done));
    }

    @EventListener
    @Transactional(propagation = Propagation.MANDATORY)
    void on(CasePhotoScans.ScanUnavailable unavailable) {
        riskCases.lock(unavailable.caseId()).ifPresent(c -> {
            if (c.forensics().status() == ForensicFacts.Status.PENDING) {
                ForensicFacts.Status status = unavailable.reason().equals(CasePhotoScans.ScanUnavailable.LATE) ? ForensicFacts.Status.LATE : ForensicFacts.Status.FAILED;
                store(c, new ForensicFacts(status, c.forensics().signals()));
            }
        });
    }

    private void store(RiskCases.RiskCase c, ForensicFacts forensics) {
        var updated = new RiskCases.RiskCase(c.caseId(), c.evidence(), forensics, c.flags(), c.oneTimeCode());
        riskCases.update(updated);
        decideAgain.decide(updated, Stage.FORENSICS);
    }
}

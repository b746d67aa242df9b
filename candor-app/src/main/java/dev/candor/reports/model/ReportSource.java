package dev.candor.reports.model;

import dev.candor.integrity.IntegrityLedger;

/** Who filed a report: a merchant, a reviewer from a judgment, or an automatic detection. */
public enum ReportSource {
    REPORT(IntegrityLedger.Source.REPORT),
    JUDGMENT(IntegrityLedger.Source.JUDGMENT),
    DETECTION(IntegrityLedger.Source.DETECTION);

    private final IntegrityLedger.Source ledgerSource;

    ReportSource(IntegrityLedger.Source ledgerSource) {
        this.ledgerSource = ledgerSource;
    }

    /** The source the ledger entry records when the report is confirmed. */
    public IntegrityLedger.Source ledgerSource() {
        return ledgerSource;
    }
}

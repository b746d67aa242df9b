-- One-click merchant flags on evidence photos (issue #5): what the merchant flagged, whether the forensic
-- checks confirmed it and the findings that decided it. One flag per case, photo and kind, so a repeated
-- click answers the first result. A confirmed flag also sits in risk_cases.merchant_flags (the decision
-- reads it there), names the decision it caused and the DETECTION abuse report it filed for a reviewer.
create table risk_merchant_flags (
    case_id     uuid        not null,
    evidence_id uuid        not null,
    kind        text        not null,
    confirmed   boolean     not null,
    verdict     text        not null,
    findings    jsonb       not null,
    report_id   uuid,
    decision_id uuid,
    flagged_by  text        not null,
    flagged_at  timestamptz not null,
    primary key (case_id, evidence_id, kind)
);

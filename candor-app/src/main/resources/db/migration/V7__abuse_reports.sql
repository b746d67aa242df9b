-- Abuse reports waiting for review, and their decisions. A report is decided once: its row is locked
-- while a reviewer decides, and a decided report keeps its decision. A confirmation's ledger entry lives
-- in the integrity ledger, keyed by 'report:' || id.

create table abuse_reports (
    id                    uuid primary key,
    type                  text        not null,
    source                text        not null check (source in ('REPORT', 'JUDGMENT', 'DETECTION')),
    status                text        not null check (status in ('PENDING', 'CONFIRMED', 'REJECTED')),
    subject_type          text        not null check (subject_type in ('BUYER', 'MERCHANT')),
    subject_id            text        not null,
    store_id              text        not null references stores (id),
    case_id               uuid references cases (id),
    order_id              text references orders (id),
    description           text        not null,
    evidence_ids          uuid[]      not null,
    -- the case's forensic findings when the report was filed; forensics_available is false when the
    -- service runs without the photo forensics module
    forensic_findings     jsonb       not null,
    forensics_available   boolean     not null,
    filed_by_id           text        not null,
    filed_by_kind         text        not null,
    filed_at              timestamptz not null,
    due_at                timestamptz not null,
    decided_at            timestamptz,
    decided_by_id         text,
    decided_by_kind       text,
    decision_rule         text,
    decision_reasoning    text,
    decision_evidence_ids uuid[],
    ledger_entry_id       uuid,
    constraint decided_once check ((status = 'PENDING') = (decided_at is null)
        and (status = 'PENDING' or (decided_by_id is not null and decision_rule is not null and decision_reasoning is not null))),
    constraint confirmed_has_entry check ((status = 'CONFIRMED') = (ledger_entry_id is not null))
);

-- the review queue
create index abuse_reports_pending on abuse_reports (due_at) where status = 'PENDING';
-- a store's decided reports in the complainant window
create index abuse_reports_complainant on abuse_reports (store_id, decided_at) where source = 'REPORT' and status <> 'PENDING';
-- lists, newest first
create index abuse_reports_by_store on abuse_reports (store_id, filed_at desc, id);
create index abuse_reports_by_filing on abuse_reports (filed_at desc, id);
-- one judgment report per case, type and subject; one pending malicious-reporting report per store
create unique index abuse_reports_one_per_judgment on abuse_reports (case_id, type, subject_id) where source = 'JUDGMENT';
create unique index abuse_reports_one_pending_malicious_reporting on abuse_reports (subject_id)
    where type = 'MALICIOUS_REPORTING' and status = 'PENDING';

-- The asynchronous forensic stage (issue #5). One job row per case: every photo added to the case queues it
-- again (generation + 1) in the evidence file's transaction, so photos added while a scan waits or runs are
-- coalesced into the next scan. Workers on any node claim due rows with FOR UPDATE SKIP LOCKED and a lease;
-- a node that dies mid-scan loses its lease and another node runs the job again.

create table forensic_scan_jobs (
    case_id         uuid        primary key references cases (id),
    status          text        not null check (status in ('PENDING', 'DONE', 'FAILED')),
    generation      bigint      not null,   -- bumped by every queued photo; a run that scanned an older one runs again
    pending_since   timestamptz,            -- when the oldest photo not yet scanned was queued; null unless PENDING
    attempts        integer     not null,   -- runs claimed since the job last became pending
    next_attempt_at timestamptz not null,
    lease_owner     uuid,
    lease_until     timestamptz,
    late_reported   boolean     not null,   -- ScanUnavailable LATE was published for this wait
    last_error      text,
    updated_at      timestamptz not null,
    constraint pending_has_start check ((status = 'PENDING') = (pending_since is not null))
);

create index forensic_scan_jobs_due on forensic_scan_jobs (next_attempt_at, case_id) where status = 'PENDING';

-- Each photo's report, scanned once per set of listing photos and delivery time it was judged against
-- (context_key, a SHA-256 of both): a rescan of the case only scans new photos, and the one-click check reads
-- these. A new release of candor-forensics should empty this table so that every photo is scanned again.
create table forensic_photo_reports (
    evidence_id uuid        not null references evidence (id),
    context_key char(64)    not null,
    case_id     uuid        not null references cases (id),
    report      jsonb       not null,
    scanned_at  timestamptz not null,
    primary key (evidence_id, context_key)
);

-- The integrity ledger (issue #4): versioned penalty policy, confirmed entries with an append-only status
-- history, materialized restrictions (buyer restrictions and the merchant ladder) and appeals.

-- Each published policy is a new version; nothing ever updates or deletes one. Entries, restrictions and
-- appeals name the version they were made under.
create table integrity_policies (
    version      int primary key check (version > 0),
    document     jsonb       not null,
    note         text        not null,
    published_at timestamptz not null,
    published_by text        not null
);

-- Version 1: Candor's defaults. Every value says where it comes from: PRODUCT.md where the platform rules
-- quoted there give the fact, "Candor default" where they do not (an operator should set those).
insert into integrity_policies (version, document, note, published_at, published_by) values (1, $json$
{
  "points": [
    {"type": "ABNORMAL_REFUND_ONLY", "points": 3, "basis": "Candor default"},
    {"type": "RETURN_SWAP", "points": 6, "basis": "Candor default"},
    {"type": "FAKE_RETURN", "points": 6, "basis": "Candor default"},
    {"type": "WEB_IMAGE", "points": 4, "basis": "Candor default"},
    {"type": "EDITED_IMAGE", "points": 6, "basis": "Candor default"},
    {"type": "AI_GENERATED_IMAGE", "points": 6, "basis": "Candor default"},
    {"type": "BAD_REVIEW_EXTORTION", "points": 6, "basis": "Candor default"},
    {"type": "MALICIOUS_COMPLAINT", "points": 3, "basis": "Candor default"},
    {"type": "FORGED_EVIDENCE", "points": 12, "basis": "PRODUCT.md: forged or false evidence costs a seller 12 points"},
    {"type": "FLAWED_FULFILMENT", "points": 1, "basis": "PRODUCT.md: a flawed-fulfilment order costs 1 point"},
    {"type": "MALICIOUS_REPORTING", "points": 3, "basis": "Candor default"}
  ],
  "decay": {"duration": "P365D", "basis": "Candor default (issue #4: points decay after 12 months)"},
  "appealWindow": {"duration": "P30D", "basis": "PRODUCT.md: a 30-day window to appeal"},
  "reviewLimit": {"duration": "P7D", "basis": "PRODUCT.md: a 7-day review"},
  "buyerRestrictions": [
    {"kind": "AFTER_SALES_REJECTED_AT_STORE", "points": 6, "duration": "P90D", "basis": "Candor default"},
    {"kind": "REFUND_ONLY_DISABLED", "points": 9, "duration": "P90D", "basis": "Candor default"},
    {"kind": "PURCHASE_LIMIT_AT_STORE", "points": 12, "duration": "P180D", "basis": "Candor default"},
    {"kind": "PLATFORM_PURCHASE_LIMIT", "points": 18, "duration": "P90D", "basis": "Candor default"},
    {"kind": "NO_PLATFORM_INTERVENTION", "points": 24, "duration": "P180D", "basis": "Candor default"},
    {"kind": "ORDERING_SUSPENDED", "points": 36, "duration": "P365D", "basis": "Candor default"}
  ],
  "merchantLadder": [
    {"kind": "MERCHANT_REMINDER", "points": 3, "basis": "PRODUCT.md: the ladder reminder -> warning -> serious warning -> 15-day restriction -> termination; threshold Candor default"},
    {"kind": "MERCHANT_WARNING", "points": 6, "basis": "PRODUCT.md ladder; threshold Candor default"},
    {"kind": "MERCHANT_SERIOUS_WARNING", "points": 9, "basis": "PRODUCT.md ladder; threshold Candor default"},
    {"kind": "MERCHANT_RESTRICTED", "points": 12, "duration": "P15D", "basis": "PRODUCT.md: 15-day restriction; threshold Candor default"},
    {"kind": "MERCHANT_TERMINATED", "points": 36, "basis": "PRODUCT.md ladder; threshold Candor default"}
  ]
}
$json$::jsonb, 'Candor defaults', '2026-01-01T00:00:00Z', 'system');

-- A confirmed finding. Rows are never updated or deleted (trigger below): a status change is a new row in
-- integrity_entry_events, a correction a new entry.
create table integrity_entries (
    id             uuid primary key,
    subject_type   text        not null check (subject_type in ('BUYER', 'MERCHANT')),
    subject_id     text        not null,
    store_id       text        not null,
    order_id       text,
    case_id        uuid,
    type           text        not null,
    points         int         not null check (points >= 0),
    policy_version int         not null references integrity_policies (version),
    source         text        not null,
    -- A confirmation that arrives twice (two reviewers, a retried request) hits this and records nothing.
    source_key     text        not null unique,
    evidence_ids   uuid[]      not null,
    rule           text        not null,
    reasoning      text,
    confirmed_by   text        not null,
    effective_at   timestamptz not null,
    expires_at     timestamptz not null
);
create index integrity_entries_subject on integrity_entries (subject_type, subject_id, effective_at desc);
-- Orders judged abusive per reporting store (buyer entries only).
create index integrity_entries_store_orders on integrity_entries (store_id) where subject_type = 'BUYER' and order_id is not null;

create table integrity_entry_events (
    id          bigserial primary key,
    entry_id    uuid        not null references integrity_entries (id),
    occurred_at timestamptz not null,
    actor_id    text        not null,
    actor_kind  text        not null,
    from_status text,
    to_status   text        not null,
    reason      text,
    appeal_id   uuid
);
create index integrity_entry_events_entry on integrity_entry_events (entry_id, id);

create function integrity_append_only() returns trigger language plpgsql as $$
begin
    raise exception '% is append-only', tg_table_name;
end
$$;
create trigger integrity_entries_append_only before update or delete on integrity_entries
    for each row execute function integrity_append_only();
create trigger integrity_entry_events_append_only before update or delete on integrity_entry_events
    for each row execute function integrity_append_only();

-- The current status of each entry: a projection of its events, kept in the same transaction. expires_at is
-- the entry's own, copied so that the sweep's index below holds only entries that may still expire.
create table integrity_entry_status (
    entry_id   uuid primary key references integrity_entries (id),
    status     text        not null check (status in ('ACTIVE', 'UNDER_APPEAL', 'UPHELD', 'REVOKED', 'EXPIRED')),
    since      timestamptz not null,
    expires_at timestamptz not null
);
create index integrity_entry_status_expiring on integrity_entry_status (expires_at) where status in ('ACTIVE', 'UPHELD');

-- Restrictions derived from active points, materialized with the entries and policy version behind them.
-- A restriction is only ever lifted (lifted_at), never changed otherwise.
create table integrity_restrictions (
    id             uuid primary key,
    subject_type   text        not null,
    subject_id     text        not null,
    kind           text        not null,
    store_id       text,                    -- null: platform-wide (and for merchants: the store is the subject)
    starts_at      timestamptz not null,
    ends_at        timestamptz not null,    -- the duration's end, or earlier when decay takes the points below the threshold
    points         int         not null,
    threshold      int         not null,
    policy_version int         not null references integrity_policies (version),
    entry_ids      uuid[]      not null check (cardinality(entry_ids) > 0),
    created_at     timestamptz not null,
    lifted_at      timestamptz,
    lift_reason    text
);
-- The standing query's only scan: a subject's unlifted restrictions (a handful of rows per subject). The
-- partial index stays as small as the number of restrictions in force, however long the history grows.
create index integrity_restrictions_in_force on integrity_restrictions (subject_type, subject_id) where lifted_at is null;
-- The sweep's scan for restrictions whose end has come.
create index integrity_restrictions_ending on integrity_restrictions (ends_at) where lifted_at is null;

create table integrity_appeals (
    id              uuid primary key,
    subject_type    text        not null,
    subject_id      text        not null,
    store_id        text        not null,
    restriction_id  uuid references integrity_restrictions (id),
    entry_ids       uuid[]      not null check (cardinality(entry_ids) > 0),
    reason          text        not null,
    filed_by        text        not null,
    filed_at        timestamptz not null,
    due_at          timestamptz not null,
    policy_version  int         not null references integrity_policies (version),
    decision        text check (decision in ('UPHOLD', 'REVOKE')),
    decision_reason text,
    decided_by      text,
    decided_at      timestamptz
);
-- The reviewers' queue, overdue first.
create index integrity_appeals_open on integrity_appeals (due_at) where decision is null;
create index integrity_appeals_subject on integrity_appeals (subject_type, subject_id, filed_at desc);

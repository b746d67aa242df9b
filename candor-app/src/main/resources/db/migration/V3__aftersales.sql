-- After-sales cases and their timelines. The lifecycle itself is code (Lifecycle.java); the database
-- keeps each case's current state, its running time limit and the facts gathered along the way.

create table cases (
    id                 uuid primary key,
    store_id           text        not null,
    order_id           text        not null,
    buyer_id           text        not null,
    type               text        not null,
    reason             text        not null,
    description        text,
    requested_cents    bigint      not null check (requested_cents > 0),
    currency           char(3)     not null,
    category           text        not null,
    reported_late      boolean     not null,
    created_at         timestamptz not null,
    state              text        not null,
    state_since        timestamptz not null,
    due_limit          text,
    due_at             timestamptz,
    due_action         text,
    offer_cents        bigint,
    refusal_reason     text,
    return_carrier     text,
    return_tracking    text,
    inspection_failure text,
    inspection_note    text,
    judgment_outcome   text,
    judgment_cents     bigint,
    judgment_rule      text,
    judgment_reasoning text,
    judged_by          text,
    judged_at          timestamptz,
    appeal_by          text,
    appeal_party       text,
    appeal_reason      text,
    appealed_at        timestamptz,
    refund_cents       bigint,
    refund_reference   text,
    version            bigint      not null,
    updated_at         timestamptz not null
);

-- One open request per order: a second one is refused (case.already-open), even from two nodes at once.
create unique index cases_one_open_per_order on cases (order_id) where state not in ('CLOSED', 'CANCELLED');
-- The deadline runner's scan: only cases whose time limit acts when it runs out.
create index cases_due on cases (due_at) where due_action is not null;
-- The arbitration and appeal queue, overdue first.
create index cases_queue on cases (due_at) where state in ('IN_ARBITRATION', 'IN_APPEAL');
create index cases_store on cases (store_id, created_at desc);
create index cases_buyer on cases (buyer_id, created_at desc);

create table case_timeline (
    id           bigserial primary key,
    case_id      uuid        not null references cases (id),
    occurred_at  timestamptz not null,
    actor_id     text        not null,
    actor_kind   text        not null,
    action       text        not null,
    from_state   text,
    to_state     text,
    rule         text,
    evidence_ids uuid[]      not null default '{}',
    detail       jsonb       not null default '{}'
);
create index case_timeline_case on case_timeline (case_id, id);

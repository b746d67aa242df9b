-- Signed outbound webhooks: subscriptions, the transactional outbox, and the delivery log (issue #2, items 9 and 10).

create table webhook_subscriptions (
    id             uuid primary key,
    url            text        not null,
    -- Kept as issued, not hashed: Candor needs the secret itself to sign every delivery (HMAC-SHA256).
    secret         text        not null,
    event_types    text[]      not null,  -- empty: every event type
    store_ids      text[]      not null,  -- empty: every store (and events that concern no store)
    active         boolean     not null,
    created_at     timestamptz not null,
    created_by     text        not null,
    deactivated_at timestamptz,
    deactivated_by text,
    constraint inactive_has_deactivation check (active = (deactivated_at is null))
);

-- One row per event per matching subscription, written in the publisher's transaction.
create table webhook_outbox (
    id              uuid primary key,
    subscription_id uuid        not null references webhook_subscriptions (id),
    event_id        uuid        not null,
    event_type      text        not null,
    store_id        text,
    payload         text        not null,  -- the exact body sent (and signed) on every attempt
    status          text        not null check (status in ('PENDING', 'DELIVERED', 'DEAD')),
    attempts        int         not null,  -- attempts ever started; numbers the delivery log
    failures        int         not null,  -- consecutive failures since the last (re)delivery request
    next_attempt_at timestamptz not null,
    lease_owner     uuid,                  -- the dispatch round that claimed the row ...
    lease_until     timestamptz,           -- ... until then; afterwards any node may claim it again
    created_at      timestamptz not null,
    delivered_at    timestamptz,
    constraint one_row_per_event_and_subscription unique (subscription_id, event_id)
);
create index webhook_outbox_due on webhook_outbox (next_attempt_at) where status = 'PENDING';
create index webhook_outbox_by_subscription on webhook_outbox (subscription_id, created_at desc);

-- Every delivery attempt, append-only.
create table webhook_delivery_attempts (
    outbox_id    uuid        not null references webhook_outbox (id),
    attempt      int         not null,
    attempted_at timestamptz not null,
    duration_ms  bigint      not null,
    status_code  int,                    -- null when no response arrived
    error        text,                   -- why no response arrived (timeout, refused, ...)
    outcome      text        not null check (outcome in ('DELIVERED', 'FAILED', 'DEAD')),
    primary key (outbox_id, attempt)
);

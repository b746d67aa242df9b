-- Shared kernel: principals and API keys, the hash-chained audit log, idempotency keys.

create table principals (
    id           uuid primary key,
    kind         text        not null check (kind in ('ADMIN', 'REVIEWER', 'MERCHANT', 'BUYER', 'INTEGRATION')),
    display_name text        not null,
    buyer_id     text,
    created_at   timestamptz not null,
    created_by   text,
    constraint buyer_principal_has_buyer check ((kind = 'BUYER') = (buyer_id is not null))
);

create table principal_stores (
    principal_id uuid not null references principals (id),
    store_id     text not null,
    primary key (principal_id, store_id)
);

create table api_keys (
    id            text primary key,
    principal_id  uuid        not null references principals (id),
    secret_sha256 bytea       not null,
    created_at    timestamptz not null,
    revoked_at    timestamptz
);
create index api_keys_principal on api_keys (principal_id);

create table audit_log (
    seq          bigint primary key,
    occurred_at  timestamptz not null,
    actor_id     text        not null,
    actor_kind   text        not null,
    action       text        not null,
    subject_type text        not null,
    subject_id   text        not null,
    detail       text        not null,
    prev_hash    char(64)    not null,
    hash         char(64)    not null
);
create index audit_log_subject on audit_log (subject_type, subject_id);

-- The single row every append locks and advances: it serializes the chain across service nodes.
create table audit_head (
    id   int primary key check (id = 1),
    seq  bigint   not null,
    hash char(64) not null
);
insert into audit_head (id, seq, hash) values (1, 0, repeat('0', 64));

create table idempotency_keys (
    principal_id          uuid        not null,
    idem_key              text        not null,
    request_hash          char(64)    not null,
    completed             boolean     not null,
    response_status       int,
    response_content_type text,
    response_body         bytea,
    created_at            timestamptz not null,
    primary key (principal_id, idem_key)
);
create index idempotency_keys_created on idempotency_keys (created_at);

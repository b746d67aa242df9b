-- Audited writes no longer queue behind one lock (issue #5). An append only inserts its row (and notes it as
-- unsealed) in the caller's transaction; the sealer chains committed rows afterwards, in the order it seals
-- them, into audit_seals. Audit rows are never updated; their chain fields move to audit_seals unchanged.

-- The row's id is now only its identity, given at insert; rows commit out of id order, so the chain's order
-- is the seals' seq.
alter table audit_log rename column seq to id;
alter table audit_log alter column id add generated always as identity;
select setval(pg_get_serial_sequence('audit_log', 'id'), coalesce(max(id), 0) + 1, false) from audit_log;

-- One seal per sealed row, append-only: hash = SHA-256 of the row's id and content and the previous seal's hash
-- (AuditLog.AuditEntry#sealHash), prev_hash = that previous hash ('0' x 64 before the first seal).
create table audit_seals (
    seq       bigint primary key,
    audit_id  bigint      not null unique,
    prev_hash char(64)    not null,
    hash      char(64)    not null,
    sealed_at timestamptz not null
);

-- The rows chained so far were sealed when they were appended: their hash has the same form, with seq = id.
insert into audit_seals (seq, audit_id, prev_hash, hash, sealed_at)
select id, id, prev_hash, hash, occurred_at from audit_log;

alter table audit_log drop column prev_hash, drop column hash;

-- Rows appended but not yet sealed. The sealer takes them in batches and deletes what it sealed in the same
-- transaction; an append's row here commits (or rolls back) with the audit row itself.
create table audit_unsealed (
    audit_id bigint primary key
);

comment on table audit_head is
    'The last seal (seq, hash). Only the sealer locks and advances it, one sealer at a time across nodes; '
    'appends never touch it. Verification compares it with the last seal, so removed trailing seals show.';

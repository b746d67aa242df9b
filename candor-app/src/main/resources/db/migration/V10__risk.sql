-- The risk decision (issue #5): versioned risk policies, the decisions on every request and evidence
-- file with the features they used, and the precomputed facts the synchronous decision reads by key.

-- A policy version is a candidate until published; the live policy is the highest published version.
-- A published version never changes; candidates can be replayed over past decisions.
create table risk_policies (
    version      int primary key check (version > 0),
    document     jsonb       not null,
    note         text        not null,
    created_at   timestamptz not null,
    created_by   text        not null,
    published_at timestamptz,
    published_by text
);

-- Version 1: Candor's defaults (not platform facts: PRODUCT.md gives no risk weights; an operator should
-- tune them, replaying each candidate first). Amounts in minor units (fen).
insert into risk_policies (version, document, note, created_at, created_by, published_at, published_by) values (1, $json$
{
  "approve": {"maxScore": 9, "maxAmountCents": 20000},
  "approveWithEvidence": {"maxScore": 39, "maxAmountCents": 100000},
  "reviewScore": 60,
  "earlyClaimHours": 24,
  "rules": {
    "claims30d": {"weight": 15, "threshold": 3},
    "claims365d": {"weight": 15, "threshold": 12},
    "refundOnlyShare90d": {"weight": 15, "threshold": 0.6, "minClaims": 3},
    "earlyClaims90d": {"weight": 10, "threshold": 2},
    "earlyClaim": {"weight": 10},
    "abusiveHistory365d": {"weight": 40, "threshold": 1},
    "linkedAccounts": {"weight": 10, "threshold": 2},
    "linkedAbusiveAccount": {"weight": 40, "threshold": 1},
    "highValue": {"weight": 20, "threshold": 50000},
    "highRiskCategory": {"weight": 10, "categories": ["jewellery", "jade", "luxury", "electronics"]},
    "notDeliveredQualityClaim": {"weight": 30},
    "restrictedBuyer": {"weight": 25},
    "storeAbuseRate90d": {"weight": 10, "threshold": 0.1, "minClaims": 20}
  },
  "evidence": {
    "QUALITY_PROBLEM": ["PHOTO_WITH_CODE", "MORE_ANGLES"],
    "NOT_AS_DESCRIBED": ["PHOTO_WITH_CODE", "MORE_ANGLES"],
    "DAMAGED_IN_TRANSIT": ["PHOTO_WITH_CODE", "SHIPPING_LABEL_PHOTO"],
    "WRONG_ITEM": ["PHOTO_WITH_CODE", "SHIPPING_LABEL_PHOTO"],
    "MISSING_ITEM": ["UNBOXING_VIDEO", "SHIPPING_LABEL_PHOTO"],
    "NO_LONGER_WANTED": ["MORE_ANGLES"],
    "OTHER": ["MORE_ANGLES"]
  },
  "highValueEvidence": ["UNBOXING_VIDEO"],
  "returnEvidence": ["RETURNED_ITEM_SERIAL"]
}
$json$, 'Candor defaults (version 1)', now(), 'system', now(), 'system');

-- Every decision and revision, append-only. features is what the decision read (replay reads it back),
-- reasons the codes with the facts that fill their texts.
create table risk_decisions (
    id                uuid primary key,
    case_id           uuid        not null,
    revision          int         not null check (revision > 0),
    stage             text        not null,
    outcome           text        not null,
    score             int         not null,
    reasons           jsonb       not null,
    evidence_requests jsonb       not null,
    features          jsonb       not null,
    policy_version    int         not null references risk_policies (version),
    store_id          text        not null,
    buyer_id          text        not null,
    requested_cents   bigint      not null,
    currency          text        not null,
    decided_at        timestamptz not null,
    unique (case_id, revision)
);
create index risk_decisions_decided_at on risk_decisions (decided_at);

-- Per case: what the later stages need (evidence counts, the forensic checks' state, merchant flags, the
-- one-time code) and the row every later decision on the case locks first.
create table risk_cases (
    case_id          uuid primary key,
    photos           int   not null default 0,
    videos           int   not null default 0,
    forensic_status  text  not null default 'NO_PHOTOS',
    forensic_signals jsonb not null default '[]',
    merchant_flags   jsonb not null default '[]',
    one_time_code    text
);

-- The buyer's requests, the history windows are read from (by buyer and time); abusive is set when a
-- confirmed ledger entry names the order and cleared when it is revoked.
create table risk_claims (
    case_id         uuid primary key,
    buyer_id        text        not null,
    store_id        text        not null,
    order_id        text        not null,
    refund_only     boolean     not null,
    requested_cents bigint      not null,
    early           boolean     not null,
    abusive         boolean     not null default false,
    filed_at        timestamptz not null
);
create index risk_claims_buyer on risk_claims (buyer_id, filed_at) include (requested_cents, refund_only, early, abusive);
create index risk_claims_order on risk_claims (order_id);
-- The store record (requests and abusive ones over 90 days) is read from here at most once a minute per store.
create index risk_claims_store on risk_claims (store_id, filed_at) include (abusive);

-- Ledger entries that judged a buyer's order abusive (to clear the mark when every one is revoked).
create table risk_abusive_entries (
    entry_id uuid primary key,
    buyer_id text not null,
    order_id text not null,
    revoked  boolean not null default false
);
create index risk_abusive_entries_order on risk_abusive_entries (order_id);

-- Account links: keyed hashes (HMAC-SHA-256 under risk_link_key) of delivery addresses, phones, devices
-- and payment fingerprints; the values themselves are never stored.
create table risk_account_links (
    kind        text        not null,
    fingerprint bytea       not null,
    buyer_id    text        not null,
    first_seen  timestamptz not null,
    primary key (kind, fingerprint, buyer_id)
);
create index risk_account_links_buyer on risk_account_links (buyer_id);

-- The HMAC key of the account links, made once per installation (by the first node to need it).
create table risk_link_key (
    id  int primary key check (id = 1),
    key bytea not null
);

-- The photo reuse index (issue #5): one PDQ hash per claim photo and per listing photo. This table is the
-- source of truth; every node keeps an in-memory multi-index over it, loaded at start and polled for rows
-- other nodes add (ids commit out of order, so each poll re-reads a window below the highest id seen).
create table photo_hashes (
    id         bigserial primary key,
    source     text        not null check (source in ('CLAIM', 'LISTING')),
    -- CLAIM: the evidence id; LISTING: the listing photo's SHA-256
    ref        text        not null,
    store_id   text        not null,
    pdq        bytea       not null check (octet_length(pdq) = 32),
    buyer_id   text,
    case_id    uuid,
    created_at timestamptz not null,
    unique (source, ref, store_id),
    constraint photo_hash_claim_parties check ((source = 'CLAIM') = (buyer_id is not null and case_id is not null))
);

-- Listing photos stored by commerce and not hashed yet: written in the upload's transaction, hashed off the
-- request by a background job that claims rows with SKIP LOCKED.
create table listing_photos_to_hash (
    sha256    char(64)    not null,
    store_id  text        not null,
    photo     text        not null,
    queued_at timestamptz not null,
    primary key (sha256, store_id)
);

-- Commerce intake: what the order system pushes, keyed by the order system's own (text) ids.
-- Every upsert is INSERT ... ON CONFLICT, so concurrent pushes of one id never fail on a duplicate key.

create table stores (
    id         text primary key,
    name       text        not null,
    created_at timestamptz not null,
    updated_at timestamptz not null
);

create table listings (
    id          text primary key,
    store_id    text        not null references stores (id),
    title       text        not null,
    category    text        not null,
    price_cents bigint      not null check (price_cents >= 0),
    currency    text        not null check (currency ~ '^[A-Z]{3}$'),
    created_at  timestamptz not null,
    updated_at  timestamptz not null
);
create index listings_store on listings (store_id);

-- A photo the listing no longer shows keeps its row (position null): forensics still matches against it.
create table listing_photos (
    listing_id  text not null references listings (id),
    photo_id    text not null,
    url         text,
    position    int,
    sha256      char(64),
    media_type  text check (media_type in ('image/jpeg', 'image/png', 'image/webp')),
    size_bytes  bigint check (size_bytes > 0),
    uploaded_at timestamptz,
    primary key (listing_id, photo_id),
    constraint listing_photo_content_complete check (
        (sha256 is null) = (media_type is null) and (sha256 is null) = (size_bytes is null)
        and (sha256 is null) = (uploaded_at is null))
);
create index listing_photos_sha256 on listing_photos (sha256) where sha256 is not null;

create table buyers (
    id         text primary key,
    name       text        not null,
    phone      text        not null,
    address    text        not null,
    email      text,
    created_at timestamptz not null,
    updated_at timestamptz not null
);

create table orders (
    id           text primary key,
    store_id     text        not null references stores (id),
    buyer_id     text        not null references buyers (id),
    total_cents  bigint      not null check (total_cents >= 0),
    currency     text        not null check (currency ~ '^[A-Z]{3}$'),
    paid_at      timestamptz not null,
    shipped_at   timestamptz,
    delivered_at timestamptz,
    created_at   timestamptz not null,
    updated_at   timestamptz not null
);
create index orders_store_paid on orders (store_id, paid_at desc, id);
create index orders_buyer on orders (buyer_id);

create table order_lines (
    order_id         text   not null references orders (id),
    line_no          int    not null,
    listing_id       text   not null,
    title            text   not null,
    category         text   not null,
    quantity         int    not null check (quantity > 0),
    unit_price_cents bigint not null check (unit_price_cents >= 0),
    primary key (order_id, line_no)
);

create table shipments (
    id              text primary key,
    order_id        text        not null references orders (id),
    direction       text        not null check (direction in ('OUTBOUND', 'RETURN')),
    carrier         text        not null,
    tracking_number text        not null,
    created_at      timestamptz not null,
    updated_at      timestamptz not null
);
create index shipments_order on shipments (order_id);

-- A re-sent event (same shipment, time and status) is the same event: the key de-duplicates it.
create table tracking_events (
    shipment_id text        not null references shipments (id),
    occurred_at timestamptz not null,
    status      text        not null,
    location    text,
    description text,
    received_at timestamptz not null,
    primary key (shipment_id, occurred_at, status)
);

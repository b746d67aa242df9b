-- A store's risk settings (issue #5). fast_approval: an APPROVE_NOW decision approves the request at once
-- (refund-only to refunding, returns to awaiting the return) instead of only telling the order system. Off
-- unless the store, the order system or an admin turns it on.
create table risk_store_settings (
    store_id      text primary key,
    fast_approval boolean     not null,
    updated_at    timestamptz not null,
    updated_by    text        not null
);

-- A transaction filing a batch of requests writes their audit rows as one multi-row insert (issue #5). The rows
-- are noted as unsealed by the database, once per insert statement and in its transaction, instead of by the
-- caller's second insert per row (which made every append a statement of its own). A node still running
-- the previous version notes its rows itself; the trigger then finds them noted.
create function note_unsealed_audit_rows() returns trigger language plpgsql as $$
begin
    insert into audit_unsealed (audit_id) select id from appended on conflict do nothing;
    return null;
end
$$;

create trigger audit_log_noted_unsealed after insert on audit_log
    referencing new table as appended
    for each statement execute function note_unsealed_audit_rows();

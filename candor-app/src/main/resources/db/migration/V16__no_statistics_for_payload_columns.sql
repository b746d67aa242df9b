-- ANALYZE gathers statistics only for the planner, and no query filters, joins or sorts on these columns: they
-- are payloads read back whole (a decision's features, reasons and evidence demands, a timeline entry's detail,
-- an audit row's detail and hashes, a case's free texts). Under load autovacuum analyzes the append-only tables
-- every 10 % of growth; at 2,000 decisions a second (issue #5) that meant an analyze of risk_decisions or
-- case_timeline every minute or two, each about a second of a core spent mostly detoasting and sorting these
-- values, while requests waited for the same two cores. With a target of 0 ANALYZE skips them: on a
-- 7 GB benchmark database risk_decisions took 1.1 s instead of 2.0 s, case_timeline 0.8 s instead of 1.5 s.
alter table risk_decisions
    alter column features set statistics 0,
    alter column reasons set statistics 0,
    alter column evidence_requests set statistics 0;
alter table case_timeline
    alter column detail set statistics 0,
    alter column evidence_ids set statistics 0;
alter table audit_log
    alter column detail set statistics 0;
alter table audit_seals
    alter column prev_hash set statistics 0,
    alter column hash set statistics 0;
alter table cases
    alter column description set statistics 0,
    alter column refusal_reason set statistics 0,
    alter column inspection_note set statistics 0,
    alter column judgment_reasoning set statistics 0,
    alter column appeal_reason set statistics 0;

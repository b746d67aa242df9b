-- ANALYZE gathers statistics only for the planner. Under load autovacuum analyzes the append-only tables every
-- 10 % of growth; at 2,000 decisions a second (issue #5) that meant an analyze of risk_decisions or case_timeline
-- every minute or two, each up to 2 s (0.4-0.9 s of CPU), while requests waited for the same two cores.
--
-- Payloads no query filters, joins or sorts on (a decision's features, reasons and evidence demands, a timeline
-- entry's detail, an audit row's detail and hashes, a case's free texts) get no statistics at all: detoasting and
-- sorting them was most of an analyze. On a 7 GB benchmark database risk_decisions took 1.1 s instead of 2.0 s.
--
-- The remaining columns of the four append-only tables are only ever looked up through their indexes (a case's
-- decisions and timeline, an audit subject, a seal), where ten histogram buckets choose the same plans as a
-- hundred; the sample ANALYZE reads is 300 rows per bucket, so 3,000 rows instead of 30,000: risk_decisions then
-- took 0.07 s, case_timeline 0.11 s, audit_log and audit_seals 0.04 s, instead of 0.4-1.4 s. The cases table is
-- filtered in many ways (queues, stores, buyers, time limits) and keeps the default for everything but its texts.
alter table risk_decisions
    alter column features set statistics 0,
    alter column reasons set statistics 0,
    alter column evidence_requests set statistics 0,
    alter column id set statistics 10,
    alter column case_id set statistics 10,
    alter column revision set statistics 10,
    alter column stage set statistics 10,
    alter column outcome set statistics 10,
    alter column score set statistics 10,
    alter column policy_version set statistics 10,
    alter column store_id set statistics 10,
    alter column buyer_id set statistics 10,
    alter column requested_cents set statistics 10,
    alter column currency set statistics 10,
    alter column decided_at set statistics 10;
alter table case_timeline
    alter column detail set statistics 0,
    alter column evidence_ids set statistics 0,
    alter column id set statistics 10,
    alter column case_id set statistics 10,
    alter column occurred_at set statistics 10,
    alter column actor_id set statistics 10,
    alter column actor_kind set statistics 10,
    alter column action set statistics 10,
    alter column from_state set statistics 10,
    alter column to_state set statistics 10,
    alter column rule set statistics 10;
alter table audit_log
    alter column detail set statistics 0,
    alter column id set statistics 10,
    alter column occurred_at set statistics 10,
    alter column actor_id set statistics 10,
    alter column actor_kind set statistics 10,
    alter column action set statistics 10,
    alter column subject_type set statistics 10,
    alter column subject_id set statistics 10;
alter table audit_seals
    alter column prev_hash set statistics 0,
    alter column hash set statistics 0,
    alter column seq set statistics 10,
    alter column audit_id set statistics 10,
    alter column sealed_at set statistics 10;
alter table cases
    alter column description set statistics 0,
    alter column refusal_reason set statistics 0,
    alter column inspection_note set statistics 0,
    alter column judgment_reasoning set statistics 0,
    alter column appeal_reason set statistics 0;

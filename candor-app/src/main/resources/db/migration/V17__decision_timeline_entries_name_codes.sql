-- A decision's timeline entry names the decision and its codes (issue #5). Earlier entries also carried the
-- risk score and each reason and evidence request in both languages. Buyers read the timeline, and the score
-- is not theirs to see; the texts repeat what the decision row holds (about 1.2 kB an entry). Earlier entries
-- take the same form: reasons as their codes, evidence requests as their kinds, no score.
update case_timeline
set detail = (detail - 'score')
    || jsonb_build_object(
        'reasons', coalesce((select jsonb_agg(r -> 'code' order by n)
                             from jsonb_array_elements(detail -> 'reasons') with ordinality as e (r, n)), '[]'::jsonb),
        'evidenceRequests', coalesce((select jsonb_agg(q -> 'kind' order by n)
                                      from jsonb_array_elements(detail -> 'evidenceRequests') with ordinality as e (q, n)), '[]'::jsonb))
where action = 'RISK_DECISION' and detail ? 'score';

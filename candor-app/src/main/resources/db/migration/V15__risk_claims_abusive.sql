-- A buyer's linked accounts count as abusive when one of them has a claim judged abusive in the last year
-- (issue #5). Asked through risk_claims_buyer, the question read every claim of every linked account to find
-- the few marked abusive: at 2,000 decisions a second it made the buyers' features the most expensive statement
-- of a decision, with 900-1,500 of its 1,700 buffer reads per batch of 50 spent there. Abusive claims are rare,
-- so an index of only those answers it in a probe per account and costs an insert only when a claim is judged
-- abusive.
create index risk_claims_abusive on risk_claims (buyer_id, filed_at) where abusive;

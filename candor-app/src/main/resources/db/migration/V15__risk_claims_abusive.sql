-- A buyer's linked accounts count as abusive when one of them has a claim judged abusive in the last year
-- (issue #5). Asked through risk_claims_buyer, the question read every claim of every linked account to find
-- the few marked abusive: at 2,000 decisions a second with busy linked accounts that was 1,500 buffer reads
-- per batch of 50 and a third of the database's time. Abusive claims are rare, so an index of only those
-- answers it in a probe or two per account and costs an insert only when a claim is judged abusive.
create index risk_claims_abusive on risk_claims (buyer_id, filed_at) where abusive;

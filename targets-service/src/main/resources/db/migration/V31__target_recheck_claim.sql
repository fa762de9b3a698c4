-- The scheduled re-check of unverified targets runs on every replica: each claims a batch for a short lease
-- (SELECT ... FOR UPDATE SKIP LOCKED, then this column), so two replicas never check the same target at once and a
-- replica that dies mid-batch only delays its targets until the lease ends.
alter table target add column recheck_claimed_until timestamptz;

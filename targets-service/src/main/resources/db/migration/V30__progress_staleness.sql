-- Stored progress that could not be recomputed because a source did not answer: served marked stale (and counted
-- by the dengta_targets_stale gauge) until a recomputation succeeds. cause 'feed': indicators-service's change feed
-- could not be read (cleared when it can again: the feed resumes from its cursor); 'source': the target's own
-- source failed when it was recomputed (cleared by its next successful recomputation).
alter table target_progress add column stale_since timestamptz;
alter table target_progress add column stale_reason text;
alter table target_progress add column stale_cause text check (stale_cause in ('feed', 'source'));
create index target_progress_stale_idx on target_progress (target_id) where stale_since is not null;

-- A re-check that finds the indicator unknown (or the school outside the plan's region) rejects the target, with
-- the reason in verification_note, instead of leaving it unverified.
alter table target drop constraint target_verification_check;
alter table target add constraint target_verification_check check (verification in ('verified', 'unverified', 'rejected'));

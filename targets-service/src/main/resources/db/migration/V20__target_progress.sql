-- The last progress computed for each target by a recomputation (explicit or after new observations): what a
-- progress answer falls back to, marked stale, when a source is down; and what dashboards list.
create table target_progress (
    target_id    bigint      primary key references target (id) on delete cascade,
    status       text        not null check (status in ('achieved', 'on-track', 'at-risk', 'off-track', 'no-data', 'overdue')),
    -- the progress answer as JSON (ProgressView), for the stale fallback
    progress     text        not null,
    -- hash of the target's definition and actuals that produced it: a recomputation with the same inputs writes nothing
    inputs_hash  varchar(64) not null,
    as_of        date        not null,
    computed_at  timestamptz not null
);
create index target_progress_status_idx on target_progress (status, target_id);

-- Every recomputation that changed a target's status, with the inputs that produced the new one.
create table target_status_history (
    id              bigint generated always as identity primary key,
    target_id       bigint      not null references target (id) on delete cascade,
    previous_status text,
    status          text        not null,
    reason          text        not null,
    -- JSON: the target's definition and the actuals used
    inputs          text        not null,
    as_of           date        not null,
    computed_at     timestamptz not null
);
create index target_status_history_target_idx on target_status_history (target_id, id);

-- Where the poller of indicators-service's change feed has got to.
create table progress_feed_cursor (
    feed           varchar(32) primary key,
    after_sequence bigint      not null,
    polled_at      timestamptz
);

-- Progress reports (check-ins): a value (numeric targets) or a done flag (milestones) for a period, with
-- comment and evidence link (stored, never fetched). Accepted reports are actuals for targets whose
-- actual_source is 'reports'.
create table progress_report (
    id             bigint generated always as identity primary key,
    target_id      bigint      not null references target (id) on delete cascade,
    period         varchar(16) not null,
    value          numeric(18, 6),
    done           boolean,
    comment        text,
    evidence_url   text,
    reporter       text        not null,
    status         text        not null check (status in ('submitted', 'accepted', 'returned')),
    reviewed_by    text,
    reviewed_at    timestamptz,
    review_comment text,
    version        bigint      not null default 0,
    created_at     timestamptz not null default now(),
    updated_at     timestamptz not null default now(),
    check (value is not null or done is not null)
);
create index progress_report_target_idx on progress_report (target_id, period, id);
create index progress_report_accepted_idx on progress_report (target_id, period) where status = 'accepted';

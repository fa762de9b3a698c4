-- Large imports run as jobs (commons' ImportJobs): the request is answered 202 and the file is loaded in
-- the background; clients poll the job for progress and the report.
create table import_job (
    id            uuid        primary key,
    resource_type text        not null,
    owner         text        not null,
    status        text        not null check (status in ('queued', 'running', 'completed', 'failed')),
    rows_read     bigint      not null default 0,
    report        jsonb,
    error         text,
    created_at    timestamptz not null default now(),
    started_at    timestamptz,
    finished_at   timestamptz
);
create index import_job_created_idx on import_job (created_at);

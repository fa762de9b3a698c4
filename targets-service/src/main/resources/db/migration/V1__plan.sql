-- Plans (规划, 行动计划, 年度计划, 对标行动) and their goals: a tree under each plan.
create table plan (
    code            varchar(64) primary key check (code ~ '^[a-z0-9][a-z0-9-]{1,63}$'),
    title           text        not null,
    kind            text        not null check (kind in ('five-year', 'three-year-action', 'annual', 'benchmarking')),
    owner_region    varchar(6)  not null check (owner_region ~ '^[0-9]{6}$'),
    first_year      integer     not null check (first_year between 2000 and 2100),
    last_year       integer     not null check (last_year between 2000 and 2100),
    status          text        not null check (status in ('draft', 'active', 'closed')),
    source_document text,
    description     text,
    -- where the record comes from, e.g. 'seed' for the demo plans encoded from ../seeds
    source          text,
    version         bigint      not null default 0,
    created_at      timestamptz not null default now(),
    updated_at      timestamptz not null default now(),
    check (last_year >= first_year)
);
create index plan_region_idx on plan (owner_region, code);
create index plan_updated_idx on plan (updated_at, code);

create table goal (
    plan_code              varchar(64) not null references plan (code) on delete cascade,
    code                   varchar(64) not null check (code ~ '^[a-z0-9][a-z0-9-]{0,63}$'),
    -- the parent goal in the same plan; null for a top-level goal
    parent_code            varchar(64),
    title                  text        not null,
    description            text,
    responsible_department text,
    position               integer     not null default 0,
    version                bigint      not null default 0,
    created_at             timestamptz not null default now(),
    updated_at             timestamptz not null default now(),
    primary key (plan_code, code),
    foreign key (plan_code, parent_code) references goal (plan_code, code),
    check (parent_code is null or parent_code <> code)
);

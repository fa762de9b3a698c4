-- Measurable targets under goals. Kinds (domain.md):
--   indicator: an indicator's value in a unit reaches the target value (or band) by the deadline;
--   change:    target_value / target_low / target_high are signed changes relative to the baseline
--              ("myopia down 0.5-1 points" = between -1.0 and -0.5);
--   count:     a count accumulated from the baseline period to the deadline (seats added, kindergartens opened);
--   milestone: done or not by the deadline, with evidence (no indicator, no values).
create table target (
    id                   bigint generated always as identity primary key,
    plan_code            varchar(64) not null references plan (code) on delete cascade,
    code                 varchar(64) not null check (code ~ '^[a-z0-9][a-z0-9-]{0,63}$'),
    goal_code            varchar(64) not null,
    title                text        not null,
    description          text,
    kind                 text        not null check (kind in ('indicator', 'change', 'count', 'milestone')),
    indicator_code       varchar(64),
    -- the unit the target is about: a region (6 digits) or a school (10 digits)
    unit_code            varchar(10) not null check (unit_code ~ '^([0-9]{6}|[0-9]{10})$'),
    stage                text check (stage in ('kindergarten', 'primary', 'junior', 'senior', 'vocational', 'special')),
    comparator           text check (comparator in ('>=', '<=', '=', 'between')),
    target_value         numeric(18, 6),
    target_low           numeric(18, 6),
    target_high          numeric(18, 6),
    deadline_period      varchar(16) not null,
    baseline_value       numeric(18, 6),
    baseline_period      varchar(16),
    -- where actual values come from: indicators-service observations, schools-service statistics,
    -- or accepted progress reports (the source for targets without a data feed)
    actual_source        text        not null check (actual_source in ('indicators', 'registry', 'reports')),
    -- whether indicator_code was confirmed by indicators-service; 'unverified' when it could not be reached
    verification         text        not null check (verification in ('verified', 'unverified')),
    verified_at          timestamptz,
    -- the indicator's direction and measure unit as indicators-service gave them at verification
    indicator_direction  text check (indicator_direction in ('higher-better', 'lower-better', 'band')),
    indicator_unit       text,
    -- the phrase of the source document the target encodes (Chinese, for the reader)
    source_text          text,
    version              bigint      not null default 0,
    created_at           timestamptz not null default now(),
    updated_at           timestamptz not null default now(),
    unique (plan_code, code),
    foreign key (plan_code, goal_code) references goal (plan_code, code),
    check ((kind = 'milestone') = (indicator_code is null)),
    check (kind = 'milestone' or comparator is not null),
    check (comparator is distinct from 'between' or (target_low is not null and target_high is not null)),
    check (comparator is null or comparator = 'between' or target_value is not null)
);
create index target_goal_idx on target (plan_code, goal_code, code);
create index target_unit_idx on target (unit_code, id);
create index target_indicator_idx on target (indicator_code, unit_code);
create index target_unverified_idx on target (id) where verification = 'unverified';

-- Optional yearly milestones of a numeric target (the value expected at the end of each period).
create table target_milestone (
    target_id bigint         not null references target (id) on delete cascade,
    period    varchar(16)    not null,
    value     numeric(18, 6) not null,
    primary key (target_id, period)
);

-- Actions and projects of a plan (行动, 工程, 项目), linked to the targets they serve.
create table plan_action (
    plan_code              varchar(64) not null references plan (code) on delete cascade,
    code                   varchar(64) not null check (code ~ '^[a-z0-9][a-z0-9-]{0,63}$'),
    kind                   text        not null check (kind in ('action', 'project')),
    title                  text        not null,
    description            text,
    goal_code              varchar(64),
    responsible_department text,
    -- a schools-service construction project this action stands for, if any
    construction_project   varchar(64),
    first_year             integer,
    last_year              integer,
    version                bigint      not null default 0,
    created_at             timestamptz not null default now(),
    updated_at             timestamptz not null default now(),
    primary key (plan_code, code),
    foreign key (plan_code, goal_code) references goal (plan_code, code)
);

create table plan_action_target (
    plan_code   varchar(64) not null,
    action_code varchar(64) not null,
    target_code varchar(64) not null,
    primary key (plan_code, action_code, target_code),
    foreign key (plan_code, action_code) references plan_action (plan_code, code) on delete cascade,
    foreign key (plan_code, target_code) references target (plan_code, code) on delete cascade
);

-- The indicator catalog: what is measured, in which unit, which way is better, at which level, and how school
-- values add up to a region's. Public reference data (every authenticated caller reads it).
create table indicator (
    code         varchar(64)   primary key
        check (code ~ '^[a-z][a-z0-9]*(_[a-z0-9]+)*(\.[a-z][a-z0-9]*(_[a-z0-9]+)*){1,3}$'),
    name         text          not null,
    name_en      text,
    unit         text          not null check (unit in ('%', 'ratio', 'count', 'CNY', 'm2', 'score', 'per100')),
    decimals     integer       not null check (decimals between 0 and 6),
    direction    text          not null check (direction in ('higher-better', 'lower-better', 'band')),
    level        text          not null check (level in ('region', 'school', 'both')),
    -- empty: the indicator applies to every stage
    stages       varchar(16)[] not null default '{}',
    aggregation  text          not null check (aggregation in ('sum', 'pupil-weighted-mean', 'ratio-of-sums', 'none')),
    definition   text,
    source       text,
    -- the valid range of an observation's value (null: unbounded on that side)
    min_value    numeric,
    max_value    numeric,
    version      bigint        not null default 0,
    created_at   timestamptz   not null default now(),
    updated_at   timestamptz   not null default now(),
    check (min_value is null or max_value is null or min_value < max_value),
    check (level <> 'both' or aggregation <> 'none')
);

create index indicator_name_idx on indicator (name, code);
create index indicator_updated_idx on indicator (updated_at, code);

-- Observations (data values): one row per natural key indicator + unit + period + stage.
-- A deleted observation keeps its row (deleted_at set): its history stays readable, reads hide it, and a
-- later write of the same key brings it back. Its history (who, when, before, after) is the audit trail
-- of the write journal (resource type 'observation').
create table observation (
    id             bigserial     primary key,
    indicator_code varchar(64)   not null,
    unit_code      varchar(10)   not null,
    unit_type      varchar(6)    not null check (unit_type in ('region', 'school')),
    region_code    varchar(6)    not null,
    period_code    varchar(12)   not null,
    period_type    varchar(12)   not null
        check (period_type in ('year', 'half-year', 'quarter', 'month', 'school-year', 'term')),
    period_start   date          not null,
    period_end     date          not null,
    -- '' when the observation is not for one stage (the key's columns are all not null, so it is unique)
    stage          varchar(12)   not null default '',
    value          numeric(20,6) not null,
    numerator      numeric(20,6),
    denominator    numeric(20,6) check (denominator > 0),
    status         varchar(10)   not null check (status in ('draft', 'submitted', 'approved')),
    source         varchar(200),
    comment        varchar(1000),
    version        bigint        not null,
    created_at     timestamptz   not null,
    updated_at     timestamptz   not null,
    deleted_at     timestamptz,
    check ((numerator is null) = (denominator is null)),
    check ((unit_type = 'region') = (unit_code = region_code)),
    -- the natural key, in the order a cross-section reads it (one indicator, period and stage; units in order)
    constraint observation_key unique (indicator_code, period_code, stage, unit_code)
);

-- time series of one unit
create index observation_unit_idx on observation (unit_code, indicator_code, period_start);

-- Standards: thresholds that apply to an indicator in a jurisdiction (000000 = national) for some stages over a
-- range of years. Versioned data, not code: national and provincial values differ and change.
create table standard (
    id             uuid          primary key,
    indicator_code varchar(64)   not null references indicator (code),
    jurisdiction   varchar(6)    not null check (jurisdiction ~ '^[0-9]{6}$'),
    -- empty: every stage
    stages         varchar(16)[] not null default '{}',
    comparator     text          not null check (comparator in ('>=', '<=', '=', 'between')),
    value          numeric       not null,
    value_high     numeric,
    from_year      integer       not null check (from_year between 1949 and 2100),
    to_year        integer       check (to_year between 1949 and 2100),
    source         text          not null,
    verified       text          not null check (verified in ('official', 'secondary-sources', 'unverified')),
    note           text,
    version        bigint        not null default 0,
    created_at     timestamptz   not null default now(),
    updated_at     timestamptz   not null default now(),
    check ((comparator = 'between') = (value_high is not null)),
    check (value_high is null or value <= value_high),
    check (to_year is null or to_year >= from_year)
);

create index standard_indicator_idx on standard (indicator_code, jurisdiction, from_year);
create index standard_updated_idx on standard (updated_at, id);

-- Frameworks (指标体系) and their versions: a dimension tree whose leaves are indicators with a weight and a
-- scoring rule. A version is in force from its year until the next version's year.
create table framework (
    code         varchar(64)  primary key check (code ~ '^[a-z][a-z0-9]*(-[a-z0-9]+)*$' and length(code) >= 3),
    name         text         not null,
    name_en      text,
    description  text,
    jurisdiction varchar(6)   check (jurisdiction ~ '^[0-9]{6}$'),
    source       text,
    version      bigint       not null default 0,
    created_at   timestamptz  not null default now(),
    updated_at   timestamptz  not null default now()
);

create index framework_updated_idx on framework (updated_at, code);

create table framework_version (
    id                  uuid         primary key,
    framework_code      varchar(64)  not null references framework (code),
    effective_from_year integer      not null check (effective_from_year between 1949 and 2100),
    source              text,
    note                text,
    -- the dimension tree as the API takes it (FrameworkVersionInput.dimensions)
    dimensions          jsonb        not null,
    total_weight        numeric(6, 2) not null check (total_weight = 100),
    version             bigint       not null default 0,
    created_at          timestamptz  not null default now(),
    updated_at          timestamptz  not null default now(),
    unique (framework_code, effective_from_year)
);

-- The leaves of each version, kept next to the tree: an indicator at most once per version, and no catalog
-- indicator deleted while a framework uses it.
create table framework_indicator (
    version_id          uuid          not null references framework_version (id) on delete cascade,
    indicator_code      varchar(64)   not null references indicator (code),
    weight              numeric(5, 2) not null check (weight > 0 and weight <= 100),
    illustrative_weight boolean       not null,
    primary key (version_id, indicator_code)
);

create index framework_indicator_indicator_idx on framework_indicator (indicator_code);

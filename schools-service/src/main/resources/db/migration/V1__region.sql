-- Administrative regions (GB/T 2260). The hierarchy follows from the code and is also stored explicitly.
create table region (
    code        varchar(6)  primary key check (code ~ '^[0-9]{6}$'),
    name        text        not null,
    name_en     text,
    level       text        not null check (level in ('province', 'city', 'district')),
    parent_code varchar(6)  references region (code),
    note        text,
    version     bigint      not null default 0,
    created_at  timestamptz not null default now(),
    updated_at  timestamptz not null default now(),
    check (parent_code is distinct from code)
);

create index region_parent_idx on region (parent_code);
create index region_updated_idx on region (updated_at, code);

-- Schools, addressed by the national 10-digit school identification code (学校标识码).
create table school (
    code                varchar(10) primary key check (code ~ '^[0-9]{10}$'),
    name                text        not null,
    name_en             text,
    region_code         varchar(6)  not null references region (code),
    stages              varchar(16)[] not null check (cardinality(stages) > 0),
    ownership           text        not null check (ownership in ('public', 'private', 'private-inclusive')),
    boarding            boolean     not null default false,
    rural               boolean     not null default false,
    quality_rating      text,
    quality_rating_year integer,
    address             text,
    latitude            numeric(9, 6),
    longitude           numeric(9, 6),
    founded_on          date,
    status              text        not null check (status in ('planned', 'open', 'merged', 'closed')),
    opened_on           date,
    closed_on           date,
    merged_into         varchar(10),
    capacity_seats      integer     check (capacity_seats >= 0),
    planned_classes     integer     check (planned_classes >= 0),
    source              text,
    version             bigint      not null default 0,
    created_at          timestamptz not null default now(),
    updated_at          timestamptz not null default now()
);

create index school_region_idx on school (region_code, code);
create index school_updated_idx on school (updated_at, code);
create index school_stages_idx on school using gin (stages);

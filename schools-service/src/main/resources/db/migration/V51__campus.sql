-- Campuses (校区): a school's additional sites, coded uniquely within the school.
create table campus (
    school_code    varchar(10) not null references school (code),
    code           varchar(16) not null check (code ~ '^[A-Za-z0-9-]{1,16}$'),
    name           text        not null,
    name_en        text,
    address        text,
    latitude       numeric(9, 6),
    longitude      numeric(9, 6),
    capacity_seats integer     check (capacity_seats >= 0),
    opened_on      date,
    closed_on      date,
    stages         text[],
    source         text,
    version        bigint      not null default 0,
    created_at     timestamptz not null default now(),
    updated_at     timestamptz not null default now(),
    primary key (school_code, code),
    check ((latitude is null) = (longitude is null)),
    check (closed_on is null or opened_on is null or closed_on >= opened_on)
);

create index campus_updated_idx on campus (updated_at, school_code, code);

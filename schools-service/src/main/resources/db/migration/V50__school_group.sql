-- School groups and alliances (教育集团, 联盟, 学区共同体): an owner region, a lead school and dated memberships.
create table school_group (
    code             varchar(32) primary key check (code ~ '^[A-Za-z0-9-]{2,32}$'),
    name             text        not null,
    name_en          text,
    kind             text        not null check (kind in ('education-group', 'alliance', 'district-partnership')),
    region_code      varchar(6)  not null references region (code),
    lead_school_code varchar(10) not null references school (code),
    founded_on       date,
    source           text,
    version          bigint      not null default 0,
    created_at       timestamptz not null default now(),
    updated_at       timestamptz not null default now()
);

create index school_group_region_idx on school_group (region_code, code);
create index school_group_updated_idx on school_group (updated_at, code);

-- A school's membership of a group from joined_on to left_on, both days included (left_on null: still a member).
-- A school may leave and rejoin (two rows); the service rejects overlapping periods of one school.
create table school_group_member (
    group_code  varchar(32) not null references school_group (code) on delete cascade,
    school_code varchar(10) not null references school (code),
    joined_on   date        not null,
    left_on     date,
    primary key (group_code, school_code, joined_on),
    check (left_on is null or left_on >= joined_on)
);

create index school_group_member_school_idx on school_group_member (school_code, group_code);

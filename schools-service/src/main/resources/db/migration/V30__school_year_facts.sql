-- What a school reports for a school year (学年, code '2024Sep' = September 2024 - August 2025).
create table school_year_facts (
    id                    bigint generated always as identity primary key,
    school_code           varchar(10)    not null references school (code),
    school_year           varchar(7)     not null check (school_year ~ '^[0-9]{4}Sep$'),
    pupils_total          integer        not null check (pupils_total >= 0),
    classes_total         integer        not null check (classes_total >= 0),
    -- class-size counts: classes with more than 45/50/55 (大班额)/65 (超大班额) pupils; all four or none
    classes_over_45       integer        check (classes_over_45 >= 0),
    classes_over_50       integer        check (classes_over_50 >= 0),
    classes_over_55       integer        check (classes_over_55 >= 0),
    classes_over_65       integer        check (classes_over_65 >= 0),
    teaching_floor_area   numeric(12, 2) not null check (teaching_floor_area >= 0),
    support_floor_area    numeric(12, 2) check (support_floor_area >= 0),
    sports_ground_area    numeric(12, 2) not null check (sports_ground_area >= 0),
    equipment_value       numeric(16, 2) not null check (equipment_value >= 0),
    multimedia_classrooms integer        not null check (multimedia_classrooms >= 0),
    music_rooms           integer        not null check (music_rooms >= 0),
    art_rooms             integer        not null check (art_rooms >= 0),
    source                text,
    version               bigint         not null default 0,
    created_at            timestamptz    not null default now(),
    updated_at            timestamptz    not null default now(),
    unique (school_code, school_year),
    check ((classes_over_45 is null) = (classes_over_65 is null)
        and (classes_over_50 is null) = (classes_over_65 is null)
        and (classes_over_55 is null) = (classes_over_65 is null))
);

create index school_year_facts_year_idx on school_year_facts (school_year, school_code);
create index school_year_facts_updated_idx on school_year_facts (updated_at, id);

-- Pupils and classes by grade (年级: k1-k3, p1-p6, j1-j3, s1-s3, v1-v3, sp1-sp9).
create table school_year_grade (
    facts_id bigint  not null references school_year_facts (id) on delete cascade,
    grade    text    not null check (grade ~ '^(k[1-3]|p[1-6]|j[1-3]|s[1-3]|v[1-3]|sp[1-9])$'),
    pupils   integer not null check (pupils >= 0),
    classes  integer not null check (classes >= 0),
    primary key (facts_id, grade)
);

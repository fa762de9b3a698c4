-- Who teaches where: a teacher at a school over an (inclusive) date range with a full-time equivalent.
-- Rotations (交流轮岗) and support postings (支教) also record the school the teacher comes from.
create table assignment (
    id            uuid        primary key,
    teacher_code  varchar(32) not null references teacher (staff_code),
    school_code   varchar(10) not null references school (code),
    starts_on     date        not null,
    ends_on       date,
    fte           numeric(3, 2) not null check (fte > 0 and fte <= 1),
    role          text        not null check (role in ('teacher', 'principal', 'vice-principal', 'other')),
    kind          text        not null check (kind in ('regular', 'rotation', 'support')),
    origin_school varchar(10) references school (code),
    version       bigint      not null default 0,
    created_at    timestamptz not null default now(),
    updated_at    timestamptz not null default now(),
    check (ends_on is null or ends_on >= starts_on),
    check ((kind = 'regular') = (origin_school is null)),
    check (origin_school is distinct from school_code)
);

create index assignment_teacher_idx on assignment (teacher_code, starts_on);
create index assignment_school_idx on assignment (school_code, starts_on);
create index assignment_starts_idx on assignment (starts_on, id);
create index assignment_updated_idx on assignment (updated_at, id);

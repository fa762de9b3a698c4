-- Teachers, addressed by their staff code. Personal fields (birth date, phone, national ID) are only
-- shown to admins and the clerks of the employing school; the national ID is kept only as a salted
-- SHA-256 hash (for searching) and its last 4 characters (for people to tell records apart).
create table teacher (
    staff_code         varchar(32) primary key check (staff_code ~ '^[A-Za-z0-9-]{4,32}$'),
    name               text        not null,
    gender             text        not null check (gender in ('female', 'male')),
    birth_date         date,
    national_id_hash   char(64),
    national_id_last4  varchar(4),
    phone              text,
    employing_school   varchar(10) not null references school (code),
    highest_degree     text        not null
        check (highest_degree in ('secondary', 'associate', 'bachelor', 'master', 'doctorate')),
    certificate_type   text,
    certificate_stage  text
        check (certificate_stage in ('kindergarten', 'primary', 'junior', 'senior', 'vocational', 'special')),
    certificate_number text,
    title              text        not null
        check (title in ('none', 'third', 'second', 'first', 'senior', 'professor-senior')),
    -- varchar[], not text[]: Hibernate binds array_contains' argument as varchar[]
    subjects           varchar(40)[] not null check (cardinality(subjects) > 0),
    employment         text        not null check (employment in ('established', 'contract')),
    dual_qualified     boolean     not null default false,
    status             text        not null check (status in ('active', 'on-leave', 'retired', 'left')),
    source             text,
    version            bigint      not null default 0,
    created_at         timestamptz not null default now(),
    updated_at         timestamptz not null default now(),
    check ((national_id_hash is null) = (national_id_last4 is null))
);

create index teacher_school_idx on teacher (employing_school, staff_code);
create index teacher_name_idx on teacher (name, staff_code);
create index teacher_updated_idx on teacher (updated_at, staff_code);
create index teacher_subjects_idx on teacher using gin (subjects);
-- one teacher record per person: the service answers 409 before this would fire
create unique index teacher_national_id_idx on teacher (national_id_hash) where national_id_hash is not null;

-- Honours (骨干教师, 学科带头人, 名师, 特级教师, 名校长, …) in the order the client gave them.
create table teacher_honour (
    staff_code varchar(32) not null references teacher (staff_code) on delete cascade,
    position   integer     not null,
    kind       text        not null
        check (kind in ('key-teacher', 'subject-leader', 'famous-teacher', 'special-grade', 'famous-principal', 'other')),
    level      text        not null check (level in ('school', 'district', 'city', 'province', 'national')),
    awarded_on date        not null,
    expires_on date,
    primary key (staff_code, position),
    check (expires_on is null or expires_on > awarded_on)
);

create index teacher_honour_kind_idx on teacher_honour (kind, level, staff_code);

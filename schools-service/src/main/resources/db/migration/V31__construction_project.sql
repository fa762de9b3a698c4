-- Construction projects (校建工程) and the seats they add; status lifecycle
-- planned -> approved -> under-construction -> completed -> in-use, each step with its date.
create table construction_project (
    code                    varchar(32)    primary key check (code ~ '^[A-Za-z0-9-]{4,32}$'),
    name                    text           not null,
    region_code             varchar(6)     not null references region (code),
    -- null for a new school that is not registered yet
    school_code             varchar(10)    references school (code),
    kind                    text           not null check (kind in ('new-school', 'expansion', 'renovation')),
    seats_added             integer        check (seats_added >= 0),
    classes_added           integer        check (classes_added >= 0),
    budget                  numeric(16, 2) check (budget >= 0),
    status                  text           not null
        check (status in ('planned', 'approved', 'under-construction', 'completed', 'in-use')),
    approved_on             date,
    construction_started_on date,
    completed_on            date,
    expected_opening_on     date,
    opened_on               date,
    source                  text,
    version                 bigint         not null default 0,
    created_at              timestamptz    not null default now(),
    updated_at              timestamptz    not null default now(),
    check (kind = 'new-school' or school_code is not null),
    check (kind <> 'renovation' or coalesce(seats_added, 0) = 0),
    check (status <> 'in-use' or opened_on is not null)
);

create index construction_project_region_idx on construction_project (region_code, code);
create index construction_project_school_idx on construction_project (school_code);
create index construction_project_opened_idx on construction_project (opened_on) where opened_on is not null;
create index construction_project_updated_idx on construction_project (updated_at, code);

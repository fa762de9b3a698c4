-- The change feed and the audit trail of every write (commons' WriteJournal).

-- One row: the feed's sequence. Writers take it with UPDATE ... RETURNING, which holds the row lock
-- until they commit, so sequence numbers become visible in order and a polling consumer never skips one.
create table change_sequence (
    id   integer primary key check (id = 1),
    last bigint  not null
);
insert into change_sequence (id, last) values (1, 0);

create table change_log (
    sequence      bigint      primary key,
    resource_type text        not null,
    resource_key  text        not null,
    operation     text        not null check (operation in ('upsert', 'delete')),
    region_code   varchar(6),
    school_code   varchar(10),
    at            timestamptz not null default now()
);
create index change_log_type_idx on change_log (resource_type, sequence);

create table audit_record (
    id            bigserial   primary key,
    at            timestamptz not null default now(),
    subject       text        not null,
    client        text,
    request_id    text,
    resource_type text        not null,
    resource_key  text        not null,
    operation     text        not null,
    before        jsonb,
    after         jsonb
);
create index audit_record_resource_idx on audit_record (resource_type, resource_key, id);
create index audit_record_at_idx on audit_record (at);

-- Benchmark groups (对标组): a region compares itself with peer regions, each with a role (灯塔标杆
-- lighthouse, 赶超标杆 catch-up, or plain peer). Owned by the region: its analysts manage it.
create table benchmark_group (
    id           uuid          primary key,
    owner_region varchar(6)    not null check (owner_region ~ '^[1-8][0-9]{5}$'),
    name         varchar(200)  not null,
    description  varchar(4000),
    version      bigint        not null default 0,
    created_at   timestamptz   not null,
    updated_at   timestamptz   not null,
    -- a rerun of a demo load (or a double click) cannot create the same group twice
    constraint benchmark_group_name unique (owner_region, name)
);

create index benchmark_group_updated_idx on benchmark_group (updated_at, id);
create index benchmark_group_name_idx on benchmark_group (name, id);

create table benchmark_peer (
    group_id    uuid          not null references benchmark_group (id) on delete cascade,
    position    integer       not null,
    region_code varchar(6)    not null check (region_code ~ '^[1-8][0-9]{5}$'),
    role        varchar(10)   not null check (role in ('lighthouse', 'catch-up', 'peer')),
    name        varchar(200),
    primary key (group_id, position),
    -- deferred: a replacement rewrites peers by position, and may swap two regions on the way
    constraint benchmark_peer_region unique (group_id, region_code) deferrable initially deferred
);

-- "which groups compare with this region"
create index benchmark_peer_region_idx on benchmark_peer (region_code);

-- Rows the test application pages through with PageRequest, Keyset and Cursor.
create table testapp_item (
    code        text        primary key,
    name        text        not null,
    score       integer     not null,
    updated_at  timestamptz not null
);

insert into testapp_item (code, name, score, updated_at) values
    ('i01', 'Alpha',   30, '2024-09-01T08:00:00Z'),
    ('i02', 'Bravo',   20, '2024-09-02T08:00:00Z'),
    ('i03', 'Charlie', 30, '2024-09-03T08:00:00Z'),
    ('i04', 'Alpha',   10, '2024-09-04T08:00:00Z'),
    ('i05', 'Delta',   20, '2024-09-05T08:00:00Z'),
    ('i06', 'Echo',    30, '2024-09-06T08:00:00Z'),
    ('i07', 'Bravo',   20, '2024-09-07T08:00:00Z'),
    ('i08', 'Alpha',   30, '2024-09-08T08:00:00Z'),
    ('i09', 'Foxtrot', 10, '2024-09-09T08:00:00Z'),
    ('i10', 'Golf',    20, '2024-09-10T08:00:00Z'),
    ('i11', 'Alpha',   20, '2024-09-11T08:00:00Z');

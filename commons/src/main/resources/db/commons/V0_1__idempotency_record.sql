-- Stored first responses for Idempotency-Key (commons' Idempotency). Shared by every service with a database.
create table idempotency_record (
    owner            text        not null,
    idempotency_key  text        not null,
    request_hash     text        not null,
    status           integer,
    location         text,
    body             text,
    content_type     text,
    created_at       timestamptz not null,
    primary key (owner, idempotency_key)
);

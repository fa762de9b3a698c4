-- A school unit's region (checked against the plan owner's region), and why a target is unverified.
alter table target add column school_region varchar(6) check (school_region ~ '^[0-9]{6}$');
alter table target add column verification_note text;
alter table target add check ((length(unit_code) = 10) = (school_region is not null));

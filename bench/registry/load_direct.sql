-- The registry benchmark's fast base load (BENCH_LOAD=direct in run.sh): the generated teachers and assignments
-- written straight into schools-service's tables, as the import API stores them (version 0, honours in the order
-- given from position 0, subjects as varchar[], empty CSV fields as null, a national ID only as hash + last 4:
-- the generator gives none), so the list and statistics measurements do not depend on the import's speed.
-- Not written: the change feed and audit rows of these writes (neither the list nor the statistics read them).
-- run.sh replaces @DIR@ with the folder of teachers.csv and assignments.csv, and sets load_teachers: on loads the
-- teachers and their assignments, off only the assignments (of teachers the timed import has just created).
\set ON_ERROR_STOP on
create temp table bench_teacher (staff_code text, name text, gender text, birth_date text, national_id text,
    phone text, employing_school text, highest_degree text, certificate_type text, certificate_stage text,
    certificate_number text, title text, honours text, subjects text, employment text, dual_qualified text,
    status text, source text);
create temp table bench_assignment (teacher text, school text, starts_on text, ends_on text, fte text, role text,
    kind text, origin_school text);
\copy bench_teacher from '@DIR@/teachers.csv' with (format csv, header true)
\copy bench_assignment from '@DIR@/assignments.csv' with (format csv, header true)

begin;
delete from assignment where teacher_code in (select staff_code from bench_teacher);
\if :load_teachers
-- a rerun replaces the benchmark's teachers (their honours go with them)
delete from teacher where staff_code in (select staff_code from bench_teacher);
insert into teacher (staff_code, name, gender, birth_date, phone, employing_school, highest_degree,
        certificate_type, certificate_stage, certificate_number, title, subjects, employment, dual_qualified,
        status, source, version, created_at, updated_at)
select staff_code, name, gender, nullif(birth_date, '')::date, nullif(phone, ''), employing_school, highest_degree,
       nullif(certificate_type, ''), nullif(certificate_stage, ''), nullif(certificate_number, ''), title,
       string_to_array(subjects, '|')::varchar(40)[], employment, coalesce(dual_qualified::boolean, false), status,
       nullif(source, ''), 0, now(), clock_timestamp()
from bench_teacher;
insert into teacher_honour (staff_code, position, kind, level, awarded_on, expires_on)
select b.staff_code, h.ord - 1, split_part(h.v, ':', 1), split_part(h.v, ':', 2), split_part(h.v, ':', 3)::date,
       nullif(split_part(h.v, ':', 4), '')::date
from bench_teacher b cross join lateral unnest(string_to_array(nullif(b.honours, ''), '|')) with ordinality as h(v, ord);
\endif
insert into assignment (id, teacher_code, school_code, starts_on, ends_on, fte, role, kind, origin_school, version,
        created_at, updated_at)
select gen_random_uuid(), teacher, school, starts_on::date, nullif(ends_on, '')::date, fte::numeric, role, kind,
       nullif(origin_school, ''), 0, now(), clock_timestamp()
from bench_assignment;
commit;
analyze teacher;
analyze teacher_honour;
analyze assignment;

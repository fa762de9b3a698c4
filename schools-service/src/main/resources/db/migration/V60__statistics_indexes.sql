-- Registry statistics (io.dengta.schools.statistics).
-- A teacher's main school on a reference date ranks only their part-time assignments (a full-time one overlaps no
-- other): this small index holds them in the ranking's order, so the ranking is one ordered index-only scan.
create index assignment_part_time_idx on assignment (teacher_code, fte desc, starts_on, school_code, id)
    include (ends_on) where fte < 1;
-- Rotations (交流轮岗) started in a school year.
create index assignment_rotation_idx on assignment (starts_on) include (teacher_code) where kind = 'rotation';

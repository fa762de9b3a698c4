-- The teacher list (io.dengta.schools.teacher.TeacherListQuery): who teaches at a school now, by school, as an
-- index-only scan. Serves the `school` filter and the scope of clerks (a teacher is theirs through a current
-- assignment too) and of analysts (through a current assignment at a school of their region), which otherwise
-- read every assignment: 150 ms for a district on 200,000 teachers, under 1 ms for a school with this index.
create index assignment_school_teacher_idx on assignment (school_code, teacher_code) include (starts_on, ends_on);

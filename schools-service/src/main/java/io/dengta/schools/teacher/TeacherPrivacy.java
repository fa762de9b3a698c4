package io.dengta.schools.teacher;

import jakarta.enterprise.context.RequestScoped;

import io.dengta.commons.security.CallerScope;
import io.dengta.commons.security.Roles;

/**
 * Who may see teachers' personal fields (birth date, phone, national ID): platform admins, and school clerks
 * of the teacher's employing school. Analysts, viewers and data feeds never do, whatever their scope.
 */
@RequestScoped
public class TeacherPrivacy {

    private final CallerScope caller;

    public TeacherPrivacy(CallerScope caller) {
        this.caller = caller;
    }

    public boolean canSeePersonal(String employingSchool) {
        return caller.isPlatformAdmin()
                || (caller.hasRole(Roles.SCHOOL_CLERK) && caller.schools().contains(employingSchool));
    }

    /** Searching by national ID tells whether a person is a teacher: only for those who see personal fields. */
    public boolean maySearchByNationalId() {
        return caller.isPlatformAdmin() || caller.hasRole(Roles.SCHOOL_CLERK);
    }
}

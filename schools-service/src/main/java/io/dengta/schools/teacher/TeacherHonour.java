package io.dengta.schools.teacher;

import java.time.LocalDate;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/** One honour of a teacher (a row of {@code teacher_honour}). */
@Embeddable
public class TeacherHonour {

    public String kind;

    public String level;

    @Column(name = "awarded_on")
    public LocalDate awardedOn;

    @Column(name = "expires_on")
    public LocalDate expiresOn;
}

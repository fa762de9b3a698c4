package io.dengta.schools.schoolyear;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/** Pupils and classes of one grade in one school year (a row of {@code school_year_grade}). */
@Embeddable
public class SchoolYearGrade {

    public String grade;

    public int pupils;

    @Column(name = "classes")
    public int classes;

    public SchoolYearGrade() {
    }

    SchoolYearGrade(String grade, int pupils, int classes) {
        this.grade = grade;
        this.pupils = pupils;
        this.classes = classes;
    }
}

package io.dengta.schools.group;

import java.io.Serializable;
import java.time.LocalDate;
import java.util.Objects;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * One period of a school's membership of a group, {@code joinedOn} to {@code leftOn} with both days included
 * ({@code leftOn} null: still a member). Replaced as a whole with its group, whose version covers it.
 */
@Entity
@Table(name = "school_group_member")
@IdClass(SchoolGroupMember.Key.class)
public class SchoolGroupMember extends PanacheEntityBase {

    @Id
    @Column(name = "group_code")
    public String groupCode;

    @Id
    @Column(name = "school_code")
    public String schoolCode;

    @Id
    @Column(name = "joined_on")
    public LocalDate joinedOn;

    @Column(name = "left_on")
    public LocalDate leftOn;

    public static class Key implements Serializable {

        public String groupCode;
        public String schoolCode;
        public LocalDate joinedOn;

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(groupCode, k.groupCode)
                    && Objects.equals(schoolCode, k.schoolCode) && Objects.equals(joinedOn, k.joinedOn);
        }

        @Override
        public int hashCode() {
            return Objects.hash(groupCode, schoolCode, joinedOn);
        }
    }
}

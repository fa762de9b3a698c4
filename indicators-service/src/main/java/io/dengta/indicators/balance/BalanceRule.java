package io.dengta.indicators.balance;

import java.math.BigDecimal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A jurisdiction's balance method for a stage over a range of years (table balance_rule, seeded by V46). */
@Entity
@Table(name = "balance_rule")
public class BalanceRule extends PanacheEntityBase {

    @Id
    public long id;

    public String jurisdiction;

    public String stage;

    @Column(name = "from_year")
    public int fromYear;

    @Column(name = "to_year")
    public Integer toYear;

    @Column(name = "max_cv")
    public BigDecimal maxCv;

    @Column(name = "min_pupils")
    public int minPupils;

    @Column(name = "min_standards_met")
    public int minStandardsMet;

    public String source;
}

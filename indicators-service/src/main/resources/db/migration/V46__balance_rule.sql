-- The balance (均衡) method of a jurisdiction: the largest coefficient of variation between schools allowed for each
-- resource indicator, which schools count (special schools never; teaching points under min_pupils pupils not), and
-- how many of the resource standards each school must meet. Data, not code: a province may set stricter values.
create table balance_rule (
    id                  bigserial    primary key,
    jurisdiction        varchar(6)   not null check (jurisdiction ~ '^[0-9]{6}$'),
    stage               varchar(16)  not null,
    from_year           integer      not null check (from_year between 1949 and 2100),
    to_year             integer      check (to_year between 1949 and 2100),
    max_cv              numeric(6,4) not null check (max_cv > 0),
    min_pupils          integer      not null check (min_pupils >= 0),
    min_standards_met   integer      not null check (min_standards_met >= 0),
    source              text         not null,
    check (to_year is null or to_year >= from_year),
    unique (jurisdiction, stage, from_year)
);

-- 教督〔2017〕6号 (县域义务教育优质均衡发展督导评估办法): CV ≤ 0.50 primary, ≤ 0.45 junior for each of the 7 resource
-- indicators; each school meets at least 6 of the 7 standards; special schools and teaching points under 50 pupils
-- are left out.
insert into balance_rule (jurisdiction, stage, from_year, max_cv, min_pupils, min_standards_met, source) values
    ('000000', 'primary', 2017, 0.50, 50, 6, '教督〔2017〕6号'),
    ('000000', 'junior',  2017, 0.45, 50, 6, '教督〔2017〕6号');

-- SPDX-License-Identifier: GPL-3.0-or-later
-- Schema version 3 to 4 (run by pm-store-schema.c in one transaction, with
-- foreign keys off, after a backup copy of the file was written).
-- Key tasks link to a domain of their plan (tasks.domain): the domain (类别
-- of 专栏2) that the task's section of 三、重点任务 corresponds to by subject,
-- as the template gives it (README.md, "Template format"). The children's
-- plan has its 7 sections in the order of its 7 domains; the women's plan
-- has 8 sections, and section (二) (education) none: there is no 妇女与教育
-- domain. A domain the file does not hold is left NULL.
-- The table is rebuilt with the CREATE statement of schema.sql, to the
-- character (test-store-migrate checks): a copy is kept in tasks_v3 by
-- CREATE TABLE ... AS (not ALTER TABLE ... RENAME, which would rewrite the
-- REFERENCES tasks (code) of the tables that point at tasks).

CREATE TABLE tasks_v3 AS SELECT * FROM tasks;
DROP TABLE tasks;
CREATE TABLE tasks (
  code             TEXT PRIMARY KEY NOT NULL,
  position         INTEGER NOT NULL UNIQUE,
  plan             TEXT NOT NULL REFERENCES plans (key),
  section_number   INTEGER NOT NULL,
  section          TEXT NOT NULL,
  domain           TEXT,
  number           INTEGER NOT NULL,
  title            TEXT NOT NULL,
  text             TEXT NOT NULL,
  department_label TEXT,
  FOREIGN KEY (plan, domain) REFERENCES domains (plan, name)
);
-- the correspondence of section to domain (women's (二): none)
CREATE TABLE task_domains_v3 (plan TEXT, section_number INTEGER, domain TEXT);
INSERT INTO task_domains_v3 VALUES ('women', 1, '妇女与健康');
INSERT INTO task_domains_v3 VALUES ('women', 3, '妇女与经济');
INSERT INTO task_domains_v3 VALUES ('women', 4, '妇女参与决策管理');
INSERT INTO task_domains_v3 VALUES ('women', 5, '妇女与社会保障');
INSERT INTO task_domains_v3 VALUES ('women', 6, '妇女与家庭建设');
INSERT INTO task_domains_v3 VALUES ('women', 7, '妇女与环境');
INSERT INTO task_domains_v3 VALUES ('women', 8, '妇女与法律');
INSERT INTO task_domains_v3 VALUES ('children', 1, '儿童与健康');
INSERT INTO task_domains_v3 VALUES ('children', 2, '儿童与安全');
INSERT INTO task_domains_v3 VALUES ('children', 3, '儿童与教育');
INSERT INTO task_domains_v3 VALUES ('children', 4, '儿童与福利');
INSERT INTO task_domains_v3 VALUES ('children', 5, '儿童与家庭');
INSERT INTO task_domains_v3 VALUES ('children', 6, '儿童与环境');
INSERT INTO task_domains_v3 VALUES ('children', 7, '儿童与法律');
INSERT INTO tasks (code, position, plan, section_number, section, domain, number, title, text,
                   department_label)
SELECT t.code, t.position, t.plan, t.section_number, t.section, d.name, t.number, t.title,
       t.text, t.department_label
FROM tasks_v3 AS t
LEFT JOIN task_domains_v3 AS m ON m.plan = t.plan AND m.section_number = t.section_number
LEFT JOIN domains AS d ON d.plan = m.plan AND d.name = m.domain;
DROP TABLE task_domains_v3;
DROP TABLE tasks_v3;

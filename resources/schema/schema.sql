-- SPDX-License-Identifier: GPL-3.0-or-later
-- Plan Monitor project file: the schema of a new file (resources/schema/README.md).
-- PRAGMA application_id and user_version are set by the program after this.
-- Statements are split on ";" by libgda's parser: no triggers (their
-- bodies hold semicolons), no ";" inside literals.
-- The big tables (observations, observation_history) write their CHECK
-- constraints without IN lists: the check run on every opening (integrity_check)
-- evaluates them for every row, and an IN list there costs several times
-- more (version 2; see migrate-1.sql).

-- Facts about the project: title, the plans' document, who created it.
CREATE TABLE project (
  key   TEXT PRIMARY KEY NOT NULL,
  value TEXT
);

CREATE TABLE plans (
  key           TEXT PRIMARY KEY NOT NULL,
  position      INTEGER NOT NULL UNIQUE,
  name          TEXT NOT NULL,
  previous_name TEXT
);

CREATE TABLE domains (
  plan     TEXT NOT NULL REFERENCES plans (key),
  name     TEXT NOT NULL,
  position INTEGER NOT NULL,
  PRIMARY KEY (plan, name)
);

CREATE TABLE departments (
  name     TEXT PRIMARY KEY NOT NULL,
  position INTEGER NOT NULL UNIQUE
);

-- Both periods' indicators in catalogue order (position): the 2021-2030 rows
-- (W…, C…) with their targets, and the 2011-2020 rows (HW…, HC…) with the
-- results printed in the plans (value_2010, target_2020, value_2020; the
-- *_text columns keep each value as printed: 34.80, 23%).
CREATE TABLE indicators (
  code             TEXT PRIMARY KEY NOT NULL,
  position         INTEGER NOT NULL UNIQUE,
  period           TEXT NOT NULL CHECK (period IN ('2021-2030', '2011-2020')),
  plan             TEXT NOT NULL REFERENCES plans (key),
  domain           TEXT,
  number           TEXT NOT NULL,
  parent_code      TEXT REFERENCES indicators (code) DEFERRABLE INITIALLY DEFERRED,
  name             TEXT NOT NULL,
  unit             TEXT NOT NULL,
  city_target      TEXT,
  county_target    TEXT,
  attribute        TEXT CHECK (attribute IN ('约束性', '预期性')),
  inherited        INTEGER NOT NULL DEFAULT 0 CHECK (inherited IN (0, 1)),
  predecessor      TEXT REFERENCES indicators (code) DEFERRABLE INITIALLY DEFERRED,
  predecessor_note TEXT,
  note             TEXT,
  value_2010       REAL,
  value_2010_text  TEXT,
  target_2020      TEXT,
  value_2020       REAL,
  value_2020_text  TEXT,
  FOREIGN KEY (plan, domain) REFERENCES domains (plan, name)
);

-- Responsible departments (责任单位): position 0 leads (牵头), the others
-- co-operate (配合).
CREATE TABLE indicator_departments (
  indicator  TEXT NOT NULL REFERENCES indicators (code),
  department TEXT NOT NULL REFERENCES departments (name),
  position   INTEGER NOT NULL,
  role       TEXT NOT NULL CHECK (role IN ('lead', 'co-operating')),
  PRIMARY KEY (indicator, department)
);

-- Key tasks (重点任务). domain: the plan's domain (类别) that the task's
-- section corresponds to, NULL where none does (version 4; README.md,
-- "Template format": an editorial link, not printed in the plans).
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

CREATE TABLE task_departments (
  task       TEXT NOT NULL REFERENCES tasks (code),
  department TEXT NOT NULL REFERENCES departments (name),
  position   INTEGER NOT NULL,
  role       TEXT NOT NULL CHECK (role IN ('lead', 'co-operating')),
  PRIMARY KEY (task, department)
);

CREATE TABLE key_projects (
  code       TEXT PRIMARY KEY NOT NULL,
  position   INTEGER NOT NULL UNIQUE,
  plan       TEXT NOT NULL REFERENCES plans (key),
  box_number INTEGER NOT NULL,
  box_title  TEXT NOT NULL,
  number     INTEGER NOT NULL,
  name       TEXT NOT NULL,
  text       TEXT NOT NULL
);

CREATE TABLE key_project_departments (
  key_project TEXT NOT NULL REFERENCES key_projects (code),
  department  TEXT NOT NULL REFERENCES departments (name),
  position    INTEGER NOT NULL,
  PRIMARY KEY (key_project, department)
);

-- One value of an indicator for a year and an area ('county': the whole
-- county). text is how the source printed it where that was not a plain
-- number (full-width digits, a % sign, thousands separators), or, for a
-- target a person judges, the judgement (已达标 …; value NULL without a number).
CREATE TABLE observations (
  indicator   TEXT NOT NULL REFERENCES indicators (code),
  year        INTEGER NOT NULL CHECK (year BETWEEN 2010 AND 2030),
  area        TEXT NOT NULL DEFAULT 'county' CHECK (area <> ''),
  value       REAL,
  text        TEXT,
  note        TEXT,
  source      TEXT,
  provisional INTEGER NOT NULL DEFAULT 0 CHECK (provisional = 0 OR provisional = 1),
  changed_at  TEXT NOT NULL,
  changed_by  TEXT NOT NULL,
  PRIMARY KEY (indicator, year, area)
) WITHOUT ROWID;

-- Every insert, update and delete of an observation, with the values before
-- (old_*) and after (new_*), when (UTC, ISO 8601) and by whom; hash chains
-- each row to the one before (version 5; resources/schema/README.md).
CREATE TABLE observation_history (
  id              INTEGER PRIMARY KEY,
  indicator       TEXT NOT NULL REFERENCES indicators (code),
  year            INTEGER NOT NULL,
  area            TEXT NOT NULL,
  action          TEXT NOT NULL
                  CHECK (action = 'insert' OR action = 'update' OR action = 'delete'),
  origin          TEXT NOT NULL
                  CHECK (origin = 'edit' OR origin = 'import' OR origin = 'undo' OR origin = 'redo'),
  old_value       REAL,
  old_text        TEXT,
  old_note        TEXT,
  old_source      TEXT,
  old_provisional INTEGER,
  new_value       REAL,
  new_text        TEXT,
  new_note        TEXT,
  new_source      TEXT,
  new_provisional INTEGER,
  changed_at      TEXT NOT NULL,
  changed_by      TEXT NOT NULL,
  hash            TEXT
);

CREATE INDEX observation_history_by_key ON observation_history (indicator, year, area);

-- A piece of work a department plans for a year, in the order the
-- department gave them (position, from 0 within a department and year).
CREATE TABLE work_items (
  id         INTEGER PRIMARY KEY,
  department TEXT NOT NULL REFERENCES departments (name),
  year       INTEGER NOT NULL CHECK (year BETWEEN 2010 AND 2030),
  position   INTEGER NOT NULL DEFAULT 0 CHECK (position >= 0),
  task       TEXT REFERENCES tasks (code),
  indicator  TEXT REFERENCES indicators (code),
  title      TEXT NOT NULL CHECK (title <> ''),
  starts_on  TEXT CHECK (starts_on IS NULL OR date (starts_on) = starts_on),
  due_on     TEXT CHECK (due_on IS NULL OR date (due_on) = due_on),
  status     TEXT NOT NULL DEFAULT 'planned'
             CHECK (status IN ('planned', 'in-progress', 'done', 'delayed', 'cancelled')),
  note       TEXT,
  changed_at TEXT NOT NULL,
  changed_by TEXT NOT NULL,
  CHECK (starts_on IS NULL OR due_on IS NULL OR starts_on <= due_on)
);

CREATE INDEX work_items_by_department ON work_items (department, year);

-- Where a department's report for a year stands. No row: not started.
-- accepted locks the values of the indicators the department leads for
-- that year; only an unlock (with a reason, in report_history) lifts it.
-- comment is the office's word when it returned the report.
CREATE TABLE department_reports (
  department   TEXT NOT NULL REFERENCES departments (name),
  year         INTEGER NOT NULL CHECK (year BETWEEN 2010 AND 2030),
  status       TEXT NOT NULL DEFAULT 'draft'
               CHECK (status IN ('draft', 'submitted', 'accepted', 'returned')),
  submitted_at TEXT,
  accepted_at  TEXT,
  returned_at  TEXT,
  note         TEXT,
  comment      TEXT,
  changed_at   TEXT NOT NULL,
  changed_by   TEXT NOT NULL,
  PRIMARY KEY (department, year)
);

-- Every change of a report's status: submit, accept, return (comment: the
-- office's comment), unlock (comment: the reason), draft, delete.
CREATE TABLE report_history (
  id         INTEGER PRIMARY KEY,
  department TEXT NOT NULL REFERENCES departments (name),
  year       INTEGER NOT NULL,
  action     TEXT NOT NULL
             CHECK (action IN ('draft', 'submit', 'accept', 'return', 'unlock', 'delete')),
  old_status TEXT,
  new_status TEXT,
  comment    TEXT,
  changed_at TEXT NOT NULL,
  changed_by TEXT NOT NULL
);

-- What a department did on a key task in a year (实施情况).
CREATE TABLE progress_notes (
  task       TEXT NOT NULL REFERENCES tasks (code),
  department TEXT NOT NULL REFERENCES departments (name),
  year       INTEGER NOT NULL CHECK (year BETWEEN 2010 AND 2030),
  text       TEXT NOT NULL CHECK (text <> ''),
  changed_at TEXT NOT NULL,
  changed_by TEXT NOT NULL,
  PRIMARY KEY (task, department, year)
);

CREATE TABLE progress_note_history (
  id         INTEGER PRIMARY KEY,
  task       TEXT NOT NULL REFERENCES tasks (code),
  department TEXT NOT NULL REFERENCES departments (name),
  year       INTEGER NOT NULL,
  action     TEXT NOT NULL CHECK (action IN ('insert', 'update', 'delete')),
  old_text   TEXT,
  new_text   TEXT,
  changed_at TEXT NOT NULL,
  changed_by TEXT NOT NULL
);

-- The project's own settings of an indicator: figures for its target
-- (src/eval/README.md, Overrides) and the change from one year to the next
-- above which a value is checked (a fraction: 0.5 is 50 %).
CREATE TABLE indicator_settings (
  indicator        TEXT PRIMARY KEY NOT NULL REFERENCES indicators (code),
  target_override  TEXT CHECK (target_override <> ''),
  change_threshold REAL CHECK (change_threshold > 0),
  changed_at       TEXT NOT NULL,
  changed_by       TEXT NOT NULL
);

CREATE TABLE indicator_settings_history (
  id         INTEGER PRIMARY KEY,
  indicator  TEXT NOT NULL REFERENCES indicators (code),
  setting    TEXT NOT NULL CHECK (setting IN ('target_override', 'change_threshold')),
  old_value  TEXT,
  new_value  TEXT,
  changed_at TEXT NOT NULL,
  changed_by TEXT NOT NULL
);

-- A check of a value (a percentage above 100, a large change …) that a
-- person confirmed with a note. It holds for that value only: another
-- value of the year is checked afresh.
CREATE TABLE check_confirmations (
  indicator  TEXT NOT NULL REFERENCES indicators (code),
  year       INTEGER NOT NULL CHECK (year BETWEEN 2010 AND 2030),
  area       TEXT NOT NULL DEFAULT 'county',
  kind       TEXT NOT NULL CHECK (kind IN ('percent-range', 'per-mille-range', 'large-change',
                                           'binding-target')),
  value      REAL NOT NULL,
  note       TEXT NOT NULL CHECK (note <> ''),
  changed_at TEXT NOT NULL,
  changed_by TEXT NOT NULL,
  PRIMARY KEY (indicator, year, area, kind)
);

-- Reporting views: a stable interface for queries with any SQLite tool.

-- Every observation with its indicator's code, name, unit and plan.
CREATE VIEW observation_details AS
SELECT o.indicator AS code,
       i.period,
       p.name AS plan,
       i.domain,
       i.name AS indicator_name,
       i.unit,
       o.year,
       o.area,
       o.value,
       o.text,
       o.note,
       o.source,
       o.provisional,
       o.changed_at,
       o.changed_by
FROM observations AS o
JOIN indicators AS i ON i.code = o.indicator
JOIN plans AS p ON p.key = i.plan;

-- Every indicator with its departments and its latest county-wide value.
CREATE VIEW indicator_summary AS
SELECT i.code,
       i.period,
       p.name AS plan,
       i.domain,
       i.number,
       i.name,
       i.unit,
       i.city_target,
       i.county_target,
       i.attribute,
       (SELECT d.department FROM indicator_departments AS d
        WHERE d.indicator = i.code AND d.role = 'lead') AS lead_department,
       (SELECT group_concat (department, '、')
        FROM (SELECT d.department FROM indicator_departments AS d
              WHERE d.indicator = i.code ORDER BY d.position)) AS departments,
       l.year AS latest_year,
       l.value AS latest_value,
       l.text AS latest_text,
       l.provisional AS latest_provisional
FROM indicators AS i
JOIN plans AS p ON p.key = i.plan
LEFT JOIN observations AS l
  ON l.indicator = i.code AND l.area = 'county'
  AND l.year = (SELECT max (m.year) FROM observations AS m
                WHERE m.indicator = i.code AND m.area = 'county')
ORDER BY i.position;

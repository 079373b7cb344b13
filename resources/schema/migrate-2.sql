-- SPDX-License-Identifier: GPL-3.0-or-later
-- Schema version 2 to 3 (run by pm-store-schema.c in one transaction, with
-- foreign keys off, after a backup copy of the file was written).
-- Departments' data entry (issue 7): work items keep the order a department
-- gives them (work_items.position), a report may be returned with a comment
-- (department_reports.returned_at, comment), and new tables keep report
-- history, progress notes (实施情况), the indicators' own settings (target
-- overrides, change thresholds) and confirmed checks.
-- SQLite cannot add a column in the middle of a table or change a CHECK
-- constraint: work_items and department_reports are rebuilt under their own
-- names. The CREATE statements are those of schema.sql, to the character,
-- so that a migrated file has the schema of a new one (test-store-migrate
-- checks).

DROP INDEX work_items_by_department;
ALTER TABLE work_items RENAME TO work_items_v2;
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
-- the order version 2 listed them in: by due date, undated last
INSERT INTO work_items (id, department, year, position, task, indicator, title, starts_on,
                        due_on, status, note, changed_at, changed_by)
SELECT id, department, year,
       row_number () OVER (PARTITION BY department, year
                           ORDER BY due_on IS NULL, due_on, id) - 1,
       task, indicator, title, starts_on, due_on, status, note, changed_at, changed_by
FROM work_items_v2;
DROP TABLE work_items_v2;
CREATE INDEX work_items_by_department ON work_items (department, year);

ALTER TABLE department_reports RENAME TO department_reports_v2;
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
INSERT INTO department_reports (department, year, status, submitted_at, accepted_at, note,
                                changed_at, changed_by)
SELECT department, year, status, submitted_at, accepted_at, note, changed_at, changed_by
FROM department_reports_v2;
DROP TABLE department_reports_v2;

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

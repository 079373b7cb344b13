-- SPDX-License-Identifier: GPL-3.0-or-later
-- Schema version 1 to 2 (run by pm-store-schema.c in one transaction, with
-- foreign keys off, after a backup copy of the file was written).
-- The CHECK constraints of observations and observation_history used IN
-- lists, which PRAGMA quick_check (run on every opening) evaluated for each
-- row several times slower than the same test written with OR: opening a
-- project with 100,000 values took 100 ms longer. SQLite cannot change a
-- constraint in place, so both tables are rebuilt under their own names;
-- the views that read them are dropped first and made again at the end.
-- The CREATE statements are those of schema.sql, to the character, so that
-- a migrated file has the schema of a new one (test-store-migrate checks).

DROP VIEW indicator_summary;
DROP VIEW observation_details;

ALTER TABLE observations RENAME TO observations_v1;
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
INSERT INTO observations (indicator, year, area, value, text, note, source, provisional,
                          changed_at, changed_by)
SELECT indicator, year, area, value, text, note, source, provisional, changed_at, changed_by
FROM observations_v1;
DROP TABLE observations_v1;

DROP INDEX observation_history_by_key;
ALTER TABLE observation_history RENAME TO observation_history_v1;
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
  changed_by      TEXT NOT NULL
);
INSERT INTO observation_history (id, indicator, year, area, action, origin, old_value, old_text,
                                 old_note, old_source, old_provisional, new_value, new_text,
                                 new_note, new_source, new_provisional, changed_at, changed_by)
SELECT id, indicator, year, area, action, origin, old_value, old_text, old_note, old_source,
       old_provisional, new_value, new_text, new_note, new_source, new_provisional, changed_at,
       changed_by
FROM observation_history_v1;
DROP TABLE observation_history_v1;
CREATE INDEX observation_history_by_key ON observation_history (indicator, year, area);

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

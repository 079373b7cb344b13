-- SPDX-License-Identifier: GPL-3.0-or-later
-- Schema version 4 to 5 (run by pm-store-schema.c in one transaction, with
-- foreign keys off, after a backup copy of the file was written).
-- observation_history gets its hash column: the table is rebuilt with the
-- CREATE statement of schema.sql, to the character (test-store-migrate
-- checks), its rows copied in order of id; pm-store-schema.c then computes
-- the hash chain of every row (pm-store-chain.c), which SQL cannot.

CREATE TABLE observation_history_v4 AS SELECT * FROM observation_history;
DROP TABLE observation_history;
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
INSERT INTO observation_history (id, indicator, year, area, action, origin, old_value, old_text,
                                 old_note, old_source, old_provisional, new_value, new_text,
                                 new_note, new_source, new_provisional, changed_at, changed_by)
SELECT id, indicator, year, area, action, origin, old_value, old_text, old_note, old_source,
       old_provisional, new_value, new_text, new_note, new_source, new_provisional, changed_at,
       changed_by
FROM observation_history_v4 ORDER BY id;
DROP TABLE observation_history_v4;
CREATE INDEX observation_history_by_key ON observation_history (indicator, year, area);

-- SPDX-License-Identifier: GPL-3.0-or-later
-- Schema version 5 to 6 (run by pm-store-schema.c in one transaction, with
-- foreign keys off, after a backup copy of the file was written).
-- No table changes: the 2010 values and 2020 results of the 2011–2020 rows
-- get their text as printed in value_2010_text and value_2020_text, which
-- older versions kept only for a print that was not a plain number (23%).
-- The template then gave 34.80 as a JSON number, read as 34.8: the five
-- values printed with a trailing zero are named here, guarded by the number
-- the file holds; every other printed value is the number written with the
-- fewest digits, which printf ('%.15g') gives.

UPDATE indicators SET value_2010_text = '34.80'
WHERE code = 'HW20' AND value_2010 = 34.8 AND value_2010_text IS NULL;
UPDATE indicators SET value_2020_text = '45.80'
WHERE code = 'HW20' AND value_2020 = 45.8 AND value_2020_text IS NULL;
UPDATE indicators SET value_2020_text = '3.70'
WHERE code = 'HC14' AND value_2020 = 3.7 AND value_2020_text IS NULL;
UPDATE indicators SET value_2020_text = '98.90'
WHERE code = 'HC21' AND value_2020 = 98.9 AND value_2020_text IS NULL;
UPDATE indicators SET value_2020_text = '98.10'
WHERE code = 'HC23' AND value_2020 = 98.1 AND value_2020_text IS NULL;

UPDATE indicators SET value_2010_text = printf ('%.15g', value_2010)
WHERE period = '2011-2020' AND value_2010 IS NOT NULL AND value_2010_text IS NULL;
UPDATE indicators SET value_2020_text = printf ('%.15g', value_2020)
WHERE period = '2011-2020' AND value_2020 IS NOT NULL AND value_2020_text IS NULL;

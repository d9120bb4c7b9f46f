import { DuckDBInstance } from '@duckdb/node-api';
const db = await DuckDBInstance.create(':memory:');
const c = await db.connect();
await c.run(`COPY (SELECT * FROM (VALUES
 (101, DATE '2023-01-15', 'virtual', 'Deputy Secretary-General', 'Online', 25),
 (102, DATE '2023-04-20', 'hybrid', 'Director, TSB', 'Geneva', 40),
 (103, DATE '2024-02-01', 'in_person', 'Deputy Secretary-General', 'Geneva', 35),
 (104, DATE '2024-06-12', NULL, NULL, NULL, 30)
) t(meeting_no, date, format, chair, location, participants)) TO 'tests/fixtures/good/meetings.parquet' (FORMAT parquet)`);
await c.run(`COPY (SELECT * FROM (VALUES
 ('P-1', 101, TIMESTAMP '2023-01-15 10:00:00', 'accessibility', 'Captioning guidelines', 'publication', 'completed', 'TSB', ['TSB','BDT'], NULL, NULL, DATE '2023-03-01'),
 ('P-2', 102, TIMESTAMP '2023-04-20 10:00:00', 'gender', 'Gender mainstreaming review', 'report', 'in_progress', 'GS', ['GS'], 'C23/10', DATE '2024-01-01', NULL),
 ('P-3', 103, TIMESTAMP '2024-02-01 10:00:00', 'ai', 'AI for Good coordination', 'event', 'completed', 'TSB', ['TSB','BR','BDT'], NULL, NULL, DATE '2024-05-01'),
 ('P-4', 104, TIMESTAMP '2024-06-12 10:00:00', 'ai', 'Joint AI brief', 'action', 'planned', 'BR', ['BR','TSB'], NULL, DATE '2025-01-01', NULL),
 ('P-5', 104, TIMESTAMP '2024-06-12 10:00:00', 'gender', 'Dropped survey', 'other', 'cancelled', 'BDT', ['BDT'], NULL, NULL, NULL)
) t(outcome_id, meeting_no, date, theme_id, title, type, status, lead_sector, sectors, document, due_date, completed_date)) TO 'tests/fixtures/good/outcomes.parquet' (FORMAT parquet)`);
console.log('ok');

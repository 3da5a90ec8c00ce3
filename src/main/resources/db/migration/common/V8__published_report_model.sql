-- The report as its one model made it at publication, in a numbered format, so the web page shows
-- what the PDF and the workbook say even after the code that makes reports has changed. Reports
-- published before have none, and are made again from their kept input when read.
ALTER TABLE published_report ADD COLUMN report_model TEXT;

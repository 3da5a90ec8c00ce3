-- Whether the organization's rounds may share their results on a page with no account
-- (on unless an administrator turns it off).
ALTER TABLE organization ADD COLUMN results_pages BOOLEAN NOT NULL DEFAULT TRUE;

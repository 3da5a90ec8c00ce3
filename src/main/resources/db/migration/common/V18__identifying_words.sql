-- The organization's own words that could tell who wrote an answer (staff names, group
-- names, local places), one a line, kept by a steward so that the review flags them. Only
-- the list: nothing records where a word was found.
ALTER TABLE organization ADD COLUMN identifying_words VARCHAR(4000) NOT NULL DEFAULT '';

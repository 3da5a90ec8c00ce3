-- The words as written of each answer a steward has changed in review, so that a change (words
-- taken out, or the whole answer) can be put back until the report is published. Emptied in the
-- publishing transaction, after which the database's files are rewritten: once the report is out,
-- the words taken out are gone (invariants 3 and 9).
CREATE TABLE written_answer_as_written (
    answer_id  UUID PRIMARY KEY REFERENCES written_answer (id) ON DELETE CASCADE,
    answer     TEXT NOT NULL
);

-- Rounds whose answers were rewritten at close, or erased, while the database's own files may
-- still hold earlier copies of them; a round leaves this list once the files are rewritten
-- (invariant 3). Kept in the database so that a restart finishes what a crash interrupted.
CREATE TABLE answers_rewrite_pending (
    round_id  UUID PRIMARY KEY REFERENCES round (id)
);

-- Where the rewrite at close keeps each row's new key for the length of the closing transaction;
-- empty outside it.
CREATE TABLE answers_rewrite_key (
    old_id  UUID PRIMARY KEY,
    new_id  UUID NOT NULL UNIQUE
);

-- Whether an answer was typed in from paper (invariant 13): whoever typed it knows it, so the gate
-- checks every figure for the answers that did not come on paper as well. Nothing else about how
-- or when an answer came is kept.
ALTER TABLE response ADD COLUMN on_paper BOOLEAN NOT NULL DEFAULT FALSE;
ALTER TABLE written_answer ADD COLUMN on_paper BOOLEAN NOT NULL DEFAULT FALSE;
-- No column of the answer tables fills itself.
ALTER TABLE response ALTER COLUMN on_paper DROP DEFAULT;
ALTER TABLE written_answer ALTER COLUMN on_paper DROP DEFAULT;

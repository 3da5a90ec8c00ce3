-- While a round is open its answers are never in the clear in any file the database writes, its
-- log included (invariant 3): each submission is one sealed row, of one length for every
-- submission of the round, under the round's own key. The database holds that key only wrapped
-- under a key kept outside it; publication destroys it.
CREATE TABLE round_key (
    round_id  UUID PRIMARY KEY REFERENCES round (id),
    wrapped   BYTEA NOT NULL
);

-- One row per submission: its random key and its sealed answers, channel included. Nothing in
-- the clear tells one submission from another.
CREATE TABLE sealed_response (
    storage_key  BIGINT PRIMARY KEY,
    round_id     UUID NOT NULL REFERENCES round (id),
    sealed       BYTEA NOT NULL
);

CREATE INDEX sealed_response_round ON sealed_response (round_id);

-- From close to publication written answers, and the words as written of those changed in
-- review, stay sealed; publication keeps what is published and deletes the rest. Rows written
-- before this version keep their words in the clear in answer.
ALTER TABLE written_answer ADD COLUMN sealed BYTEA;
ALTER TABLE written_answer ALTER COLUMN answer DROP NOT NULL;
ALTER TABLE written_answer_as_written ADD COLUMN sealed BYTEA;
ALTER TABLE written_answer_as_written ALTER COLUMN answer DROP NOT NULL;

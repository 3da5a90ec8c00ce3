-- The written answers a steward chose, between close and publication, to stand beside a statement
-- put forward for the meeting: at most two per statement, by the answer's random key and never its
-- words. Emptied with the written answers in the publishing transaction, and gone with any answer
-- that goes, so no row outlives the words it points at.
CREATE TABLE chosen_quote (
    round_id   UUID NOT NULL REFERENCES round (id),
    item_id    VARCHAR(100) NOT NULL,
    answer_id  UUID NOT NULL REFERENCES written_answer (id) ON DELETE CASCADE,
    CONSTRAINT chosen_quote_pk PRIMARY KEY (round_id, item_id, answer_id)
);

-- Cards printed while a round is open, with the steward's reason: whoever holds unused cards can
-- answer with them, so the report's cover shows everyone how many came late and why (DESIGN
-- section 4, residual risk).
CREATE TABLE cards_after_opening (
    id        UUID PRIMARY KEY,
    round_id  UUID NOT NULL REFERENCES round (id),
    position  INTEGER NOT NULL,
    cards     INTEGER NOT NULL,
    reason    VARCHAR(200) NOT NULL
);

CREATE INDEX cards_after_opening_round ON cards_after_opening (round_id);

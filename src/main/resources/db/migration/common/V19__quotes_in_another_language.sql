-- The questions whose few answers in the other language a steward chose to keep among the
-- answers that may be quoted, knowing that the language itself may show who wrote them. Only
-- which question: never an answer or its words. Emptied with the written answers at
-- publication.
CREATE TABLE quoted_other_language (
    round_id  UUID NOT NULL REFERENCES round (id),
    item_id   VARCHAR(100) NOT NULL,
    CONSTRAINT quoted_other_language_pk PRIMARY KEY (round_id, item_id)
);

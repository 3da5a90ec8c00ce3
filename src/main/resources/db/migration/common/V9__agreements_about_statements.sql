-- The statements an agreement was about, chosen by the steward who writes it down, so the next
-- round's report can set the agreement beside them. Removing an agreement removes its links.
CREATE TABLE agreement_statement (
    agreement_id  UUID NOT NULL REFERENCES agreement (id) ON DELETE CASCADE,
    item_id       VARCHAR(100) NOT NULL,
    CONSTRAINT agreement_statement_pk PRIMARY KEY (agreement_id, item_id)
);

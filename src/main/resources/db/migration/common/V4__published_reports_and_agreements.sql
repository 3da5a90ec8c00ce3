-- What publishing keeps (invariant 10): the group summaries as JSON and the two report files, made
-- once. Everything read later (the web report, downloads, the next round's "since last time")
-- comes from here, so one round never has two versions.
CREATE TABLE published_report (
    round_id      UUID PRIMARY KEY REFERENCES round (id),
    report_input  TEXT NOT NULL,
    pdf           BYTEA NOT NULL,
    workbook      BYTEA NOT NULL,
    published_at  TIMESTAMP WITH TIME ZONE NOT NULL
);

-- What the group agreed to try after talking a published report over; the next round's report
-- lists them.
CREATE TABLE agreement (
    id        UUID PRIMARY KEY,
    round_id  UUID NOT NULL REFERENCES round (id),
    position  INTEGER NOT NULL,
    text      VARCHAR(1000) NOT NULL
);

CREATE INDEX agreement_round ON agreement (round_id);

-- Set when a steward erases a published round's responses and written answers (invariant 12).
ALTER TABLE round ADD COLUMN answers_erased BOOLEAN NOT NULL DEFAULT FALSE;

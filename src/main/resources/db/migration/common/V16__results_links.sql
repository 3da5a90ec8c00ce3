-- One address per round for everyone who took part, made when its cards are first printed or
-- when the steward asks for it. It shows the kept report only while the steward shares it
-- (state SHARED); before that it says when results will come (WAITING), after it that sharing
-- stopped (STOPPED). Nothing about a visit is ever written here.
CREATE TABLE results_link (
    round_id    UUID PRIMARY KEY REFERENCES round (id),
    token       VARCHAR(64) NOT NULL UNIQUE,
    state       VARCHAR(10) NOT NULL,
    shared_at   TIMESTAMP WITH TIME ZONE,
    with_words  BOOLEAN NOT NULL DEFAULT FALSE
);

-- Answers are stored by a random key (invariant 3). H2 keeps a table's rows ordered by its key, and
-- with a key that grows the rows would follow the order people answered in until a close wrote
-- them anew. With a random key no order of arrival is stored at all, so closing a round on H2 needs
-- no rewrite of its rows, only of the file. PostgreSQL keeps rows where they were written whatever
-- the key, and is still rewritten at close. The tables are made anew, as both databases can.
CREATE TABLE response_by_key (
    storage_key  BIGINT PRIMARY KEY,
    id           UUID NOT NULL UNIQUE,
    round_id     UUID NOT NULL REFERENCES round (id),
    perspective  VARCHAR(100),
    on_paper     BOOLEAN NOT NULL
);

-- Rows already kept take their place by their random UUID.
INSERT INTO response_by_key (storage_key, id, round_id, perspective, on_paper)
    SELECT ROW_NUMBER() OVER (ORDER BY id), id, round_id, perspective, on_paper FROM response;

CREATE TABLE response_answer_by_key (
    storage_key  BIGINT PRIMARY KEY,
    response_id  UUID NOT NULL REFERENCES response_by_key (id) ON DELETE CASCADE,
    item_id      VARCHAR(100) NOT NULL,
    answer       VARCHAR(100) NOT NULL,
    CONSTRAINT response_answer_one_per_item UNIQUE (response_id, item_id)
);

INSERT INTO response_answer_by_key (storage_key, response_id, item_id, answer)
    SELECT ROW_NUMBER() OVER (ORDER BY response_id, item_id), response_id, item_id, answer FROM response_answer;

CREATE TABLE written_answer_by_key (
    storage_key  BIGINT PRIMARY KEY,
    id           UUID NOT NULL UNIQUE,
    round_id     UUID NOT NULL REFERENCES round (id),
    item_id      VARCHAR(100) NOT NULL,
    answer       TEXT NOT NULL,
    on_paper     BOOLEAN NOT NULL
);

INSERT INTO written_answer_by_key (storage_key, id, round_id, item_id, answer, on_paper)
    SELECT ROW_NUMBER() OVER (ORDER BY id), id, round_id, item_id, answer, on_paper FROM written_answer;

DROP TABLE response_answer;
DROP TABLE response;
DROP TABLE written_answer;

ALTER TABLE response_by_key RENAME TO response;
ALTER TABLE response_answer_by_key RENAME TO response_answer;
ALTER TABLE written_answer_by_key RENAME TO written_answer;

CREATE INDEX response_round ON response (round_id);
CREATE INDEX written_answer_round ON written_answer (round_id);

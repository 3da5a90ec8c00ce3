-- Rounds, their participation codes, and what people answered.
-- Anonymity (DESIGN section 4): a response holds only answers and a perspective, keyed by a random
-- UUID; no account, code, address, time or sequence anywhere near it. Written answers stand apart,
-- with no link to any response. Codes are kept only as HMAC-SHA-256, and only until used or closed.
CREATE TABLE round (
    id                     UUID PRIMARY KEY,
    organization_id        UUID NOT NULL REFERENCES organization (id),
    name                   VARCHAR(200) NOT NULL,
    questionnaire_id       VARCHAR(100) NOT NULL,
    questionnaire_version  INTEGER NOT NULL,
    -- The round's own copy of its questionnaire, as uploaded or bundled.
    questionnaire_file     TEXT NOT NULL,
    language               VARCHAR(10) NOT NULL,
    min_group_size         INTEGER NOT NULL,
    state                  VARCHAR(20) NOT NULL,
    responses              INTEGER NOT NULL,
    codes_printed          INTEGER NOT NULL,
    used_online            INTEGER NOT NULL,
    used_kiosk             INTEGER NOT NULL,
    used_paper             INTEGER NOT NULL,
    created_at             TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT round_min_group_size CHECK (min_group_size >= 3),
    CONSTRAINT round_state CHECK (state IN ('DRAFT', 'OPEN', 'CLOSED', 'PUBLISHED'))
);

CREATE INDEX round_organization ON round (organization_id);

CREATE TABLE participation_code (
    code_hash  VARCHAR(64) PRIMARY KEY,
    round_id   UUID NOT NULL REFERENCES round (id)
);

CREATE INDEX participation_code_round ON participation_code (round_id);

CREATE TABLE response (
    id           UUID PRIMARY KEY,
    round_id     UUID NOT NULL REFERENCES round (id),
    perspective  VARCHAR(100)
);

CREATE INDEX response_round ON response (round_id);

CREATE TABLE response_answer (
    response_id  UUID NOT NULL REFERENCES response (id) ON DELETE CASCADE,
    item_id      VARCHAR(100) NOT NULL,
    answer       VARCHAR(100) NOT NULL,
    CONSTRAINT response_answer_pk PRIMARY KEY (response_id, item_id)
);

CREATE TABLE written_answer (
    id        UUID PRIMARY KEY,
    round_id  UUID NOT NULL REFERENCES round (id),
    item_id   VARCHAR(100) NOT NULL,
    answer    TEXT NOT NULL
);

CREATE INDEX written_answer_round ON written_answer (round_id);

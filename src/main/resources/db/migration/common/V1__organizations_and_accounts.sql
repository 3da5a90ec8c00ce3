-- Organizations, the people who run Peer Reflect, and their one-time setup links.
CREATE TABLE organization (
    id          UUID PRIMARY KEY,
    name        VARCHAR(200) NOT NULL UNIQUE,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE TABLE account (
    id               UUID PRIMARY KEY,
    -- Kept in lower case, so that unique means unique whatever the capitals.
    email            VARCHAR(320) NOT NULL UNIQUE,
    role             VARCHAR(20) NOT NULL,
    organization_id  UUID REFERENCES organization (id),
    password_hash    VARCHAR(200),
    enabled          BOOLEAN NOT NULL,
    created_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT account_role CHECK (role IN ('ADMIN', 'STEWARD', 'BOARD')),
    CONSTRAINT account_organization CHECK ((role = 'ADMIN') = (organization_id IS NULL))
);

-- Only a hash of each link's token is kept; the link itself is shown once.
CREATE TABLE setup_link (
    id          UUID PRIMARY KEY,
    token_hash  VARCHAR(64) NOT NULL UNIQUE,
    account_id  UUID NOT NULL REFERENCES account (id) ON DELETE CASCADE,
    expires_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    used_at     TIMESTAMP WITH TIME ZONE
);

-- Questionnaires a steward uploaded for their own organization.
CREATE TABLE uploaded_questionnaire (
    id                UUID PRIMARY KEY,
    organization_id   UUID NOT NULL REFERENCES organization (id),
    questionnaire_id  VARCHAR(100) NOT NULL,
    version           INTEGER NOT NULL,
    file_name         VARCHAR(255) NOT NULL,
    content           TEXT NOT NULL,
    uploaded_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT uploaded_questionnaire_version UNIQUE (organization_id, questionnaire_id, version)
);

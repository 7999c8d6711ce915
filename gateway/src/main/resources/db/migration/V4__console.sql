-- The operator console: accounts, sessions, canned replies, assignment bookkeeping, ratings and the
-- requests of citizens who could not wait for a person.

CREATE TABLE operator (
    id              bigserial PRIMARY KEY,
    username        text        NOT NULL UNIQUE CHECK (username ~ '^[a-z0-9_.-]{3,32}$'),
    display_name    text        NOT NULL,
    password_hash   text        NOT NULL,
    role            text        NOT NULL CHECK (role IN ('admin', 'operator')),
    disabled        boolean     NOT NULL DEFAULT false,
    must_change_password boolean NOT NULL DEFAULT false,
    capacity        integer     NOT NULL DEFAULT 3 CHECK (capacity BETWEEN 1 AND 50),
    available       boolean     NOT NULL DEFAULT false,
    last_seen_at    timestamptz,
    created_at      timestamptz NOT NULL DEFAULT now()
);

-- The session cookie is kept only as a SHA-256 digest: a database dump does not open sessions.
CREATE TABLE console_session (
    id_sha256       text        PRIMARY KEY,
    operator_id     bigint      NOT NULL REFERENCES operator (id),
    csrf_token      text        NOT NULL,
    expires_at      timestamptz NOT NULL,
    created_at      timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX console_session_expiry_idx ON console_session (expires_at);

CREATE TABLE canned_reply (
    id              bigserial PRIMARY KEY,
    title           text        NOT NULL,
    text            text        NOT NULL,
    created_by      bigint      REFERENCES operator (id),
    created_at      timestamptz NOT NULL DEFAULT now()
);

ALTER TABLE conversation
    ADD COLUMN assigned_at        timestamptz,
    ADD COLUMN closed_at          timestamptz,
    ADD COLUMN reminded_at        timestamptz,
    ADD COLUMN unstaffed_offer_at timestamptz;

CREATE INDEX conversation_operator_idx ON conversation (operator_id) WHERE state = 'with_operator';

-- One rating per closing: it points at the system message that asked for it.
CREATE TABLE conversation_rating (
    message_id      bigint      PRIMARY KEY REFERENCES message (id),
    conversation_id uuid        NOT NULL REFERENCES conversation (id),
    operator_id     text,
    rating          text        NOT NULL CHECK (rating IN ('satisfied', 'basically_satisfied', 'dissatisfied')),
    comment         text,
    created_at      timestamptz NOT NULL DEFAULT now()
);

-- A citizen who could not reach a person leaves a callback number or asks for a 12345 work order.
-- The phone number is personal data: it is stored here and never logged.
CREATE TABLE callback_request (
    id              bigserial PRIMARY KEY,
    conversation_id uuid        NOT NULL REFERENCES conversation (id),
    kind            text        NOT NULL CHECK (kind IN ('callback', 'work_order')),
    phone           text,
    note            text        NOT NULL,
    status          text        NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'done')),
    created_at      timestamptz NOT NULL DEFAULT now()
);

-- Conversations of every channel, their messages, and what the bot could not answer.
-- The citizen's token is kept only as a SHA-256 digest: a database dump does not open conversations.
CREATE TABLE conversation (
    id              uuid PRIMARY KEY,
    channel         text        NOT NULL,
    citizen_ref     text        NOT NULL,
    token_sha256    text        NOT NULL,
    state           text        NOT NULL DEFAULT 'bot'
                    CHECK (state IN ('bot', 'queued', 'with_operator', 'closed', 'ticketed')),
    fallback_streak integer     NOT NULL DEFAULT 0,
    pending_choices jsonb,
    queued_at       timestamptz,
    operator_id     text,
    closed_reason   text,
    created_at      timestamptz NOT NULL DEFAULT now(),
    updated_at      timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX conversation_queue_idx ON conversation (queued_at) WHERE state = 'queued';
CREATE INDEX conversation_citizen_idx ON conversation (channel, citizen_ref);

CREATE TABLE message (
    id              bigserial PRIMARY KEY,
    conversation_id uuid        NOT NULL REFERENCES conversation (id),
    sender          text        NOT NULL CHECK (sender IN ('citizen', 'bot', 'operator', 'system')),
    text            text        NOT NULL,
    payload         jsonb,
    created_at      timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX message_conversation_idx ON message (conversation_id, id);

-- One 有用/没用 per bot answer.
CREATE TABLE answer_feedback (
    message_id      bigint      PRIMARY KEY REFERENCES message (id),
    conversation_id uuid        NOT NULL REFERENCES conversation (id),
    helpful         boolean     NOT NULL,
    created_at      timestamptz NOT NULL DEFAULT now()
);

-- For the people who maintain the knowledge base: every question the bot could not answer well.
CREATE TABLE unanswered_question (
    id              bigserial PRIMARY KEY,
    conversation_id uuid        REFERENCES conversation (id),
    message_id      bigint      REFERENCES message (id),
    text            text        NOT NULL,
    reason          text        NOT NULL CHECK (reason IN ('fallback', 'clarify', 'not_helpful', 'error')),
    candidates      jsonb       NOT NULL DEFAULT '[]',
    created_at      timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX unanswered_question_created_idx ON unanswered_question (created_at);

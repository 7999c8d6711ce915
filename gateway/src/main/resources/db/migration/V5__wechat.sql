-- WeChat Official Accounts: deliveries already seen (retries hit any instance), the followers' window
-- for customer-service messages, and every message sent or not sent through that API.

-- One row per delivery WeChat made, keyed by account, follower and MsgId (or the event's fields). The
-- first instance to insert the key handles it; retries wait for its reply.
CREATE TABLE wechat_inbound (
    dedupe_key  text        PRIMARY KEY,
    state       text        NOT NULL DEFAULT 'handling' CHECK (state IN ('handling', 'answered', 'late')),
    reply       text,
    replied_at  timestamptz,
    created_at  timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX wechat_inbound_created_idx ON wechat_inbound (created_at);

-- WeChat lets an account send a follower 5 customer-service messages within 48 hours of the follower's
-- last message; counted here so the operator learns before WeChat refuses.
CREATE TABLE wechat_follower (
    account         text        NOT NULL,
    open_id         text        NOT NULL,
    subscribed      boolean     NOT NULL DEFAULT true,
    last_message_at timestamptz,
    sent_since      integer     NOT NULL DEFAULT 0,
    updated_at      timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (account, open_id)
);

CREATE TABLE wechat_delivery (
    id              bigserial   PRIMARY KEY,
    account         text        NOT NULL,
    open_id         text        NOT NULL,
    conversation_id uuid        REFERENCES conversation (id),
    message_id      bigint      REFERENCES message (id),
    status          text        NOT NULL CHECK (status IN ('sent', 'failed')),
    problem         text,
    created_at      timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX wechat_delivery_conversation_idx ON wechat_delivery (conversation_id, id);

-- Work orders (工单) for the city's 12345 platform, their event history, the delivery outbox and the
-- filing dialogue a conversation is in. The citizen's phone number is stored only encrypted
-- (AES-GCM, key from BANBAN_PII_KEY) and as a masked copy for display.
CREATE SEQUENCE work_order_ref_seq;

CREATE TABLE work_order (
    id                   uuid PRIMARY KEY,
    reference            text        NOT NULL UNIQUE,
    platform_no          text        UNIQUE,
    conversation_id      uuid        REFERENCES conversation (id),
    channel              text        NOT NULL,
    citizen_ref          text,
    appeal_type          text        NOT NULL
                         CHECK (appeal_type IN ('consult', 'help', 'complaint', 'report', 'suggestion')),
    title                text        NOT NULL,
    citizen_text         text        NOT NULL,
    summary              jsonb       NOT NULL DEFAULT '{}',
    location             text,
    category_suggested   text,
    department_suggested text,
    category             text,
    department           text,
    urgency              text        NOT NULL DEFAULT 'normal' CHECK (urgency IN ('normal', 'urgent')),
    contact_name         text,
    phone_enc            text,
    phone_masked         text,
    consent              boolean     NOT NULL DEFAULT false,
    status               text        NOT NULL DEFAULT 'draft'
                         CHECK (status IN ('draft', 'submitted', 'accepted', 'dispatched', 'in_progress', 'replied',
                                           'closed', 'visited', 'returned', 'merged')),
    satisfaction         text,
    return_reason        text,
    merged_into          text,
    three_way_call       jsonb,
    created_by           text        NOT NULL,
    created_at           timestamptz NOT NULL DEFAULT now(),
    updated_at           timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX work_order_conversation_idx ON work_order (conversation_id);
CREATE INDEX work_order_citizen_idx ON work_order (channel, citizen_ref);

-- Every transition, with who caused it. callback_id makes a replayed platform callback a no-op.
CREATE TABLE work_order_event (
    id           bigserial PRIMARY KEY,
    order_id     uuid        NOT NULL REFERENCES work_order (id),
    actor        text        NOT NULL,
    from_status  text,
    to_status    text        NOT NULL,
    note         text,
    callback_id  text,
    created_at   timestamptz NOT NULL DEFAULT now(),
    UNIQUE (order_id, callback_id)
);

CREATE INDEX work_order_event_order_idx ON work_order_event (order_id, id);

-- Written in the same transaction as the order; the dispatcher delivers each row exactly once per
-- idempotency key. locked_until is a lease, so a crashed instance's claim expires on its own.
CREATE TABLE work_order_outbox (
    id               bigserial PRIMARY KEY,
    order_id         uuid        NOT NULL REFERENCES work_order (id),
    kind             text        NOT NULL CHECK (kind IN ('submit', 'three_way_call')),
    idempotency_key  text        NOT NULL UNIQUE,
    payload          jsonb       NOT NULL,
    state            text        NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'delivered', 'dead')),
    attempts         integer     NOT NULL DEFAULT 0,
    next_attempt_at  timestamptz NOT NULL DEFAULT now(),
    locked_until     timestamptz,
    last_error       text,
    response         jsonb,
    created_at       timestamptz NOT NULL DEFAULT now(),
    delivered_at     timestamptz
);

CREATE INDEX work_order_outbox_due_idx ON work_order_outbox (next_attempt_at) WHERE state = 'pending';

-- The filing dialogue of a conversation while a draft is open (one at most per conversation).
CREATE TABLE work_order_draft (
    conversation_id  uuid        PRIMARY KEY REFERENCES conversation (id),
    order_id         uuid        REFERENCES work_order (id),
    step             text        NOT NULL CHECK (step IN ('offer', 'phone', 'consent')),
    created_at       timestamptz NOT NULL DEFAULT now(),
    updated_at       timestamptz NOT NULL DEFAULT now()
);

-- A channel's delivery key on the citizen's message (WeChat: account|follower|MsgId). When an instance
-- dies after storing a message and WeChat's retry is handled by another, the message is stored once and
-- the retry answers it (or replays the answer already given) instead of storing it a second time.
ALTER TABLE message ADD COLUMN dedupe_key text;
CREATE UNIQUE INDEX message_dedupe_key_idx ON message (dedupe_key) WHERE dedupe_key IS NOT NULL;

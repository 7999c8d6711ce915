-- The gateway's own bookkeeping. Modules add their tables in their own migration files
-- (knowledge-base: V2__faq.sql); Flyway keeps one history for all of them.
CREATE TABLE gateway_instance_start (
  id         bigserial PRIMARY KEY,
  started_at timestamptz NOT NULL DEFAULT now(),
  version    text NOT NULL
);

-- The FAQ knowledge base (owned by the knowledge-base module; the gateway owns V1 and V3+).
-- text[] rather than jsonb for similar questions and keywords: they are flat lists of strings and the
-- pg client maps text[] straight to String[].
CREATE TABLE faq (
    id          text PRIMARY KEY,
    category    text        NOT NULL,
    department  text        NOT NULL,
    question    text        NOT NULL,
    similar_questions     text[]      NOT NULL DEFAULT '{}',
    answer      text        NOT NULL,
    keywords    text[]      NOT NULL DEFAULT '{}',
    status      text        NOT NULL DEFAULT 'published' CHECK (status IN ('published', 'draft')),
    version     integer     NOT NULL DEFAULT 1,
    updated_at  timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX faq_status_idx ON faq (status);

-- Every instance keeps its Lucene index in memory and LISTENs on faq_changed; the payload is the id of
-- the changed row, so an instance reloads one entry instead of the whole table. A change made with
-- plain SQL (an administrator's script) is propagated the same way as one made through the API.
CREATE FUNCTION faq_notify_change() RETURNS trigger AS $$
BEGIN
    IF TG_OP = 'DELETE' THEN
        PERFORM pg_notify('faq_changed', OLD.id);
        RETURN OLD;
    END IF;
    PERFORM pg_notify('faq_changed', NEW.id);
    IF TG_OP = 'UPDATE' AND NEW.id <> OLD.id THEN
        PERFORM pg_notify('faq_changed', OLD.id);
    END IF;
    RETURN NEW;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER faq_changed
    AFTER INSERT OR UPDATE OR DELETE ON faq
    FOR EACH ROW EXECUTE FUNCTION faq_notify_change();

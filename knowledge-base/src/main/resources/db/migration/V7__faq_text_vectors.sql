-- Sentence vectors of FAQ texts (questions and answers), owned by the knowledge-base module, so that a
-- restart does not embed the whole KB again (about 5 ms of CPU per text). Keyed by the embedding model
-- and the SHA-256 of the exact text: an edited text gets a new row, and a text shared by several
-- entries has one. The vector is stored as the index keeps it: one signed byte per dimension and a scale.
CREATE TABLE faq_text_vector (
    model       text        NOT NULL,
    text_sha256 bytea       NOT NULL,
    scale       real        NOT NULL,
    vec         bytea       NOT NULL,
    created_at  timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (model, text_sha256)
);

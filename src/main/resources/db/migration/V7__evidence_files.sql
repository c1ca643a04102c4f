-- Evidence files (issue 16), package org.citygrants.evidence. Runs on H2 and PostgreSQL.
--
-- One row per file a person attached to a grant: which step or purpose it is for (a task
-- definition key such as Task_SubmitProcurementPlan, or a purpose such as invoice), the name it was
-- uploaded under, the type told from its content, its size and SHA-256, the bytes, who attached it
-- (the signed-in user) and when. Deleting is a recorded action: the row stays with who deleted it,
-- when and why; only the content is cleared.

CREATE TABLE evidence_file (
    file_id          VARCHAR(36)   PRIMARY KEY,
    grant_reference  VARCHAR(40)   NOT NULL REFERENCES grant_record (grant_reference),
    step             VARCHAR(64)   NOT NULL,
    original_name    VARCHAR(255)  NOT NULL,
    media_type       VARCHAR(127)  NOT NULL,
    size_bytes       BIGINT        NOT NULL,
    sha256           VARCHAR(64)   NOT NULL,
    content          BYTEA,
    uploaded_by      VARCHAR(64)   NOT NULL,
    uploaded_at      TIMESTAMP     NOT NULL,
    deleted_by       VARCHAR(64),
    deleted_at       TIMESTAMP,
    deleted_reason   VARCHAR(1000),
    CONSTRAINT ck_evidence_file_size CHECK (size_bytes > 0),
    CONSTRAINT ck_evidence_file_deleted CHECK ((deleted_at IS NULL AND deleted_by IS NULL AND deleted_reason IS NULL)
        OR (deleted_at IS NOT NULL AND deleted_by IS NOT NULL AND deleted_reason IS NOT NULL)),
    CONSTRAINT ck_evidence_file_content CHECK (content IS NOT NULL OR deleted_at IS NOT NULL)
);
CREATE INDEX ix_evidence_file_grant ON evidence_file (grant_reference, step);

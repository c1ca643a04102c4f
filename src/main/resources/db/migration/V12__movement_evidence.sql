-- The evidence of ledger movements (issue 16), package org.citygrants.evidence (MovementEvidence).
-- Runs on H2 and PostgreSQL.
--
-- A movement of the journal (a payment approved, a commitment, a spending accepted, a recovery, an
-- amendment...) points to the files it rests on: those attached at the step that led to it, linked
-- when the movement is recorded, and any file a finance officer or programme officer links to it
-- later (a proof of payment that arrives after the transfer). Like the journal, links are only
-- added: a link is never changed or removed; a file deleted later stays listed, flagged as deleted.
-- The database holds that a movement points only to files of its own grant: both foreign keys carry
-- the grant's reference.

ALTER TABLE ledger_movement ADD CONSTRAINT uq_ledger_movement_grant UNIQUE (id, grant_reference);
ALTER TABLE evidence_file ADD CONSTRAINT uq_evidence_file_grant UNIQUE (file_id, grant_reference);

CREATE TABLE movement_evidence (
    movement_id      BIGINT        NOT NULL,
    file_id          VARCHAR(36)   NOT NULL,
    grant_reference  VARCHAR(64)   NOT NULL,
    linked_by        VARCHAR(100)  NOT NULL,
    linked_at        TIMESTAMP     NOT NULL,
    CONSTRAINT pk_movement_evidence PRIMARY KEY (movement_id, file_id),
    CONSTRAINT fk_movement_evidence_movement FOREIGN KEY (movement_id, grant_reference)
        REFERENCES ledger_movement (id, grant_reference),
    CONSTRAINT fk_movement_evidence_file FOREIGN KEY (file_id, grant_reference)
        REFERENCES evidence_file (file_id, grant_reference)
);
CREATE INDEX ix_movement_evidence_grant ON movement_evidence (grant_reference);
CREATE INDEX ix_movement_evidence_file ON movement_evidence (file_id);

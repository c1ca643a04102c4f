-- Spending a city reports above what was committed to it (issue 13), package org.citygrants.ledger.
-- Portable SQL: runs unchanged on H2 2.x (default mode) and PostgreSQL 14.
--
-- The spending reported against a commitment (key = the commitment's key, e.g. LYON-2026:experiment-1)
-- is accepted up to the committed amount; when the city reported more, reported_amount keeps what it
-- reported and amount is the committed part. The excess counts for nothing until an officer decides:
-- the decision is its own row (key = the commitment's key + '-excess', excess_of = the report's key),
-- accepted or not, with who decided and why. One decision per report.

ALTER TABLE expenditure ADD COLUMN reported_amount NUMERIC(14, 2);
ALTER TABLE expenditure ADD COLUMN excess_of VARCHAR(128);
ALTER TABLE expenditure ADD COLUMN decided_by VARCHAR(100);
ALTER TABLE expenditure ADD COLUMN decision_reason VARCHAR(1000);

ALTER TABLE expenditure ADD CONSTRAINT ck_expenditure_reported CHECK (reported_amount IS NULL OR reported_amount > amount);
ALTER TABLE expenditure ADD CONSTRAINT ck_expenditure_excess_decided CHECK (
    excess_of IS NULL OR (decided_by IS NOT NULL AND decision_reason IS NOT NULL AND CHAR_LENGTH(TRIM(decision_reason)) > 0));
ALTER TABLE expenditure ADD CONSTRAINT uq_expenditure_excess_of UNIQUE (excess_of);
ALTER TABLE expenditure ADD CONSTRAINT fk_expenditure_excess_of FOREIGN KEY (excess_of) REFERENCES expenditure (expenditure_key);

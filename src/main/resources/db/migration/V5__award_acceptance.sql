-- A city's acceptance of its award (issue 14): who accepted, when, the terms as the city read
-- them, and the grant agreement generated from them at that moment (a PDF, kept as accepted,
-- never regenerated). One row per grant. Runs on H2 and PostgreSQL.

CREATE TABLE award_acceptance (
    grant_reference      VARCHAR(40)   PRIMARY KEY REFERENCES grant_record (grant_reference),
    accepted_by          VARCHAR(64)   NOT NULL,
    accepted_by_name     VARCHAR(200)  NOT NULL,
    accepted_at          TIMESTAMP     NOT NULL,
    awarded_amount       NUMERIC(14, 2) NOT NULL,
    currency             VARCHAR(3)    NOT NULL,
    preparation_time     VARCHAR(20)   NOT NULL,
    programme_duration   VARCHAR(20)   NOT NULL,
    advance_rate_percent INTEGER,
    terms                VARCHAR(4000) NOT NULL,
    agreement_file_name  VARCHAR(200),
    agreement_pdf        BYTEA,
    CONSTRAINT ck_award_acceptance_amount CHECK (awarded_amount > 0)
);

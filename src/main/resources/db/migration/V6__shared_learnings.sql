-- Peer learning (issue 14), package org.citygrants.cohort. Runs on H2 and PostgreSQL.
--
-- shared_learning: what a city learned in one experiment, shared with the other cities of the
-- cohort because the city chose to (a tick on its experiment report), recorded once the coach
-- accepted the report. One row per experiment; the text is the city's own learnings, the decision
-- the coach's (persevere, pivot, stop), accepted_by the coach who accepted the report.
--
-- peer_exchange: the notes of a peer-exchange session a programme manager held, kept for the
-- cities of that programme's cohort (before, they stayed in the programme instance's variables).

CREATE TABLE shared_learning (
    grant_reference     VARCHAR(40)   NOT NULL REFERENCES grant_record (grant_reference),
    experiment_number   INTEGER       NOT NULL,
    city_name           VARCHAR(200)  NOT NULL,
    experiment_title    VARCHAR(200)  NOT NULL,
    experiment_type     VARCHAR(20)   NOT NULL,
    learnings           VARCHAR(3000) NOT NULL,
    decision            VARCHAR(20)   NOT NULL,
    accepted_by         VARCHAR(64),
    decided_at          TIMESTAMP     NOT NULL,
    PRIMARY KEY (grant_reference, experiment_number),
    CONSTRAINT ck_shared_learning_decision CHECK (decision IN ('persevere', 'pivot', 'stop'))
);
CREATE INDEX ix_shared_learning_decided ON shared_learning (decided_at);

CREATE TABLE peer_exchange (
    exchange_key          VARCHAR(100)  PRIMARY KEY,
    programme_instance_id VARCHAR(64)   NOT NULL,
    programme_name        VARCHAR(300),
    held_on               DATE          NOT NULL,
    theme                 VARCHAR(300)  NOT NULL,
    notes                 VARCHAR(3000),
    held_by               VARCHAR(64),
    recorded_at           TIMESTAMP     NOT NULL
);
CREATE INDEX ix_peer_exchange_programme ON peer_exchange (programme_instance_id);

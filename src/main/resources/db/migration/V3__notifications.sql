-- E-mail delivery of the notices in table notification (org.citygrants.notification): the
-- address the notice goes to (NULL = record only: mail off, or the user has no address), when
-- it was sent, and the attempts so far. A row with an email and no sent_at is waiting; each
-- attempt claims it by raising attempts and setting next_attempt_at, so only one node sends it.
-- Rows recorded before this migration have no email and are never mailed.
-- Runs on H2 and PostgreSQL.

ALTER TABLE notification ADD COLUMN email VARCHAR(320);
ALTER TABLE notification ADD COLUMN sent_at TIMESTAMP;
ALTER TABLE notification ADD COLUMN attempts INTEGER NOT NULL DEFAULT 0;
ALTER TABLE notification ADD COLUMN next_attempt_at TIMESTAMP;
ALTER TABLE notification ADD COLUMN last_error VARCHAR(1000);

CREATE INDEX ix_notification_waiting ON notification (sent_at, next_attempt_at);

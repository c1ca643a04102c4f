-- Spending in the city's own currency (issue 16): the database's checks of V11, made to hold.
-- A CHECK passes when it is unknown (NULL): V11's "all three figures of the rate or none" let a row
-- keep a rate's id and day without its figure; and on H2 a CHAR(3) is padded, so a two-letter
-- code passed its length check. Here every figure of the rate used must be that rate row's own
-- (a foreign key on all four), the euro amount must be the original at that rate to the cent (half
-- a cent either way: rounding), and an item without a rate is in the grant's currency (the two
-- amounts equal). Rows written by the application already hold all of this.

ALTER TABLE exchange_rate DROP CONSTRAINT ck_exchange_rate_currency;
ALTER TABLE exchange_rate ADD CONSTRAINT ck_exchange_rate_currency CHECK (
    CHAR_LENGTH(TRIM(currency)) = 3 AND UPPER(currency) = currency
    AND SUBSTRING(currency FROM 1 FOR 1) BETWEEN 'A' AND 'Z'
    AND SUBSTRING(currency FROM 2 FOR 1) BETWEEN 'A' AND 'Z'
    AND SUBSTRING(currency FROM 3 FOR 1) BETWEEN 'A' AND 'Z');
ALTER TABLE exchange_rate ADD CONSTRAINT uq_exchange_rate_figures UNIQUE (id, currency, valid_from, units_per_euro);

ALTER TABLE spending_item DROP CONSTRAINT ck_spending_item_rate;
ALTER TABLE spending_item ADD CONSTRAINT ck_spending_item_rate CHECK (
    (exchange_rate_id IS NULL AND units_per_euro IS NULL AND rate_valid_from IS NULL)
    OR (exchange_rate_id IS NOT NULL AND units_per_euro IS NOT NULL AND rate_valid_from IS NOT NULL
        AND units_per_euro > 0 AND rate_valid_from <= spent_on));
ALTER TABLE spending_item ADD CONSTRAINT ck_spending_item_currency CHECK (
    CHAR_LENGTH(TRIM(original_currency)) = 3 AND UPPER(original_currency) = original_currency
    AND SUBSTRING(original_currency FROM 1 FOR 1) BETWEEN 'A' AND 'Z'
    AND SUBSTRING(original_currency FROM 2 FOR 1) BETWEEN 'A' AND 'Z'
    AND SUBSTRING(original_currency FROM 3 FOR 1) BETWEEN 'A' AND 'Z');
ALTER TABLE spending_item ADD CONSTRAINT ck_spending_item_conversion CHECK (
    (exchange_rate_id IS NULL AND amount = original_amount)
    OR (exchange_rate_id IS NOT NULL AND ABS(amount * units_per_euro - original_amount) * 200 <= units_per_euro));
ALTER TABLE spending_item ADD CONSTRAINT fk_spending_item_rate_figures
    FOREIGN KEY (exchange_rate_id, original_currency, rate_valid_from, units_per_euro)
    REFERENCES exchange_rate (id, currency, valid_from, units_per_euro);

-- A city on a slow line sends its expenditure again when no answer came: the client's key of the
-- request (the Idempotency-Key header) makes the second one find the first, exactly once per grant.
ALTER TABLE spending_item ADD COLUMN request_key VARCHAR(100);
ALTER TABLE spending_item ADD CONSTRAINT uq_spending_item_request UNIQUE (grant_reference, request_key);

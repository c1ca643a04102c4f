package org.citygrants.ledger;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/** How many units of {@code currency} one euro bought from {@code validFrom} on (table exchange_rate). */
public record ExchangeRate(long id, String currency, LocalDate validFrom, BigDecimal unitsPerEuro, String source,
    String importedBy, Instant importedAt) {}

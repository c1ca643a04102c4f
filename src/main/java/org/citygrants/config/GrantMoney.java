package org.citygrants.config;

import java.math.BigDecimal;
import org.springframework.boot.context.properties.ConfigurationProperties;

/** The programme's money rules (application.yaml {@code grant.money}). */
@ConfigurationProperties(prefix = "grant.money")
public record GrantMoney(String currency, BigDecimal minimumViableAmount, BigDecimal maximumAmount) {

  public GrantMoney {
    currency = currency == null ? "EUR" : currency;
    minimumViableAmount = minimumViableAmount == null ? new BigDecimal("15000") : minimumViableAmount;
    maximumAmount = maximumAmount == null ? new BigDecimal("50000") : maximumAmount;
  }
}

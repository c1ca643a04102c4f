package org.citygrants.preparation;

import static org.citygrants.process.CityGrantProcess.*;

import java.math.BigDecimal;
import java.math.RoundingMode;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** The advance: the awarded amount times the rate the advance-rate rules gave, to the cent. */
@Component
public class CalculateAdvanceDelegate implements JavaDelegate {

  @Override
  public void execute(DelegateExecution execution) {
    BigDecimal awarded = BigDecimal.valueOf(AWARDED_AMOUNT.require(execution));
    BigDecimal rate = BigDecimal.valueOf(ADVANCE_RATE_PERCENT.require(execution));
    BigDecimal advance = awarded.multiply(rate).divide(BigDecimal.valueOf(100), 2, RoundingMode.HALF_EVEN);
    ADVANCE_AMOUNT.set(execution, advance.doubleValue());
  }
}

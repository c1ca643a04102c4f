package org.citygrants.process;

import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;

/**
 * Input a person submitted breaks a rule of the programme. Thrown inside the transaction that
 * completes the task or starts the process, so nothing changes; the engine REST API answers 400
 * and Tasklist shows the message, which names the field.
 */
public class InputRejectedException extends FormFieldValidationException {

  private final String field;

  public InputRejectedException(String field, String message) {
    super(field, message);
    this.field = field;
  }

  public String getField() {
    return field;
  }
}

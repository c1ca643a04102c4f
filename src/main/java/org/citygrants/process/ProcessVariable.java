package org.citygrants.process;

import java.util.Objects;
import org.camunda.bpm.engine.delegate.VariableScope;

/**
 * A typed process variable: its name and Java type in one place, so delegates and tests never
 * repeat string literals. Numbers arrive from forms and REST as Integer, Long or Double; {@link
 * #get} converts between number types so a long field typed 15000 by a form reads as a Long.
 */
public record ProcessVariable<T>(String name, Class<T> type) {

  public ProcessVariable {
    Objects.requireNonNull(name);
    Objects.requireNonNull(type);
  }

  public static <T> ProcessVariable<T> of(String name, Class<T> type) {
    return new ProcessVariable<>(name, type);
  }

  /** The value, or null when the variable is not set. */
  public T get(VariableScope scope) {
    return convert(scope.getVariable(name));
  }

  /** The value; a missing value is a modelling error, reported with the variable's name. */
  public T require(VariableScope scope) {
    T value = get(scope);
    if (value == null) {
      throw new IllegalStateException("Process variable '" + name + "' is not set");
    }
    return value;
  }

  public T getOrDefault(VariableScope scope, T defaultValue) {
    T value = get(scope);
    return value == null ? defaultValue : value;
  }

  public void set(VariableScope scope, T value) {
    scope.setVariable(name, value);
  }

  public T from(java.util.Map<String, ?> map) {
    return convert(map.get(name));
  }

  @SuppressWarnings("unchecked")
  T convert(Object raw) {
    if (raw == null || type.isInstance(raw)) {
      return (T) raw;
    }
    if (raw instanceof Number number) {
      if (type == Long.class) {
        return (T) Long.valueOf(number.longValue());
      }
      if (type == Integer.class) {
        return (T) Integer.valueOf(number.intValue());
      }
      if (type == Double.class) {
        return (T) Double.valueOf(number.doubleValue());
      }
      if (type == java.math.BigDecimal.class) {
        return (T) new java.math.BigDecimal(number.toString());
      }
    }
    if (raw instanceof String text && type == Boolean.class) {
      return (T) Boolean.valueOf(text);
    }
    if (raw instanceof String text && type == java.time.LocalDate.class) {
      return (T) java.time.LocalDate.parse(text);
    }
    throw new IllegalStateException(
        "Process variable '" + name + "' is a " + raw.getClass().getSimpleName() + ", expected "
            + type.getSimpleName());
  }
}

package org.citygrants.process;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.spin.DataFormats;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Says at start-up whether Spin can store object variables as JSON ({@code
 * default-serialization-format: application/json}). On Camunda it can. The Operaton build
 * (engines/operaton, README "Engines") has no JSON data format: Operaton 1.0.3's
 * {@code operaton-spin-dataformat-json-jackson} is not published in Maven Central. The processes
 * keep only typed primitives (the money and the people live in the application's own tables), so
 * nothing of the product needs it; the warning says so instead of a failure at the first object.
 */
@Component
class JsonVariableFormat {

  private static final Logger log = LoggerFactory.getLogger(JsonVariableFormat.class);

  /** The engine's Spin plugin registers the data formats while the engine is built. */
  JsonVariableFormat(ProcessEngine engine) {
  }

  @EventListener(ApplicationReadyEvent.class)
  void tell() {
    if (available()) {
      log.debug("Spin stores object variables as JSON");
    } else {
      log.warn("Spin has no JSON data format here (Operaton 1.0.3's operaton-spin-dataformat-json-jackson is not "
          + "published): an object variable could not be stored as JSON. The processes keep only typed primitives, "
          + "so the product does not need it; README, \"Engines\"");
    }
  }

  static boolean available() {
    return DataFormats.getAvailableDataFormats().stream()
        .anyMatch(format -> DataFormats.JSON_DATAFORMAT_NAME.equals(format.getName()));
  }
}

package org.citygrants.process;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.spin.DataFormats;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Says at start-up when Spin cannot store object variables as JSON ({@code
 * default-serialization-format: application/json}): the DMN result {@code sizingProposal} is such a
 * variable, and one written as JSON (by Camunda, or before) cannot be read then. On Camunda the data
 * format comes with camunda-spin-dataformat-json-jackson; the Operaton build (engines/operaton,
 * README "Engines") unpacks Operaton's into its classes, as the 1.0.3 artifact is not in Maven
 * Central. A build without it starts, and says so here rather than at a grant's sizing.
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
      log.warn("Spin has no JSON data format on the class path: object variables written as JSON (the sizing "
          + "proposal of every grant) cannot be read and new ones are not stored as JSON; README, \"Engines\"");
    }
  }

  static boolean available() {
    return DataFormats.getAvailableDataFormats().stream()
        .anyMatch(format -> DataFormats.JSON_DATAFORMAT_NAME.equals(format.getName()));
  }
}

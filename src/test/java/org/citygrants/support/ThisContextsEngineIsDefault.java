package org.citygrants.support;

import java.util.Optional;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngines;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.test.context.junit.jupiter.SpringExtension;

/**
 * The engine REST API and the webapps find their engine in the static {@link ProcessEngines}
 * registry by the name "default", which the engine of the newest Spring test context takes.
 * Tests that call them over HTTP use this extension: before each test the registry serves this
 * test's context's engine, and after the class the name goes back to the engine that had it.
 */
public class ThisContextsEngineIsDefault implements BeforeAllCallback, BeforeEachCallback, AfterAllCallback {

  private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(ThisContextsEngineIsDefault.class);
  private static final String BEFORE = "defaultEngineBefore";

  @Override
  public void beforeAll(ExtensionContext context) {
    context.getStore(NAMESPACE).put(BEFORE, Optional.ofNullable(ProcessEngines.getDefaultProcessEngine(false)));
  }

  @Override
  public void beforeEach(ExtensionContext context) {
    ProcessEngine engine = SpringExtension.getApplicationContext(context).getBean(ProcessEngine.class);
    if (ProcessEngines.getDefaultProcessEngine(false) != engine) {
      ProcessEngines.registerProcessEngine(engine);
    }
  }

  @Override
  @SuppressWarnings("unchecked")
  public void afterAll(ExtensionContext context) {
    Optional<ProcessEngine> before = context.getStore(NAMESPACE).get(BEFORE, Optional.class);
    if (before != null) {
      before.ifPresent(ProcessEngines::registerProcessEngine);
    }
  }
}

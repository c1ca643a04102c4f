package org.citygrants.rest;

import org.camunda.bpm.spring.boot.starter.rest.CamundaJerseyResourceConfig;
import org.springframework.stereotype.Component;

/**
 * The engine REST API as the starter configures it, plus this application's mapping of refused
 * input to 400 (see {@link RefusedInputMappers}).
 */
@Component
public class EngineRestConfiguration extends CamundaJerseyResourceConfig {

  @Override
  protected void registerAdditionalResources() {
    register(RefusedInputMappers.OfRestException.class);
    register(RefusedInputMappers.OfProcessEngineException.class);
  }
}

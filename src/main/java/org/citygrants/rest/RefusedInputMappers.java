package org.citygrants.rest;

import jakarta.annotation.Priority;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.rest.exception.ProcessEngineExceptionHandler;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.camunda.bpm.engine.rest.exception.RestExceptionHandler;
import org.citygrants.process.InputRejectedException;

/**
 * Refused input is the client's mistake, so the engine REST API answers 400 with the message
 * that names the field, even where the engine wraps the refusal (a task listener's exception
 * becomes a ProcessEngineException, a start's a 500 RestException). Anything else keeps the
 * engine's own mapping.
 */
public final class RefusedInputMappers {

  private RefusedInputMappers() {}

  /** The refusal of input somewhere in the cause chain, if any. */
  public static Optional<FormFieldValidationException> refusal(Throwable error) {
    for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof FormFieldValidationException refused) {
        return Optional.of(refused);
      }
    }
    return Optional.empty();
  }

  static Response badRequest(FormFieldValidationException refused) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("type", "InputRejectedException");
    body.put("message", refused.getMessage());
    if (refused instanceof InputRejectedException input) {
      body.put("field", input.getField());
    }
    body.put("code", 0);
    return Response.status(Response.Status.BAD_REQUEST).entity(body).type(MediaType.APPLICATION_JSON_TYPE).build();
  }

  @Priority(1)
  public static class OfRestException implements ExceptionMapper<RestException> {
    private final RestExceptionHandler engineDefault = new RestExceptionHandler();

    @Override
    public Response toResponse(RestException exception) {
      return refusal(exception).map(RefusedInputMappers::badRequest).orElseGet(() -> engineDefault.toResponse(exception));
    }
  }

  @Priority(1)
  public static class OfProcessEngineException implements ExceptionMapper<ProcessEngineException> {
    private final ProcessEngineExceptionHandler engineDefault = new ProcessEngineExceptionHandler();

    @Override
    public Response toResponse(ProcessEngineException exception) {
      return refusal(exception).map(RefusedInputMappers::badRequest).orElseGet(() -> engineDefault.toResponse(exception));
    }
  }
}

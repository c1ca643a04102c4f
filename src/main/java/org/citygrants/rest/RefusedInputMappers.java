package org.citygrants.rest;

import jakarta.annotation.Priority;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.SuspendedEntityInteractionException;
import org.camunda.bpm.engine.exception.NullValueException;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.rest.exception.ProcessEngineExceptionHandler;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.camunda.bpm.engine.rest.exception.RestExceptionHandler;
import org.citygrants.language.Words;
import org.citygrants.process.InputRejectedException;
import org.citygrants.process.Refusals;

/**
 * Two answers the engine's default mapping gets wrong for this application. Refused input is the client's mistake, so the engine REST API answers 400 with the message
 * that names the field, even where the engine wraps the refusal (a task listener's exception
 * becomes a ProcessEngineException, a start's a 500 RestException). Anything else keeps the
 * engine's own mapping.
 *
 * <p>A change that lost a race (an {@link OptimisticLockingException} anywhere in the cause chain,
 * e.g. two people completing the same task at once) answers 409 Conflict: someone else changed
 * this at the same time; reload and try again. Acting on a task that no longer exists ("Cannot
 * find task with id") answers 404. The engine's default for both would be 500.
 */
public final class RefusedInputMappers {

  private RefusedInputMappers() {}

  static Response conflict(OptimisticLockingException conflict) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("type", "OptimisticLockingException");
    body.put("message", "Conflict: " + Refusals.CONCURRENT_CHANGE + ".");
    body.put("code", 0);
    return Response.status(Response.Status.CONFLICT).entity(body).type(MediaType.APPLICATION_JSON_TYPE).build();
  }

  /** The engine's refusal to act on a task that does not exist (any more), if that is the cause. */
  static Optional<NullValueException> taskGone(Throwable error) {
    for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof NullValueException gone && gone.getMessage() != null
          && gone.getMessage().startsWith("Cannot find task with id")) {
        return Optional.of(gone);
      }
    }
    return Optional.empty();
  }

  static Response notFound(NullValueException gone) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("type", "TaskNotFound");
    body.put("message", "The task does not exist or was completed already; reload to see what is open.");
    body.put("code", 0);
    return Response.status(Response.Status.NOT_FOUND).entity(body).type(MediaType.APPLICATION_JSON_TYPE).build();
  }

  /** The engine's refusal to act on a suspended task or instance: its grant is paused (grant.pause). */
  static Optional<SuspendedEntityInteractionException> paused(Throwable error) {
    for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof SuspendedEntityInteractionException suspended) {
        return Optional.of(suspended);
      }
    }
    return Optional.empty();
  }

  static Response pausedGrant(SuspendedEntityInteractionException suspended) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("type", "GrantPaused");
    body.put("message", Words.say("pause.taskWaits"));
    body.put("code", 0);
    return Response.status(Response.Status.CONFLICT).entity(body).type(MediaType.APPLICATION_JSON_TYPE).build();
  }

  /**
   * 400 for refused input, 409 for a lost race or a paused grant, 404 for a task already gone,
   * otherwise nothing (the engine's default applies).
   */
  static Optional<Response> answer(Throwable error) {
    return Refusals.refusal(error).map(RefusedInputMappers::badRequest)
        .or(() -> Refusals.concurrentChange(error).map(RefusedInputMappers::conflict))
        .or(() -> taskGone(error).map(RefusedInputMappers::notFound))
        .or(() -> paused(error).map(RefusedInputMappers::pausedGrant));
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
      return answer(exception).orElseGet(() -> engineDefault.toResponse(exception));
    }
  }

  @Priority(1)
  public static class OfProcessEngineException implements ExceptionMapper<ProcessEngineException> {
    private final ProcessEngineExceptionHandler engineDefault = new ProcessEngineExceptionHandler();

    @Override
    public Response toResponse(ProcessEngineException exception) {
      return answer(exception).orElseGet(() -> engineDefault.toResponse(exception));
    }
  }
}

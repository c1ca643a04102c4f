package org.citygrants.api;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonMappingException;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.citygrants.language.ReaderLanguage;
import org.citygrants.ledger.LedgerException;
import org.citygrants.ledger.UnknownLedgerKeyException;
import org.citygrants.process.CityGrantProcess;
import org.citygrants.process.InputRejectedException;
import org.citygrants.process.ProcessGateway;
import org.citygrants.process.Refusals;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.lang.Nullable;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Every error of the application's API as an {@link ApiError} JSON body: refused input 400 with
 * the field, no access 403, unknown grant 404, a ledger refusal 409, Spring MVC's own errors with
 * their status. Only for this package's controllers.
 *
 * <p>Refusals of the process layer name process variables; the API names its request fields
 * instead ({@code earlyStopReason} → {@code reason}, {@code grantReference} → {@code reference}).
 */
// the API proper and the grant pages' data (org.citygrants.grantpage, named so that api does not depend on it)
@RestControllerAdvice(basePackages = {"org.citygrants.api", "org.citygrants.grantpage"})
public class ApiExceptionHandler extends ResponseEntityExceptionHandler {

  private static final Logger LOG = LoggerFactory.getLogger(ApiExceptionHandler.class);

  /** Process variable → the API's request field. */
  static final Map<String, String> FIELDS = Map.of(
      CityGrantProcess.EARLY_STOP_REASON.name(), "reason",
      CityGrantProcess.GRANT_REFERENCE.name(), "reference");

  @ExceptionHandler(ApiException.class)
  ResponseEntity<Object> api(ApiException e, HttpServletRequest request) {
    return error(e.status(), e.getMessage(), null, request);
  }

  @ExceptionHandler(InputRejectedException.class)
  ResponseEntity<Object> inputRejected(InputRejectedException e, HttpServletRequest request) {
    return refused(e, request);
  }

  /** Someone else claimed or completed the task at the same moment: 409, reload and try again. */
  @ExceptionHandler(ProcessGateway.ConcurrentChangeException.class)
  ResponseEntity<Object> concurrentChange(ProcessGateway.ConcurrentChangeException e, HttpServletRequest request) {
    return error(HttpStatus.CONFLICT, e.getMessage(), null, request);
  }

  @ExceptionHandler(ProcessGateway.TaskNotAvailableException.class)
  ResponseEntity<Object> notAvailable(ProcessGateway.TaskNotAvailableException e, HttpServletRequest request) {
    return error(HttpStatus.FORBIDDEN, e.getMessage(), null, request);
  }

  /** A change that the grant's state does not allow now (paused, not running, a change waiting): 409. */
  @ExceptionHandler(org.citygrants.grant.pause.GrantPauses.PauseConflictException.class)
  ResponseEntity<Object> stateConflict(RuntimeException e, HttpServletRequest request) {
    return error(HttpStatus.CONFLICT, e.getMessage(), null, request);
  }

  @ExceptionHandler(org.citygrants.grant.pause.GrantPauses.UnknownGrantException.class)
  ResponseEntity<Object> unknownGrant(RuntimeException e, HttpServletRequest request) {
    return error(HttpStatus.NOT_FOUND, e.getMessage(), null, request);
  }

  @ExceptionHandler(UnknownLedgerKeyException.class)
  ResponseEntity<Object> unknown(UnknownLedgerKeyException e, HttpServletRequest request) {
    return error(HttpStatus.NOT_FOUND, e.getMessage(), null, request);
  }

  @ExceptionHandler(LedgerException.class)
  ResponseEntity<Object> ledgerRefused(LedgerException e, HttpServletRequest request) {
    return error(HttpStatus.CONFLICT, e.messageIn(ReaderLanguage.current(), who -> who), null, request);
  }

  /** The engine wraps a listener's refusal; an authorization the user lacks is theirs to ask for. */
  @ExceptionHandler(ProcessEngineException.class)
  ResponseEntity<Object> engine(ProcessEngineException e, HttpServletRequest request) {
    var refusal = Refusals.refusal(e);
    if (refusal.isPresent()) {
      return refused(refusal.get(), request);
    }
    if (e instanceof AuthorizationException) {
      return error(HttpStatus.FORBIDDEN, e.getMessage(), null, request);
    }
    return unexpected(e, request);
  }

  @ExceptionHandler(AccessDeniedException.class)
  ResponseEntity<Object> accessDenied(AccessDeniedException e, HttpServletRequest request) {
    return error(HttpStatus.FORBIDDEN, "Access denied.", null, request);
  }

  @ExceptionHandler(AuthenticationException.class)
  ResponseEntity<Object> unauthenticated(AuthenticationException e, HttpServletRequest request) {
    return error(HttpStatus.UNAUTHORIZED, ApiException.unauthenticated().getMessage(), null, request);
  }

  @ExceptionHandler(RuntimeException.class)
  ResponseEntity<Object> unexpected(RuntimeException e, HttpServletRequest request) {
    LOG.error("{} {} failed", request.getMethod(), request.getRequestURI(), e);
    return error(HttpStatus.INTERNAL_SERVER_ERROR, "The request failed unexpectedly; the error is logged.", null,
        request);
  }

  @Override
  protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
      HttpHeaders headers, HttpStatusCode status, WebRequest request) {
    String[] unreadable = unreadable(ex);
    return error(HttpStatus.BAD_REQUEST, unreadable[1], unreadable[0], path(request));
  }

  /**
   * Why the body could not be read, as {field, message}: a value nested too deeply or of the wrong
   * shape names its top-level field; malformed JSON names none.
   */
  static String[] unreadable(Throwable error) {
    boolean tooDeep = false;
    String field = null;
    for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
      tooDeep |= t instanceof StreamConstraintsException;
      if (field == null && t instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
        field = mapping.getPath().get(0).getFieldName();
      }
      if (field == null && t instanceof StreamConstraintsException deep && deep.getProcessor() instanceof JsonParser parser) {
        field = topLevelField(parser.getParsingContext());
      }
    }
    if (tooDeep) {
      return new String[] {field, (field == null ? "A value" : "'" + field + "'") + " is nested too deeply."};
    }
    if (field != null) {
      return new String[] {field, "'" + field + "' is not a value of the expected shape (text)."};
    }
    return new String[] {null, "The request body is not valid JSON of the expected shape."};
  }

  private static String topLevelField(JsonStreamContext context) {
    String field = null;
    for (JsonStreamContext at = context; at != null; at = at.getParent()) {
      if (at.getCurrentName() != null) {
        field = at.getCurrentName();
      }
    }
    return field;
  }

  /** Spring MVC's own errors (405, 406, 415, missing parameters...): their status, our body. */
  @Override
  protected ResponseEntity<Object> handleExceptionInternal(Exception ex, @Nullable Object body, HttpHeaders headers,
      HttpStatusCode statusCode, WebRequest request) {
    HttpStatus status = HttpStatus.resolve(statusCode.value());
    String message = ex.getMessage() == null ? (status == null ? "Error" : status.getReasonPhrase()) : ex.getMessage();
    HttpHeaders answer = new HttpHeaders();
    answer.putAll(headers);
    answer.setContentType(MediaType.APPLICATION_JSON);
    return new ResponseEntity<>(new ApiError(statusCode.value(), status == null ? null : status.getReasonPhrase(),
        message, null, path(request)), answer, statusCode);
  }

  private ResponseEntity<Object> refused(FormFieldValidationException e, HttpServletRequest request) {
    Object detail = e.getDetail();
    String field = e instanceof InputRejectedException input ? input.getField()
        : detail instanceof String name ? name : null;
    return error(HttpStatus.BAD_REQUEST, e.getMessage(), field == null ? null : FIELDS.getOrDefault(field, field),
        request);
  }

  private static ResponseEntity<Object> error(HttpStatus status, String message, String field,
      HttpServletRequest request) {
    return error(status, message, field, request.getRequestURI());
  }

  private static ResponseEntity<Object> error(HttpStatus status, String message, String field, String path) {
    // explicit JSON: the request may have asked for text/csv only
    return ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON)
        .body(new ApiError(status.value(), status.getReasonPhrase(), message, field, path));
  }

  private static String path(WebRequest request) {
    return request instanceof ServletWebRequest servlet ? servlet.getRequest().getRequestURI() : null;
  }
}

package org.citygrants.cohort.web;

import jakarta.servlet.http.HttpServletRequest;
import org.citygrants.api.ApiError;
import org.citygrants.api.ApiException;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** The cohort view's refusals (not signed in, no programme role) as the API's JSON errors. */
@RestControllerAdvice(basePackageClasses = CohortErrors.class)
class CohortErrors {

  @ExceptionHandler(ApiException.class)
  ResponseEntity<ApiError> refused(ApiException e, HttpServletRequest request) {
    return ResponseEntity.status(e.status()).contentType(MediaType.APPLICATION_JSON)
        .body(new ApiError(e.status().value(), e.status().getReasonPhrase(), e.getMessage(), null,
            request.getRequestURI()));
  }
}

package org.citygrants.cohort.web;

import io.swagger.v3.oas.annotations.Hidden;
import java.net.URI;
import org.citygrants.api.GrantAccess;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The cohort view: the page {@code /cohort/} (static files under {@code static/cohort/}, drawn by
 * Chart.js from the webjar) and its data {@code GET /api/cohort}. Both need a signed-in user
 * (HTTP Basic or the Camunda webapps' session, see the security configuration); the data is
 * filtered for that user by {@link CohortViewService}.
 */
@RestController
@Hidden // not part of the documented /api (the page's own data); see README "Cohort view"
public class CohortController {

  static final String PAGE = "/cohort/";

  private static final Resource INDEX = new ClassPathResource("static/cohort/index.html");

  private final CohortViewService cohort;
  private final GrantAccess access;

  public CohortController(CohortViewService cohort, GrantAccess access) {
    this.cohort = cohort;
    this.access = access;
  }

  @GetMapping(path = "/api/cohort", produces = MediaType.APPLICATION_JSON_VALUE)
  public CohortView data(Authentication authentication) {
    return cohort.viewFor(access.userId(authentication));
  }

  /** The page; {@code /cohort} without the slash redirects, so the page's relative links resolve. */
  @GetMapping(PAGE)
  public ResponseEntity<Resource> page() {
    return ResponseEntity.ok().contentType(MediaType.TEXT_HTML).cacheControl(CacheControl.noCache()).body(INDEX);
  }

  @GetMapping("/cohort")
  public ResponseEntity<Void> withSlash() {
    return ResponseEntity.status(HttpStatus.FOUND).location(URI.create("cohort/")).build();
  }
}

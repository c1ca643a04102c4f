package org.citygrants.support;

import io.swagger.v3.oas.annotations.Hidden;
import java.util.LinkedHashMap;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.boot.test.context.TestComponent;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * A test endpoint under /api: the request's user and the engine's authenticated user. Part of the
 * {@link ApplicationTest} context only (imported there; hidden from component scanning and from the
 * OpenAPI document).
 */
@TestComponent
@RestController
@Hidden
public class WhoAmIEndpoint {

  public static final String WHO_AM_I = "/api/test-security/whoami";

  private final IdentityService identityService;

  WhoAmIEndpoint(IdentityService identityService) {
    this.identityService = identityService;
  }

  @GetMapping(WHO_AM_I)
  Map<String, Object> get(org.springframework.security.core.Authentication user) {
    Authentication engine = identityService.getCurrentAuthentication();
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("user", user.getName());
    body.put("engineUser", engine == null ? null : engine.getUserId());
    body.put("engineGroups", engine == null ? null : engine.getGroupIds());
    return body;
  }

  @PostMapping(WHO_AM_I)
  Map<String, Object> post(org.springframework.security.core.Authentication user) {
    return get(user);
  }
}

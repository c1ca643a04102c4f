package org.citygrants.process;

import org.citygrants.language.Words;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Component;

/**
 * Who is acting: the user authenticated on the engine call (Tasklist, REST, the process
 * gateway), or {@code system} when the job executor runs a step on its own.
 */
@Component
public class CurrentActor {

  public static final String SYSTEM = "system";

  private final IdentityService identityService;

  public CurrentActor(IdentityService identityService) {
    this.identityService = identityService;
  }

  public String userId() {
    Authentication authentication = identityService.getCurrentAuthentication();
    return authentication == null || authentication.getUserId() == null ? SYSTEM : authentication.getUserId();
  }

  /** The acting person; a step that needs one (four eyes, sizing) refuses to run without. */
  public String requireUser(String field) {
    String user = userId();
    if (SYSTEM.equals(user)) {
      throw new InputRejectedException(field, Words.say("refused.signedInUser"));
    }
    return user;
  }
}

package org.citygrants.support;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;

/** People the tests add beside the demo identities (a second officer, a city colleague...). */
public final class TestPeople {

  private TestPeople() {
  }

  /**
   * Adds the person as a member of the group unless they exist already (the tests of one
   * application share its identities). {@code email} may be null; the password is "demo".
   */
  public static void member(IdentityService identityService, String userId, String firstName, String lastName,
      String email, String groupId) {
    if (identityService.createUserQuery().userId(userId).count() == 0) {
      User user = identityService.newUser(userId);
      user.setFirstName(firstName);
      user.setLastName(lastName);
      user.setEmail(email);
      user.setPassword("demo");
      identityService.saveUser(user);
      identityService.createMembership(userId, groupId);
    }
  }
}

package org.citygrants.signin;

import java.security.Principal;
import java.util.List;
import java.util.stream.Stream;
import org.camunda.bpm.engine.authorization.Groups;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/**
 * A signed-in Camunda user as Spring Security sees it: {@link #getName()} is the Camunda user
 * id; the authorities are {@code GROUP_<groupId>} for each of the user's Camunda groups.
 */
public record CamundaPrincipal(String userId, List<String> groupIds, List<String> tenantIds) implements Principal {

  public static final String GROUP_AUTHORITY_PREFIX = "GROUP_";

  public CamundaPrincipal {
    groupIds = List.copyOf(groupIds);
    tenantIds = tenantIds == null ? List.of() : List.copyOf(tenantIds);
  }

  @Override
  public String getName() {
    return userId;
  }

  public boolean isAdmin() {
    return groupIds.contains(Groups.CAMUNDA_ADMIN);
  }

  List<GrantedAuthority> authorities() {
    return Stream.concat(groupIds.stream().map(g -> GROUP_AUTHORITY_PREFIX + g), Stream.of("ROLE_USER"))
        .<GrantedAuthority>map(SimpleGrantedAuthority::new).toList();
  }

  @Override
  public String toString() {
    return userId;
  }
}

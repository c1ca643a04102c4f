package org.citygrants.identity;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.springframework.stereotype.Component;

/**
 * Cities and coaches as the Camunda identity service knows them: a city is a group
 * {@code city-<code>}, coaches are the members of group {@code coaches}.
 */
@Component
public class CityDirectory {

  public static final String CITY_GROUP_PREFIX = "city-";
  public static final String COACHES = "coaches";
  public static final String PROGRAMME_MANAGERS = "programme-managers";
  public static final String PROGRAMME_OFFICERS = "programme-officers";
  public static final String FINANCE_OFFICERS = "finance-officers";

  private final IdentityService identityService;

  public CityDirectory(IdentityService identityService) {
    this.identityService = identityService;
  }

  public static String cityGroup(String cityCode) {
    return CITY_GROUP_PREFIX + cityCode;
  }

  /** The city code of a city team's group ({@code city-lyon}: {@code lyon}); empty for any other group. */
  public static Optional<String> cityCodeOf(String groupId) {
    return groupId != null && groupId.startsWith(CITY_GROUP_PREFIX) && groupId.length() > CITY_GROUP_PREFIX.length()
        ? Optional.of(groupId.substring(CITY_GROUP_PREFIX.length())) : Optional.empty();
  }

  public Optional<String> cityName(String cityCode) {
    Group group = identityService.createGroupQuery().groupId(cityGroup(cityCode)).singleResult();
    return Optional.ofNullable(group).map(g -> g.getName() == null ? cityCode : g.getName());
  }

  /** The city a user belongs to, from their {@code city-*} group; none for staff. */
  public Optional<String> cityOfUser(String userId) {
    return identityService.createGroupQuery().groupMember(userId).list().stream()
        .map(Group::getId)
        .map(CityDirectory::cityCodeOf)
        .flatMap(Optional::stream)
        .findFirst();
  }

  public boolean isCoach(String userId) {
    return identityService.createUserQuery().userId(userId).memberOfGroup(COACHES).count() == 1;
  }

  /** Options for the coach select of the assign-coach form: label "First Last", value user id. */
  public List<Map<String, String>> coachOptions() {
    return identityService.createUserQuery().memberOfGroup(COACHES).orderByUserLastName().asc().list().stream()
        .map(user -> Map.of("label", displayName(user), "value", user.getId()))
        .toList();
  }

  public Optional<String> email(String userId) {
    return Optional.ofNullable(identityService.createUserQuery().userId(userId).singleResult()).map(User::getEmail);
  }

  public List<User> members(String groupId) {
    return identityService.createUserQuery().memberOfGroup(groupId).list();
  }

  /** "First Last", or the user id when the person has no name. */
  public static String displayName(User user) {
    String name = ((user.getFirstName() == null ? "" : user.getFirstName()) + " "
        + (user.getLastName() == null ? "" : user.getLastName())).trim();
    return name.isEmpty() ? user.getId() : name;
  }
}

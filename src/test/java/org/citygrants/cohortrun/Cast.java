package org.citygrants.cohortrun;

import java.util.List;

/**
 * Who does what in a cohort run: one user per city (grant i is applied for by city i modulo the
 * number of cities), the coaches (grant i is coached by coach i modulo their number), and the
 * programme staff. The demo identities give {@link #demo()}.
 */
public record Cast(List<String> cityUsers, List<String> coaches, String officer, String manager,
    String financeRequester, String financeApprover) {

  public Cast {
    if (cityUsers.isEmpty() || coaches.isEmpty()) {
      throw new IllegalArgumentException("a cohort needs at least one city user and one coach");
    }
    if (financeRequester.equals(financeApprover)) {
      throw new IllegalArgumentException("payments need two different finance officers (four eyes)");
    }
    cityUsers = List.copyOf(cityUsers);
    coaches = List.copyOf(coaches);
  }

  /** The users of demo/identities.yaml (password "demo"). */
  public static Cast demo() {
    return new Cast(List.of("lyon", "tampere"), List.of("coach1", "coach2"), "officer", "manager", "finance1", "finance2");
  }

  public String cityUser(int grantIndex) {
    return cityUsers.get(grantIndex % cityUsers.size());
  }

  public String coach(int grantIndex) {
    return coaches.get(grantIndex % coaches.size());
  }
}

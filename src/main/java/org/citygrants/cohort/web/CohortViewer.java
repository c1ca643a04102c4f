package org.citygrants.cohort.web;

import java.util.List;
import org.citygrants.access.GrantPolicy;
import org.citygrants.access.GrantPolicy.Person;
import org.citygrants.identity.CityDirectory;
import org.citygrants.grant.GrantRegister.GrantRecord;

/**
 * Who looks at the cohort view, and which grants they see in full (money, experiment budgets,
 * late flag, overdue reports), as {@link GrantPolicy} decides: programme staff every grant, a coach
 * the grants they coach, a city team its own city's grants.
 */
record CohortViewer(Person person, String name, boolean coach, GrantPolicy policy) {

  String userId() {
    return person.userId();
  }

  List<String> staffGroups() {
    return person.staffGroups();
  }

  List<String> cityCodes() {
    return person.cityCodes();
  }

  boolean programmeStaff() {
    return policy.readsProgrammeMoney(person);
  }

  boolean fullAccess(GrantRecord grant) {
    return grant != null && policy.readsInFull(person, grant.cityCode(), grant.coach());
  }

  String role() {
    return programmeStaff() ? "programme" : coach ? "coach" : "city";
  }

  String roleLabel(java.util.Locale language) {
    String role;
    if (staffGroups().contains(CityDirectory.PROGRAMME_MANAGERS)) {
      role = "manager";
    } else if (staffGroups().contains(CityDirectory.PROGRAMME_OFFICERS)) {
      role = "officer";
    } else if (staffGroups().contains(CityDirectory.FINANCE_OFFICERS)) {
      role = "finance";
    } else {
      role = coach ? "coach" : "city";
    }
    return org.citygrants.language.Words.say(language, "cohort.role." + role);
  }

  CohortView.Viewer toJson(java.util.Locale language) {
    return new CohortView.Viewer(userId(), name, role(), roleLabel(language), cityCodes());
  }
}

package org.citygrants.cohort.web;

import java.util.List;
import org.citygrants.identity.CityDirectory;
import org.citygrants.grant.GrantRegister.GrantRecord;

/**
 * Who looks at the cohort view, and which grants they see in full (money, experiment budgets,
 * late flag, overdue reports): programme staff every grant, a coach the grants they coach, a
 * city team its own city's grants.
 */
record CohortViewer(String userId, String name, List<String> staffGroups, boolean coach, List<String> cityCodes) {

  boolean programmeStaff() {
    return !staffGroups.isEmpty();
  }

  boolean fullAccess(GrantRecord grant) {
    if (grant == null) {
      return false;
    }
    return programmeStaff() || userId.equals(grant.coach()) || cityCodes.contains(grant.cityCode());
  }

  String role() {
    return programmeStaff() ? "programme" : coach ? "coach" : "city";
  }

  String roleLabel() {
    if (staffGroups.contains(CityDirectory.PROGRAMME_MANAGERS)) {
      return "Programme manager";
    }
    if (staffGroups.contains(CityDirectory.PROGRAMME_OFFICERS)) {
      return "Programme officer";
    }
    if (staffGroups.contains(CityDirectory.FINANCE_OFFICERS)) {
      return "Finance officer";
    }
    return coach ? "Coach" : "City team";
  }

  CohortView.Viewer toJson() {
    return new CohortView.Viewer(userId, name, role(), roleLabel(), cityCodes);
  }
}

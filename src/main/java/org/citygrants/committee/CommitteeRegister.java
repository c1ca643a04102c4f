package org.citygrants.committee;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.citygrants.language.Words;
import org.citygrants.process.InputRejectedException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * The investment committee each city forms (table committee_member). The city writes one member
 * a line, "Name; role; organisation"; the committee needs at least {@value #MINIMUM_MEMBERS}
 * trusted people and its chair among them.
 */
@Repository
public class CommitteeRegister {

  public static final int MINIMUM_MEMBERS = 3;

  public record Member(String name, String role, String organisation) {}

  private final JdbcClient jdbc;

  public CommitteeRegister(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public static List<Member> parse(String field, String text) {
    List<Member> members = new ArrayList<>();
    int lineNumber = 0;
    for (String line : text == null ? new String[0] : text.split("\\R")) {
      lineNumber++;
      if (line.isBlank()) {
        continue;
      }
      String[] parts = line.split(";", -1);
      if (parts.length < 2 || parts[0].isBlank() || parts[1].isBlank()) {
        throw new InputRejectedException(field, Words.say("committee.lineNeedsNameAndRole", String.valueOf(lineNumber),
            line.trim()));
      }
      members.add(new Member(parts[0].trim(), parts[1].trim(), parts.length > 2 ? parts[2].trim() : null));
    }
    if (members.size() < MINIMUM_MEMBERS) {
      throw new InputRejectedException(field, Words.say("committee.tooFewMembers", String.valueOf(MINIMUM_MEMBERS),
          String.valueOf(members.size())));
    }
    return members;
  }

  /** Replaces the committee of a grant with the members given. */
  @Transactional
  public void register(String grantReference, List<Member> members, String chair, String registeredBy) {
    jdbc.sql("DELETE FROM committee_member WHERE grant_reference = ?").param(grantReference).update();
    Timestamp now = Timestamp.from(Instant.now());
    for (Member member : members) {
      jdbc.sql("""
          INSERT INTO committee_member (grant_reference, member_name, member_role, organisation, is_chair, registered_at, registered_by)
          VALUES (?, ?, ?, ?, ?, ?, ?)""")
          .params(grantReference, member.name(), member.role(), member.organisation(),
              member.name().equalsIgnoreCase(chair), now, registeredBy)
          .update();
    }
  }

  public List<Member> members(String grantReference) {
    return jdbc.sql("SELECT member_name, member_role, organisation FROM committee_member WHERE grant_reference = ? ORDER BY id")
        .param(grantReference)
        .query((rs, i) -> new Member(rs.getString(1), rs.getString(2), rs.getString(3))).list();
  }
}

package org.citygrants.grant.pause;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * One pause of a grant: when and by whom it was paused, why (a code and the officer's note), when
 * it was expected to end, and once resumed when, by whom and how far the grant's deadlines moved.
 *
 * @param reason one of {@link #REASONS}
 * @param moved null while the pause is open
 */
public record Pause(long id, String grantReference, Instant pausedAt, String pausedBy, String reason, String note,
    LocalDate expectedResume, Instant resumedAt, String resumedBy, Duration moved, Instant overdueRemindedAt) {

  public static final String OTHER = "other";
  /** Why a grant goes silent: elections, a disaster (floods, an epidemic...), the team gone, or something else (a note says what). */
  public static final List<String> REASONS = List.of("elections", "disaster", "staff", OTHER);

  public boolean open() {
    return resumedAt == null;
  }
}

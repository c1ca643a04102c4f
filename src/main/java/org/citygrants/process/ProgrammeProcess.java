package org.citygrants.process;

import java.util.List;

/** The {@code experimentation-programme} process: one cohort of city grants. */
public final class ProgrammeProcess {

  public static final String PROCESS_ID = "experimentation-programme";
  public static final String MESSAGE_WIN_FLAGGED = "WinFlagged";

  public static final class Elements {
    public static final String RUN_CITY_GRANTS = "CallActivity_RunCityGrants";
    public static final String PEER_EXCHANGE_DUE = "Event_PeerExchangeDue";
    public static final String HOLD_PEER_EXCHANGE = "Task_HoldPeerExchange";
    public static final String SHARE_PEER_EXCHANGE_NOTES = "Task_SharePeerExchangeNotes";
    public static final String WRITE_PROGRAMME_LESSONS = "Task_WriteProgrammeLessons";
    public static final String ADD_WIN_TO_COHORT_FEED = "Task_AddWinToCohortFeed";

    private Elements() {}
  }

  public static final ProcessVariable<String> PROGRAMME_NAME = ProcessVariable.of("programmeName", String.class);
  public static final ProcessVariable<String> COHORT_CITIES = ProcessVariable.of("cohortCities", String.class);
  @SuppressWarnings("rawtypes")
  public static final ProcessVariable<List> COHORT_CITY_CODES = ProcessVariable.of("cohortCityCodes", List.class);
  /** What the cohort's cities shared of their learnings, on the programme lessons form, in words. */
  public static final WordedVariable LEARNINGS_SHARED_BY_CITIES = WordedVariable.of("learningsSharedByCities");
  public static final ProcessVariable<String> WINS_TO_CELEBRATE = ProcessVariable.of("winsToCelebrate", String.class);
  public static final ProcessVariable<Long> WINS_COLLECTED = ProcessVariable.of("winsCollected", Long.class);
  public static final ProcessVariable<String> WIN_CITY = ProcessVariable.of("winCity", String.class);
  public static final ProcessVariable<String> WIN_GRANT_REFERENCE = ProcessVariable.of("winGrantReference", String.class);
  public static final ProcessVariable<String> WIN_STORY = ProcessVariable.of("winStory", String.class);
  /** The day of a peer exchange, as the manager's form gives it ({@code 2026-12-02}). */
  public static final ProcessVariable<Object> PEER_EXCHANGE_DATE = ProcessVariable.of("peerExchangeDate", Object.class);
  public static final ProcessVariable<String> PEER_EXCHANGE_THEME = ProcessVariable.of("peerExchangeTheme", String.class);
  public static final ProcessVariable<String> PEER_EXCHANGE_NOTES = ProcessVariable.of("peerExchangeNotes", String.class);

  private ProgrammeProcess() {}
}

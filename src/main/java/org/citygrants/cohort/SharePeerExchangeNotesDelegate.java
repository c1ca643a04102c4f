package org.citygrants.cohort;

import static org.citygrants.process.ProgrammeProcess.*;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.citygrants.process.CurrentActor;
import org.springframework.stereotype.Component;

/**
 * A programme manager held a peer exchange: its day, theme and notes are kept for the cities of the
 * cohort, who read them on the cohort view (before, they stayed with the manager). Who held it is
 * the signed-in manager who completed the task. Recorded once per programme, day and theme.
 */
@Component
public class SharePeerExchangeNotesDelegate implements JavaDelegate {

  private final PeerExchanges exchanges;
  private final CurrentActor actor;

  public SharePeerExchangeNotesDelegate(PeerExchanges exchanges, CurrentActor actor) {
    this.exchanges = exchanges;
    this.actor = actor;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String programme = execution.getProcessInstanceId();
    LocalDate day = day(PEER_EXCHANGE_DATE.require(execution));
    String theme = PEER_EXCHANGE_THEME.require(execution).strip();
    String notes = PEER_EXCHANGE_NOTES.get(execution);
    exchanges.record(programme + ":" + day + ":" + Integer.toHexString(theme.hashCode()), programme,
        PROGRAMME_NAME.get(execution), day, theme, notes == null || notes.isBlank() ? null : notes.strip(),
        actor.userId());
  }

  private static LocalDate day(Object value) {
    if (value instanceof Date date) {
      return date.toInstant().atZone(ZoneId.systemDefault()).toLocalDate();
    }
    // the form's date field: 2026-12-02 (a date-time keeps its day)
    String text = String.valueOf(value).strip();
    return LocalDate.parse(text.length() > 10 ? text.substring(0, 10) : text);
  }
}

package org.citygrants.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.citygrants.process.CityGrantProcess.Elements.SIZE_GRANT;
import static org.citygrants.support.FormData.application;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Date;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.citygrants.grant.pause.GrantPauses;
import org.citygrants.grant.pause.OverduePauseReminders;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A paused grant's tasks get no reminder and no overdue digest; once resumed they do again. A pause
 * that outlives its expected day reminds the officer who paused the grant, once.
 */
class PausedGrantMailTest extends MailTest {

  @Autowired GrantPauses pauses;
  @Autowired OverduePauseReminders pauseReminders;
  @Autowired OverdueTaskDigest digest;
  @Autowired DueDateReminders reminders;
  @Autowired TaskService taskService;

  @Test
  void aPausedGrantsTasksGetNoReminderAndNoDigestUntilItResumes() {
    String overdueGrant = journey.apply(CITY, application("learning"));
    String dueSoonGrant = journey.apply(CITY, application("impact"));
    Instant now = Instant.now();
    Task overdue = journey.task(overdueGrant, SIZE_GRANT);
    Task dueSoon = journey.task(dueSoonGrant, SIZE_GRANT);
    taskService.setDueDate(overdue.getId(), Date.from(now.minus(Duration.ofDays(3))));
    Instant soon = dueSoon.getCreateTime().toInstant().plus(Duration.ofDays(10));
    taskService.setDueDate(dueSoon.getId(), Date.from(soon));
    String tomorrow = LocalDate.now().plusDays(1).toString();
    pauses.pause(OFFICER, overdueGrant, "disaster", "Floods.", tomorrow);
    pauses.pause(OFFICER, dueSoonGrant, "elections", null, tomorrow);
    clearMailboxes();

    // while paused: the digest and the reminders leave both grants out (a whole week of daily runs)
    for (int day = 0; day < 7; day++) {
      digest.send(now.plus(Duration.ofDays(day)));
      reminders.send(soon.minus(Duration.ofDays(2)).plus(Duration.ofHours(day)));
    }
    assertThat(mails()).noneMatch(mail -> mail.body().contains(overdueGrant) || mail.body().contains(dueSoonGrant));

    // resumed: they count again (here paused for seconds, so their due dates barely moved)
    pauses.resume(OFFICER, overdueGrant);
    pauses.resume(OFFICER, dueSoonGrant);
    clearMailboxes();
    digest.send(now.plus(Duration.ofDays(8)));
    reminders.send(soon.minus(Duration.ofDays(2)));
    assertThat(mailsTo(OFFICER_EMAIL)).anyMatch(mail -> mail.body().contains("[" + overdueGrant + "] Size the grant"));
    assertThat(mailsAbout(dueSoonGrant)).extracting(Mail::to).contains(OFFICER_EMAIL);

    // the mail tests share one application: no overdue task is left for the next one's digest
    taskService.setDueDate(overdue.getId(), null);
    taskService.setDueDate(dueSoon.getId(), null);
  }

  @Test
  void aPauseThatOutlivesItsExpectedDayRemindsTheOfficerOnce() {
    String grant = journey.apply(CITY, application("learning"));
    LocalDate expected = LocalDate.now().plusDays(1);
    pauses.pause(OFFICER, grant, "staff", null, expected.toString());
    clearMailboxes();
    Instant now = Instant.now();

    assertThat(pauseReminders.send(now)).as("not overdue yet").isZero();
    assertThat(pauseReminders.send(expected.atTime(12, 0).atZone(ZoneId.systemDefault()).toInstant()))
        .as("the expected day itself").isZero();
    Instant dayAfter = expected.plusDays(1).atTime(7, 30).atZone(ZoneId.systemDefault()).toInstant();
    assertThat(pauseReminders.send(dayAfter)).isEqualTo(1);
    assertThat(pauseReminders.send(dayAfter.plus(Duration.ofDays(1)))).as("once").isZero();

    assertThat(mailsAbout(grant)).singleElement().satisfies(mail -> {
      assertThat(mail.to()).isEqualTo(OFFICER_EMAIL);
      assertThat(mail.subject()).isEqualTo("[" + grant + "] Lyon's grant was expected to resume on "
          + Texts.longDay(expected));
      assertThat(mail.body()).startsWith("Hello Sofia,")
          .contains("Lyon's grant " + grant + " is paused since " + Texts.longDay(LocalDate.now())
              + " (The city team is gone)")
          .contains("POST /api/grants/" + grant + "/resume");
    });
    pauses.resume(OFFICER, grant);
  }
}

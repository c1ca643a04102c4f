package org.citygrants.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.citygrants.process.CityGrantProcess.Elements.SIZE_GRANT;
import static org.citygrants.support.FormData.application;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The daily digest of overdue tasks: one mail per person per day, whatever runs it how often. */
class OverdueTaskDigestTest extends MailTest {

  @Autowired OverdueTaskDigest digest;
  @Autowired TaskService taskService;

  @Test
  void theDigestListsEachPersonsOverdueTasksOncePerDay() {
    // an unclaimed task of the programme officers, and one assigned to Rosa, both overdue
    String groupGrant = journey.apply(CITY, application("learning"));
    String assignedGrant = journey.apply(CITY, application("impact"));
    Task groupTask = journey.task(groupGrant, SIZE_GRANT);
    Task assignedTask = journey.task(assignedGrant, SIZE_GRANT);
    taskService.setAssignee(assignedTask.getId(), SECOND_OFFICER);
    Instant now = Instant.now();
    Date yesterday = Date.from(now.minus(Duration.ofDays(1)));
    Date threeDaysAgo = Date.from(now.minus(Duration.ofDays(3)));
    taskService.setDueDate(groupTask.getId(), threeDaysAgo);
    taskService.setDueDate(assignedTask.getId(), yesterday);
    awaitMailQueueEmpty();
    clearMailboxes();
    LocalDate today = LocalDate.ofInstant(now, ZoneId.systemDefault());

    assertThat(digest.send(now)).isEqualTo(2);
    assertThat(digest.send(now.plusSeconds(60))).as("a second run the same day, e.g. on the other node").isZero();

    List<Mail> mails = mails();
    assertThat(mails).extracting(Mail::to).containsExactlyInAnyOrder(OFFICER_EMAIL, SECOND_OFFICER_EMAIL);
    Mail sofias = mailsTo(OFFICER_EMAIL).get(0);
    assertThat(sofias.subject()).isEqualTo("1 overdue task in Tasklist — " + today);
    assertThat(sofias.body()).startsWith("Hello Sofia,")
        .contains("- [" + groupGrant + "] Size the grant — due " + Texts.format(threeDaysAgo) + " (3 days overdue), not yet claimed")
        .contains(LINK_PREFIX + groupTask.getId())
        .doesNotContain(assignedGrant);
    Mail rosas = mailsTo(SECOND_OFFICER_EMAIL).get(0);
    assertThat(rosas.subject()).isEqualTo("2 overdue tasks in Tasklist — " + today);
    assertThat(rosas.body()).startsWith("Hello Rosa,")
        .contains("These 2 tasks are past their due date:")
        .contains("- [" + groupGrant + "] Size the grant — due " + Texts.format(threeDaysAgo) + " (3 days overdue), not yet claimed")
        .contains("- [" + assignedGrant + "] Size the grant — due " + Texts.format(yesterday) + " (1 day overdue), assigned to you")
        .contains(LINK_PREFIX + assignedTask.getId());
    assertThat(rosas.body().indexOf(groupGrant)).as("the most overdue first").isLessThan(rosas.body().indexOf(assignedGrant));
    assertThat(jdbc.sql("SELECT COUNT(*) FROM notification WHERE notification_key = ?")
        .param("digest:" + OFFICER + ":" + today).query(Integer.class).single()).isEqualTo(1);

    // the next day they hear again, once; without overdue tasks nobody does
    clearMailboxes();
    assertThat(digest.send(now.plus(Duration.ofDays(1)))).isEqualTo(2);
    assertThat(digest.send(now.plus(Duration.ofDays(1)))).isZero();
    assertThat(mails()).hasSize(2);
    taskService.setDueDate(groupTask.getId(), Date.from(now.plus(Duration.ofDays(30))));
    taskService.setDueDate(assignedTask.getId(), Date.from(now.plus(Duration.ofDays(30))));
    assertThat(digest.send(now.plus(Duration.ofDays(2)))).isZero();
  }
}

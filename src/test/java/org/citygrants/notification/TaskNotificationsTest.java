package org.citygrants.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.citygrants.process.CityGrantProcess.Elements.*;
import static org.citygrants.support.FormData.*;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.citygrants.process.PaymentProcess;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** Mails about new and assigned tasks, sent only once the work that created them is committed. */
class TaskNotificationsTest extends MailTest {

  @Autowired TaskService taskService;
  @Autowired PlatformTransactionManager transactionManager;

  @Test
  void aTaskForACandidateGroupMailsEveryMemberWithAnAddress() {
    String grant = journey.apply(CITY, application("learning"));
    Task sizing = journey.task(grant, SIZE_GRANT);
    String due = Texts.format(sizing.getDueDate());

    List<Mail> mails = mailsAbout(grant);

    assertThat(mails).extracting(Mail::to).containsExactlyInAnyOrder(OFFICER_EMAIL, SECOND_OFFICER_EMAIL);
    for (Mail mail : mails) {
      assertThat(mail.subject()).isEqualTo("[" + grant + "] Size the grant — due " + due);
      assertThat(mail.body())
          .contains("A new task for Programme officers is waiting in Tasklist")
          .contains("Task:  Size the grant")
          .contains("Grant: " + grant + " (Lyon)")
          .contains("Due:   " + due)
          .contains(LINK_PREFIX + sizing.getId())
          .contains("The grant's terms, next steps and payments:")
          .contains(LINK_PREFIX.substring(0, LINK_PREFIX.indexOf("/camunda/")) + "/grants/" + grant);
      assertThat(mail.from()).isEqualTo("programme@grants.example.org");
    }
    assertThat(mails.get(0).body()).startsWith(mails.get(0).to().equals(OFFICER_EMAIL) ? "Hello Sofia," : "Hello Rosa,");
    assertThat(jdbc.sql("SELECT COUNT(*) FROM notification WHERE recipient = ?").param(OFFICER_WITHOUT_EMAIL)
        .query(Integer.class).single()).as("an officer without an address is skipped").isZero();
    assertThat(jdbc.sql("SELECT COUNT(*) FROM notification WHERE notification_key LIKE ? AND sent_at IS NOT NULL")
        .param("task:" + sizing.getId() + ":%").query(Integer.class).single()).isEqualTo(2);
  }

  @Test
  void anAssignmentMailsTheAssigneeAndAClaimMailsNobody() {
    String grant = journey.apply(CITY, application("learning"));
    Task sizing = journey.task(grant, SIZE_GRANT);
    awaitMailQueueEmpty();
    clearMailboxes();

    identityService.setAuthentication("admin", List.of("camunda-admin"));
    try {
      taskService.setAssignee(sizing.getId(), SECOND_OFFICER);
    } finally {
      identityService.clearAuthentication();
    }

    List<Mail> assigned = mailsAbout(grant);
    assertThat(assigned).extracting(Mail::to).containsExactly(SECOND_OFFICER_EMAIL);
    assertThat(assigned.get(0).body()).startsWith("Hello Rosa,")
        .contains("Ruth Adler assigned a task to you in Tasklist.")
        .contains("Task:  Size the grant")
        .contains(LINK_PREFIX + sizing.getId());

    // Rosa takes the next grant's sizing herself: the claim is no news to her
    clearMailboxes();
    String second = journey.apply(CITY, application("learning"));
    awaitMailQueueEmpty();
    clearMailboxes();
    journey.complete(second, SIZE_GRANT, SECOND_OFFICER, award(40000));

    List<Mail> afterCompletion = mailsAbout(second);
    assertThat(afterCompletion).extracting(Mail::to).containsExactly(CITY_EMAIL);
    assertThat(afterCompletion.get(0).subject()).startsWith("[" + second + "] Accept the award — due ");
  }

  @Test
  void aTaskAssignedWhenCreatedMailsItsAssigneeOnce() {
    String grant = journey.apply(CITY, application("learning"));
    journey.complete(grant, SIZE_GRANT, OFFICER, award(40000));
    journey.acceptAward(grant, CITY);
    journey.complete(grant, ASSIGN_COACH, "manager", of("coach", "coach1"));
    journey.complete(grant, COMPLETE_METHOD_ONBOARDING, CITY, methodOnboarding());
    journey.complete(grant, PLAN_EXPERIMENTATION, CITY, planningCanvas());
    journey.complete(grant, OBTAIN_INTERNAL_AUTHORISATIONS, CITY, internalAuthorisations());
    journey.complete(grant, SUBMIT_PROCUREMENT_PLAN, CITY, procurementPlan());
    journey.complete(grant, REVIEW_PROCUREMENT_PLAN, OFFICER, procurementReview(true));

    Task request = journey.task(grant, PaymentProcess.Elements.REQUEST_PAYMENT);
    assertThat(mailsAbout(grant)).filteredOn(m -> m.subject().contains("Request payment"))
        .extracting(Mail::to).containsExactlyInAnyOrder("jonas.lindqvist@example.org", "amara.okafor@example.org")
        .hasSize(2);
    assertThat(mailsTo(CITY_EMAIL)).filteredOn(m -> m.subject().contains("Submit procurement plan")).hasSize(1);

    double proposed = ((Number) taskService.getVariable(request.getId(), "proposedPaymentAmount")).doubleValue();
    journey.complete(grant, PaymentProcess.Elements.REQUEST_PAYMENT, "finance1", requestPayment(proposed));
    journey.complete(grant, PaymentProcess.Elements.APPROVE_PAYMENT, "finance2", approvePayment(true));

    Task readiness = journey.task(grant, CONFIRM_READINESS);
    List<Mail> toCoach = mailsTo("paul.moreau@example.org").stream()
        .filter(m -> m.subject().contains("Confirm readiness")).toList();
    assertThat(toCoach).hasSize(1);
    assertThat(toCoach.get(0).subject())
        .isEqualTo("[" + grant + "] Confirm readiness to experiment — due " + Texts.format(readiness.getDueDate()));
    assertThat(toCoach.get(0).body()).startsWith("Hello Paul,")
        .contains("A new task in Tasklist is assigned to you.")
        .contains(LINK_PREFIX + readiness.getId());
  }

  @Test
  void theProcessNoticesAreMailedToo() {
    String grant = journey.apply(CITY, application("learning"));
    clearMailboxes();

    journey.complete(grant, SIZE_GRANT, OFFICER, decline());

    List<Mail> toCity = mailsTo(CITY_EMAIL);
    assertThat(toCity).extracting(Mail::subject).containsExactly("Your application " + grant + " was not funded");
    assertThat(toCity.get(0).body()).contains("The challenge is outside the programme's scope.");
    assertThat(jdbc.sql("SELECT email FROM notification WHERE notification_key = ?").param(grant + ":declined:" + CITY)
        .query(String.class).single()).isEqualTo(CITY_EMAIL);
  }

  @Test
  void aRolledBackCompletionSendsNothing() {
    String grant = journey.apply(CITY, application("learning"));
    awaitMailQueueEmpty();
    clearMailboxes();

    String acceptanceTask = new TransactionTemplate(transactionManager).execute(status -> {
      journey.complete(grant, SIZE_GRANT, OFFICER, award(40000));
      String taskId = journey.task(grant, ACCEPT_AWARD).getId();
      assertThat(countOfKeys("task:" + taskId + ":%")).as("the city's notice is recorded in the transaction")
          .isEqualTo(1);
      assertThat(countOfKeys(grant + ":awarded:%")).as("and the award's notice").isEqualTo(1);
      status.setRollbackOnly();
      return taskId;
    });

    assertThat(journey.openTaskKeys(grant)).containsExactly(SIZE_GRANT);
    assertThat(countOfKeys("task:" + acceptanceTask + ":%")).isZero();
    assertThat(countOfKeys(grant + ":awarded:%")).isZero();
    outbox.retryWaiting();
    sleep(300);
    assertThat(mails()).isEmpty();
  }

  @Test
  void aMailServerThatIsDownNeverBreaksTheWorkAndTheNoticeIsRetried() {
    String grant = journey.apply(CITY, application("learning"));
    awaitMailQueueEmpty();
    greenMail.stop();

    journey.complete(grant, SIZE_GRANT, OFFICER, award(40000));

    assertThat(journey.openTaskKeys(grant)).containsExactly(ACCEPT_AWARD);
    String key = "task:" + journey.task(grant, ACCEPT_AWARD).getId() + ":new:" + CITY;
    Map<String, Object> row = awaitFailedAttempt(key);
    assertThat(row.get("sent_at")).isNull();
    assertThat((String) row.get("last_error")).isNotBlank();

    greenMail.start();
    outbox.retryWaiting();
    assertThat(greenMail.getReceivedMessages()).as("not yet: the back-off runs").isEmpty();
    // the task's notice and the award's notice to the city were both refused: both go now
    jdbc.sql("UPDATE notification SET next_attempt_at = NULL WHERE notification_key = ? OR notification_key LIKE ?")
        .params(key, grant + ":awarded:%").update();
    outbox.retryWaiting();

    assertThat(mailsAbout(grant)).extracting(Mail::to).containsExactly(CITY_EMAIL);
    assertThat(jdbc.sql("SELECT attempts FROM notification WHERE notification_key = ?").param(key)
        .query(Integer.class).single()).isEqualTo(2);
  }

  private Map<String, Object> awaitFailedAttempt(String key) {
    for (int i = 0; i < 400; i++) {
      Map<String, Object> row = jdbc.sql("SELECT sent_at, last_error, attempts FROM notification WHERE notification_key = ?")
          .param(key).query().singleRow();
      if (row.get("last_error") != null) {
        return row;
      }
      sleep(50);
    }
    throw new AssertionError("no failed attempt recorded for " + key);
  }

  private int countOfKeys(String pattern) {
    return jdbc.sql("SELECT COUNT(*) FROM notification WHERE notification_key LIKE ?").param(pattern)
        .query(Integer.class).single();
  }
}

package org.citygrants.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.citygrants.process.CityGrantProcess.Elements.*;
import static org.citygrants.support.FormData.*;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import org.camunda.bpm.engine.TaskService;
import org.citygrants.support.GrantJourney;
import org.citygrants.support.OwnApplication;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Without {@code spring.mail.host} nothing is mailed and nothing fails: tasks, declines and the
 * digest work as before, notices are only recorded. An SMTP server is listening on the port
 * that would be used, to show that nothing reaches it.
 */
@Tag(OwnApplication.TAG)
@Tag("application")
@SpringBootTest(properties = {
    "spring.datasource.url=jdbc:h2:mem:notifications-off;DB_CLOSE_DELAY=-1;QUERY_CACHE_SIZE=512",
    "camunda.bpm.job-execution.enabled=false"})
@org.junit.jupiter.api.extension.ExtendWith(org.citygrants.support.ReadersOfEnglish.class)
class MailOffTest {

  static final int SMTP_PORT = freePort();

  @RegisterExtension
  static final GreenMailExtension greenMail = new GreenMailExtension(new ServerSetup(SMTP_PORT, "127.0.0.1", "smtp"));

  @DynamicPropertySource
  static void smtpPortButNoHost(DynamicPropertyRegistry registry) {
    registry.add("spring.mail.port", () -> SMTP_PORT);
  }

  @Autowired GrantJourney journey;
  @Autowired TaskService taskService;
  @Autowired NotificationMail mail;
  @Autowired NotificationOutbox outbox;
  @Autowired OverdueTaskDigest digest;
  @Autowired JdbcClient jdbc;
  @Autowired org.springframework.beans.factory.ObjectProvider<JavaMailSender> mailSender;

  @Test
  void withoutAnSmtpHostNothingIsSentAndNothingFails() throws InterruptedException {
    assertThat(mail.isEnabled()).isFalse();
    assertThat(mailSender.getIfAvailable()).isNull();

    String awarded = journey.apply("lyon", application("learning"));
    journey.complete(awarded, SIZE_GRANT, "officer", award(40000));
    journey.acceptAward(awarded, "lyon");
    String declined = journey.apply("lyon", application("learning"));
    journey.complete(declined, SIZE_GRANT, "officer", decline());
    taskService.setDueDate(journey.task(awarded, ASSIGN_COACH).getId(),
        Date.from(Instant.now().minus(Duration.ofDays(2))));

    assertThat(digest.send(Instant.now())).isZero();
    digest.sendScheduled();
    outbox.retryWaiting();
    assertThat(outbox.deliver(declined + ":declined:lyon")).isFalse();

    Thread.sleep(300);
    assertThat(greenMail.getReceivedMessages()).isEmpty();
    assertThat(jdbc.sql("SELECT subject FROM notification WHERE grant_reference = ?").param(declined)
        .query(String.class).list()).as("the decline is recorded as before")
        .containsExactly("Your application " + declined + " was not funded");
    assertThat(jdbc.sql("SELECT COUNT(*) FROM notification WHERE email IS NOT NULL OR sent_at IS NOT NULL")
        .query(Integer.class).single()).isZero();
    assertThat(jdbc.sql("SELECT COUNT(*) FROM notification WHERE notification_key LIKE 'task:%' OR notification_key LIKE 'digest:%'")
        .query(Integer.class).single()).as("task notices and digests exist only with mail").isZero();
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

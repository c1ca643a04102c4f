package org.citygrants.notification;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.citygrants.support.GrantJourney;
import org.citygrants.support.OwnApplication;
import org.citygrants.support.TestPeople;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The whole application with e-mail on, sending to a real in-process SMTP server (GreenMail,
 * restarted empty for every test) on a free port. The demo identities are seeded; two more
 * programme officers are added, one without an e-mail address.
 */
@Tag(OwnApplication.TAG)
@Tag("application")
@SpringBootTest(properties = {
    "spring.datasource.url=jdbc:h2:mem:notifications;DB_CLOSE_DELAY=-1;QUERY_CACHE_SIZE=512",
    "camunda.bpm.job-execution.enabled=false",
    "spring.mail.host=127.0.0.1",
    "grant.notifications.base-url=https://grants.example.org",
    "grant.notifications.from=programme@grants.example.org",
    // the tests run the retry sweep and the digest themselves ("-" disables a cron)
    "grant.notifications.retry-every=PT1H",
    "grant.notifications.digest-cron=-"})
@org.junit.jupiter.api.extension.ExtendWith(org.citygrants.support.ReadersOfEnglish.class)
abstract class MailTest {

  static final String CITY = "lyon";
  static final String CITY_EMAIL = "claire.dubois@example.org";
  static final String OFFICER = "officer";
  static final String OFFICER_EMAIL = "sofia.marques@example.org";
  static final String SECOND_OFFICER = "officer2";
  static final String SECOND_OFFICER_EMAIL = "rosa.lind@example.org";
  static final String OFFICER_WITHOUT_EMAIL = "officer3";
  static final String MANAGER_EMAIL = "ingrid.bakker@example.org";
  static final String LINK_PREFIX = "https://grants.example.org/camunda/app/tasklist/default/#/?task=";

  static final int SMTP_PORT = freePort();

  @RegisterExtension
  static final GreenMailExtension greenMail = new GreenMailExtension(new ServerSetup(SMTP_PORT, "127.0.0.1", "smtp"));

  @DynamicPropertySource
  static void smtpServer(DynamicPropertyRegistry registry) {
    registry.add("spring.mail.port", () -> SMTP_PORT);
  }

  @Autowired GrantJourney journey;
  @Autowired IdentityService identityService;
  @Autowired NotificationOutbox outbox;
  @Autowired JdbcClient jdbc;

  @BeforeEach
  void twoMoreOfficers() {
    officer(SECOND_OFFICER, "Rosa", "Lind", SECOND_OFFICER_EMAIL);
    officer(OFFICER_WITHOUT_EMAIL, "Tom", "Berg", null);
    awaitMailQueueEmpty();
  }

  /** Nothing of one test is still on its way when GreenMail stops. */
  @AfterEach
  void mailQueueIsEmpty() {
    awaitMailQueueEmpty();
  }

  private void officer(String id, String firstName, String lastName, String email) {
    TestPeople.member(identityService, id, firstName, lastName, email, "programme-officers");
  }

  /** Waits until every recorded notice to be mailed is sent (delivery runs after commit, in the background). */
  void awaitMailQueueEmpty() {
    Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
    while (outbox.waitingCount() > 0) {
      assertThat(Instant.now()).as("notices still waiting to be mailed").isBefore(deadline);
      sleep(50);
    }
  }

  /** Forgets what was received so far (after waiting for what is on its way). */
  void clearMailboxes() {
    awaitMailQueueEmpty();
    try {
      greenMail.purgeEmailFromAllMailboxes();
    } catch (com.icegreen.greenmail.store.FolderException e) {
      throw new IllegalStateException(e);
    }
  }

  record Mail(String from, String to, String subject, String body) {}

  List<Mail> mails() {
    awaitMailQueueEmpty();
    return Arrays.stream(greenMail.getReceivedMessages()).map(MailTest::mail).toList();
  }

  List<Mail> mailsTo(String email) {
    return mails().stream().filter(m -> m.to().equals(email)).toList();
  }

  List<Mail> mailsAbout(String grant) {
    return mails().stream().filter(m -> m.subject().contains("[" + grant + "]")).toList();
  }

  private static Mail mail(MimeMessage message) {
    try {
      String to = message.getRecipients(Message.RecipientType.TO)[0].toString();
      return new Mail(message.getFrom()[0].toString(), to, message.getSubject(), (String) message.getContent());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (jakarta.mail.MessagingException e) {
      throw new IllegalStateException(e);
    }
  }

  static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      socket.setReuseAddress(true);
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

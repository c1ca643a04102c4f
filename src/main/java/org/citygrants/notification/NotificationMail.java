package org.citygrants.notification;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.util.Properties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.env.Environment;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;

/**
 * The SMTP side of notifications. Mail is on when {@code spring.mail.host} is set (Spring Boot
 * then configures a {@link JavaMailSender} from {@code spring.mail.*}) and
 * {@code grant.notifications.enabled} is not false; otherwise nothing is ever sent.
 */
@Component
public class NotificationMail {

  private static final Logger LOG = LoggerFactory.getLogger(NotificationMail.class);

  private final JavaMailSender sender;
  private final NotificationProperties properties;

  public NotificationMail(ObjectProvider<JavaMailSender> sender, Environment environment,
      NotificationProperties properties) {
    this.properties = properties;
    String host = environment.getProperty("spring.mail.host");
    JavaMailSender available = sender.getIfAvailable();
    this.sender = properties.enabled() && StringUtils.hasText(host) ? available : null;
    if (this.sender == null) {
      LOG.info("E-mail notifications are off ({}).", properties.enabled()
          ? "spring.mail.host / SPRING_MAIL_HOST is not set" : "grant.notifications.enabled is false");
      return;
    }
    if (this.sender instanceof JavaMailSenderImpl impl) {
      // JavaMail waits forever by default; a hanging SMTP server must not pile up deliveries
      Properties mailProperties = impl.getJavaMailProperties();
      mailProperties.putIfAbsent("mail.smtp.connectiontimeout", "10000");
      mailProperties.putIfAbsent("mail.smtp.timeout", "30000");
      mailProperties.putIfAbsent("mail.smtp.writetimeout", "30000");
    }
    LOG.info("E-mail notifications are on: SMTP {}:{}, from {}, Tasklist links to {}", host,
        environment.getProperty("spring.mail.port", "25"), properties.from(), properties.tasklistUrl());
  }

  public boolean isEnabled() {
    return sender != null;
  }

  /** Sends one plain-text mail; throws when the SMTP server refuses or cannot be reached. */
  public void send(String to, String subject, String text) throws MessagingException {
    if (sender == null) {
      throw new IllegalStateException("E-mail notifications are off");
    }
    MimeMessage message = sender.createMimeMessage();
    MimeMessageHelper helper = new MimeMessageHelper(message, false, "UTF-8");
    helper.setFrom(properties.from());
    helper.setTo(to);
    helper.setSubject(subject);
    helper.setText(text, false);
    // an automatic notice: out-of-office replies should not answer it (RFC 3834)
    message.setHeader("Auto-Submitted", "auto-generated");
    sender.send(message);
  }
}

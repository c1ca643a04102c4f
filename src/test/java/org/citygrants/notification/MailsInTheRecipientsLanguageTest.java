package org.citygrants.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.citygrants.process.CityGrantProcess.Elements.*;
import static org.citygrants.support.FormData.*;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.citygrants.language.LanguagePreferences;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Each person reads their mails in the language they chose: of two programme officers told of the
 * same new task, the one who chose French reads French and the other English, the overdue digest
 * too; the city team that chose French reads the refusal of its application in French.
 */
class MailsInTheRecipientsLanguageTest extends MailTest {

  @Autowired LanguagePreferences languages;
  @Autowired OverdueTaskDigest digest;
  @Autowired TaskService taskService;

  @Test
  void aFrenchReaderGetsAFrenchMailAndAnEnglishReaderAnEnglishOne() {
    languages.choose(SECOND_OFFICER, "fr"); // Rosa; Sofia (officer) chose English
    try {
      String grant = journey.apply(CITY, application("learning"));
      Task sizing = journey.task(grant, SIZE_GRANT);

      Mail rosas = only(mailsTo(SECOND_OFFICER_EMAIL), grant);
      assertThat(rosas.body()).startsWith("Bonjour Rosa,")
          .contains("Une nouvelle tâche pour Chargé·es de programme attend dans Tasklist")
          .contains("Subvention : " + grant + " (Lyon)")
          .contains("Ouvrez-la dans Tasklist :")
          .contains(LINK_PREFIX + sizing.getId())
          .doesNotContain("Hello", "Open it in Tasklist", "The grant's");
      Mail sofias = only(mailsTo(OFFICER_EMAIL), grant);
      assertThat(sofias.body()).startsWith("Hello Sofia,").contains("Open it in Tasklist:").doesNotContain("Bonjour");

      // the overdue digest, in each one's language, the day in words for the French reader
      Instant due = sizing.getCreateTime().toInstant().plus(Duration.ofDays(1));
      taskService.setDueDate(sizing.getId(), Date.from(due));
      clearMailboxes();
      digest.send(due.plus(Duration.ofDays(3)));
      Mail frenchDigest = mailsTo(SECOND_OFFICER_EMAIL).get(0);
      assertThat(frenchDigest.subject()).matches("\\d+ tâches? en retard dans Tasklist — \\w+ \\d+ \\p{L}+ \\d{4}");
      assertThat(frenchDigest.body()).startsWith("Bonjour Rosa,").contains("jours de retard")
          .contains("que personne n’a encore prise en charge");
      assertThat(mailsTo(OFFICER_EMAIL).get(0).subject()).contains("overdue task");

      // the city team chose French (lyon, as the demo has her): the refusal of its application is French
      languages.choose(CITY, "fr");
      clearMailboxes();
      journey.complete(grant, SIZE_GRANT, OFFICER, decline());
      Mail declined = only(mailsTo(CITY_EMAIL), grant);
      assertThat(declined.subject()).isEqualTo("Votre candidature " + grant + " n’a pas été retenue");
      assertThat(declined.body()).contains("a décidé de ne pas financer la candidature " + grant + " de Lyon")
          .contains("La raison :").contains("The challenge is outside the programme's scope.");
    } finally {
      languages.choose(SECOND_OFFICER, null);
    }
  }

  private Mail only(List<Mail> mails, String grant) {
    List<Mail> about = mails.stream().filter(m -> m.subject().contains(grant)).toList();
    assertThat(about).as("mails about %s", grant).hasSize(1);
    return about.get(0);
  }
}

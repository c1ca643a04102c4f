package org.citygrants.grant;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.citygrants.language.LanguagePreferences;
import org.citygrants.language.ReaderLanguage;
import org.citygrants.grant.AwardTerms.Terms;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * A city's acceptance of its award (table award_acceptance): who accepted, when, and the grant
 * agreement made from the accepted terms at that moment. The grant page and the agreement's
 * download read it here.
 */
@Service
public class AwardAcceptance {

  /**
   * @param acceptedBy the user id of the city team member who accepted (the signed-in user)
   * @param acceptedByName their first and last name
   * @param agreementAvailable whether the agreement document is stored
   */
  public record Acceptance(String grantReference, String acceptedBy, String acceptedByName, Instant acceptedAt,
      boolean agreementAvailable) {}

  /** The stored agreement: its file name and the PDF. */
  public record Agreement(String fileName, byte[] pdf) {}

  private final JdbcClient jdbc;
  private final AgreementDocument documents;
  private final LanguagePreferences languages;

  public AwardAcceptance(JdbcClient jdbc, AgreementDocument documents, LanguagePreferences languages) {
    this.jdbc = jdbc;
    this.documents = documents;
    this.languages = languages;
  }

  /** The language of the one who accepts: their choice, else the page they accept on, else English. */
  private Locale languageOf(String acceptedBy) {
    CommandContext command = Context.getCommandContext();
    Optional<Locale> chosen = command == null ? languages.chosenBy(acceptedBy)
        : command.runWithoutAuthorization(() -> languages.chosenBy(acceptedBy));
    return chosen.orElseGet(ReaderLanguage::current);
  }

  /** The grant's acceptance, empty while the city has not accepted (or for an unknown grant). */
  public Optional<Acceptance> acceptanceOf(String grantReference) {
    return jdbc.sql("""
        SELECT grant_reference, accepted_by, accepted_by_name, accepted_at, agreement_pdf IS NOT NULL AS has_pdf
        FROM award_acceptance WHERE grant_reference = ?""")
        .param(grantReference)
        .query((rs, i) -> new Acceptance(rs.getString(1), rs.getString(2), rs.getString(3),
            rs.getTimestamp(4).toInstant(), rs.getBoolean(5)))
        .optional();
  }

  /** The agreement as accepted, empty before the acceptance. */
  public Optional<Agreement> agreementOf(String grantReference) {
    return jdbc.sql("SELECT agreement_file_name, agreement_pdf FROM award_acceptance WHERE grant_reference = ? "
            + "AND agreement_pdf IS NOT NULL")
        .param(grantReference)
        .query((rs, i) -> new Agreement(rs.getString(1), rs.getBytes(2)))
        .optional();
  }

  /**
   * Records the acceptance with the agreement made from these terms, once: a second call (a
   * retried step) returns the acceptance already recorded and changes nothing.
   */
  public Acceptance record(Terms terms, String acceptedBy, String acceptedByName, Instant acceptedAt) {
    Optional<Acceptance> existing = acceptanceOf(terms.grantReference());
    if (existing.isPresent()) {
      return existing.get();
    }
    Locale language = languageOf(acceptedBy);
    byte[] pdf = documents.render(terms, acceptedBy, acceptedByName, acceptedAt, language);
    jdbc.sql("""
        INSERT INTO award_acceptance (grant_reference, accepted_by, accepted_by_name, accepted_at, awarded_amount,
          currency, preparation_time, programme_duration, advance_rate_percent, terms, agreement_file_name,
          agreement_pdf)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
        .params(terms.grantReference(), acceptedBy, acceptedByName, Timestamp.from(acceptedAt), terms.amount(),
            terms.currency(), terms.preparationTime(), terms.programmeDuration(),
            terms.advanceRatePercent() == null ? null : terms.advanceRatePercent().intValue(),
            fit(AwardTexts.termsText(terms, language), 4000), AwardTexts.agreementFileName(terms.grantReference()), pdf)
        .update();
    return new Acceptance(terms.grantReference(), acceptedBy, acceptedByName, acceptedAt, true);
  }

  private static String fit(String text, int max) {
    return text.length() <= max ? text : text.substring(0, max - 1) + "…";
  }
}

package org.citygrants.grant;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.IntStream;
import org.citygrants.grant.AwardTerms.Line;
import org.citygrants.grant.AwardTerms.Terms;
import org.citygrants.language.Languages;
import org.citygrants.language.Words;
import org.citygrants.ledger.BudgetLine;
import org.citygrants.ledger.GrantStatement;

/**
 * Every word of the award's terms, its notices and its agreement, in one place: the texts are in
 * the bundle {@code i18n/award} (English, French), each method takes the reader's language; the
 * methods without one write English.
 */
public final class AwardTexts {

  private static final int COMMITMENTS = 4;

  private AwardTexts() {}

  /** A term as a label and its value in words. */
  public record Term(String label, String value) {}

  // --- budget lines ----------------------------------------------------------------------

  public static String lineName(BudgetLine line) {
    return lineName(line, Languages.FALLBACK);
  }

  public static String lineName(BudgetLine line, Locale language) {
    return Words.say(language, "award.line." + line.name());
  }

  public static String linePurpose(BudgetLine line) {
    return linePurpose(line, Languages.FALLBACK);
  }

  public static String linePurpose(BudgetLine line, Locale language) {
    return Words.say(language, "award.purpose." + line.name());
  }

  // --- the terms -------------------------------------------------------------------------

  public static List<Term> terms(Terms t) {
    return terms(t, Languages.FALLBACK);
  }

  /** The terms, label by label, as the form, the mail and the agreement show them. */
  public static List<Term> terms(Terms t, Locale language) {
    List<Term> terms = new ArrayList<>();
    terms.add(new Term(say(language, "award.term.amount"), Words.amount(t.amount(), t.currency(), language)));
    if (t.objective(language) != null) {
      terms.add(new Term(say(language, "award.term.objective"), t.objective(language)
          + (t.experimentArea() == null || t.experimentArea().isBlank() ? "" : " (" + t.experimentArea().trim() + ")")));
    }
    terms.add(new Term(say(language, "award.term.preparationTime"),
        say(language, "award.term.fromAcceptance", duration(t.preparationTime(), language))));
    terms.add(new Term(say(language, "award.term.programmeDuration"),
        say(language, "award.term.fromAcceptance", duration(t.programmeDuration(), language))));
    if (t.advanceRatePercent() != null) {
      terms.add(new Term(say(language, "award.term.advance"), say(language, "award.term.advanceValue",
          String.valueOf(t.advanceRatePercent()), Words.amount(t.advanceAmount(), t.currency(), language))));
    }
    terms.add(new Term(say(language, "award.term.laterPayments"), say(language, "award.term.laterPaymentsValue")));
    return terms;
  }

  /** "P3M" as "3 months" / "3 mois"; other durations as they are. */
  public static String duration(String iso, Locale language) {
    if (iso != null && iso.matches("P\\d+M")) {
      int months = Integer.parseInt(iso.substring(1, iso.length() - 1));
      return say(language, months == 1 ? "award.months.one" : "award.months.many", months);
    }
    return iso;
  }

  public static String line(Line line, String currency) {
    return line(line, currency, Languages.FALLBACK);
  }

  /** One budget line in words: "Experiments: 28,000.00 EUR, for what your experiments cost ...". */
  public static String line(Line line, String currency, Locale language) {
    return say(language, "award.line.inWords", lineName(line.line(), language),
        Words.amount(line.amount(), currency, language), linePurpose(line.line(), language));
  }

  public static String termsMarkdown(Terms t) {
    return termsMarkdown(t, Languages.FALLBACK);
  }

  /** The terms in Markdown for the city's acceptance form and the officer's answer form. */
  public static String termsMarkdown(Terms t, Locale language) {
    StringBuilder md = new StringBuilder(say(language, "award.markdown.heading", t.grantReference(), t.cityName()))
        .append("\n\n");
    for (Term term : terms(t, language)) {
      md.append(say(language, "award.markdown.term", term.label(), term.value())).append('\n');
    }
    md.append('\n').append(say(language, "award.markdown.split")).append("\n\n");
    for (Line line : t.budgetLines()) {
      md.append(say(language, "award.markdown.line", lineName(line.line(), language),
          Words.amount(line.amount(), t.currency(), language), linePurpose(line.line(), language))).append('\n');
    }
    return md.toString();
  }

  /**
   * The grant's budget lines as the city plans an experiment: what each is for, what it was given
   * and what is left on it (Markdown, for the plan's form), so that nobody plans more than a line
   * holds or wonders why only part of the award goes to experiments.
   */
  public static String budgetLinesMarkdown(List<GrantStatement.BudgetLineStatement> lines, String currency,
      Locale language) {
    StringBuilder md = new StringBuilder(say(language, "award.markdown.linesLeft")).append("\n\n");
    for (GrantStatement.BudgetLineStatement line : lines) {
      if (line.allocated().signum() > 0) {
        md.append(say(language, "award.markdown.lineLeft", lineName(line.line(), language),
            Words.amount(line.allocated(), currency, language), Words.amount(line.remaining(), currency, language),
            linePurpose(line.line(), language))).append('\n');
      }
    }
    return md.toString();
  }

  public static String termsText(Terms t) {
    return termsText(t, Languages.FALLBACK);
  }

  /** The terms as plain text lines (mail, stored with the acceptance). */
  public static String termsText(Terms t, Locale language) {
    StringBuilder text = new StringBuilder();
    for (Term term : terms(t, language)) {
      text.append(say(language, "award.text.term", term.label(), term.value())).append('\n');
    }
    text.append('\n').append(say(language, "award.text.split")).append('\n');
    for (Line line : t.budgetLines()) {
      text.append("- ").append(line(line, t.currency(), language)).append('\n');
    }
    return text.toString();
  }

  // --- notices ---------------------------------------------------------------------------

  public static String awardedSubject(String grantReference) {
    return awardedSubject(grantReference, Languages.FALLBACK);
  }

  public static String awardedSubject(String grantReference, Locale language) {
    return say(language, "award.awarded.subject", grantReference);
  }

  public static String awardedBody(Terms t, String tasklistUrl, String grantPageUrl) {
    return awardedBody(t, tasklistUrl, grantPageUrl, Languages.FALLBACK);
  }

  public static String awardedBody(Terms t, String tasklistUrl, String grantPageUrl, Locale language) {
    return say(language, "award.awarded.body", t.cityName(), t.grantReference(), termsText(t, language), tasklistUrl,
        grantPageUrl);
  }

  public static String declinedSubject(String grantReference) {
    return declinedSubject(grantReference, Languages.FALLBACK);
  }

  public static String declinedSubject(String grantReference, Locale language) {
    return say(language, "award.declined.subject", grantReference);
  }

  public static String declinedBody(String grantReference, String cityName, String reason, String grantPageUrl) {
    return declinedBody(grantReference, cityName, reason, grantPageUrl, Languages.FALLBACK);
  }

  public static String declinedBody(String grantReference, String cityName, String reason, String grantPageUrl,
      Locale language) {
    return say(language, "award.declined.body", grantReference,
        cityName == null ? "" : say(language, "award.declined.ofCity", cityName),
        reason == null || reason.isBlank() ? say(language, "award.declined.noReason") : reason.trim(), grantPageUrl);
  }

  // --- the agreement ---------------------------------------------------------------------

  public static String agreementTitle(Locale language) {
    return say(language, "award.agreement.title");
  }

  public static String agreementHeading(Terms t, Locale language) {
    return say(language, "award.agreement.heading", t.grantReference(), t.cityName());
  }

  public static String agreementIntro(Terms t, String acceptedByName, String acceptedBy, Instant acceptedAt,
      Locale language) {
    return say(language, "award.agreement.intro", t.cityName(), acceptedByName, acceptedBy, when(acceptedAt, language));
  }

  public static String agreementTermsHeading(Locale language) {
    return say(language, "award.agreement.termsHeading");
  }

  public static String agreementBudgetHeading(Locale language) {
    return say(language, "award.agreement.budgetHeading");
  }

  public static List<String> agreementBudgetColumns(Locale language) {
    return List.of(say(language, "award.agreement.column.line"), say(language, "award.agreement.column.amount"),
        say(language, "award.agreement.column.purpose"));
  }

  public static String agreementCommitmentsHeading(Locale language) {
    return say(language, "award.agreement.commitmentsHeading");
  }

  public static List<String> agreementCommitments(Locale language) {
    return IntStream.rangeClosed(1, COMMITMENTS).mapToObj(n -> say(language, "award.agreement.commitment." + n)).toList();
  }

  /** The agreement's file name, the same in every language (links and scripts keep working). */
  public static String agreementFileName(String grantReference) {
    return "grant-agreement-" + grantReference + ".pdf";
  }

  public static String when(Instant instant) {
    return when(instant, Languages.FALLBACK);
  }

  /** "3 December 2026, 10:15 (CET)", "3 décembre 2026 à 10:15 (CET)". */
  public static String when(Instant instant, Locale language) {
    return Words.moment(instant, language);
  }

  // --- the API -----------------------------------------------------------------------------

  public static String noAgreementYet(String grantReference, Locale language) {
    return say(language, "award.agreement.none", grantReference);
  }

  private static String say(Locale language, String key, Object... args) {
    return Words.say(language, key, args);
  }
}

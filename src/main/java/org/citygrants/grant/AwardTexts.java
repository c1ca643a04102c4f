package org.citygrants.grant;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.citygrants.grant.AwardTerms.Line;
import org.citygrants.grant.AwardTerms.Terms;
import org.citygrants.ledger.BudgetLine;
import org.citygrants.ledger.Money;

/**
 * Every word of the award's terms, its notices and its agreement, in one place (English for now;
 * the language work will translate this class, nothing else).
 */
public final class AwardTexts {

  private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMMM yyyy, HH:mm (z)", Locale.ENGLISH);

  private AwardTexts() {}

  /** A term as a label and its value in words. */
  public record Term(String label, String value) {}

  // --- budget lines ----------------------------------------------------------------------

  public static String lineName(BudgetLine line) {
    return switch (line) {
      case EXPERIMENTS -> "Experiments";
      case LEARNING_ACTIVITIES -> "Learning activities";
      case COMMITTEE -> "Investment committee";
      case COACHING -> "Coaching";
    };
  }

  public static String linePurpose(BudgetLine line) {
    return switch (line) {
      case EXPERIMENTS -> "what your experiments cost (services, equipment, materials); each experiment's budget is set "
          + "aside when its plan is approved";
      case LEARNING_ACTIVITIES -> "the team learning the method: training, study visits, peer exchanges";
      case COMMITTEE -> "running your investment committee: meetings and the members' costs";
      case COACHING -> "the work with your experimentation coach";
    };
  }

  // --- the terms -------------------------------------------------------------------------

  /** The terms, label by label, as the form, the mail and the agreement show them. */
  public static List<Term> terms(Terms t) {
    List<Term> terms = new ArrayList<>();
    terms.add(new Term("Amount awarded", Money.readable(t.amount(), t.currency())));
    if (t.objective() != null) {
      terms.add(new Term("Objective", t.objective()
          + (t.experimentArea() == null || t.experimentArea().isBlank() ? "" : " (" + t.experimentArea().trim() + ")")));
    }
    terms.add(new Term("Preparation time", SizingRules.inWords(t.preparationTime())
        + ", counted from the day you accept"));
    terms.add(new Term("Programme duration", SizingRules.inWords(t.programmeDuration())
        + ", counted from the day you accept"));
    if (t.advanceRatePercent() != null) {
      terms.add(new Term("Advance", t.advanceRatePercent() + " % of the award, about "
          + Money.readable(t.advanceAmount(), t.currency()) + ", paid once your procurement plan is approved"));
    }
    terms.add(new Term("Later payments", "a tranche for each accepted experiment report, then the balance after "
        + "your final report; money not spent on the grant's purpose is paid back"));
    return terms;
  }

  /** One budget line in words: "Experiments: 28,000.00 EUR, for what your experiments cost ...". */
  public static String line(Line line, String currency) {
    return line.name() + ": " + Money.readable(line.amount(), currency) + ", for " + line.purpose();
  }

  /** The terms in Markdown for the city's acceptance form and the officer's answer form. */
  public static String termsMarkdown(Terms t) {
    StringBuilder md = new StringBuilder("#### The terms of grant ").append(t.grantReference()).append(" for ")
        .append(t.cityName()).append("\n\n");
    for (Term term : terms(t)) {
      md.append("- **").append(term.label()).append(":** ").append(term.value()).append('\n');
    }
    md.append("\n**How the money is split** (the lines of your grant's budget):\n\n");
    for (Line line : t.budgetLines()) {
      md.append("- **").append(line.name()).append(":** ").append(Money.readable(line.amount(), t.currency()))
          .append(", for ").append(line.purpose()).append('\n');
    }
    return md.toString();
  }

  /** The terms as plain text lines (mail, stored with the acceptance). */
  public static String termsText(Terms t) {
    StringBuilder text = new StringBuilder();
    for (Term term : terms(t)) {
      text.append("- ").append(term.label()).append(": ").append(term.value()).append('\n');
    }
    text.append("\nHow the money is split:\n");
    for (Line line : t.budgetLines()) {
      text.append("- ").append(line(line, t.currency())).append('\n');
    }
    return text.toString();
  }

  // --- notices ---------------------------------------------------------------------------

  public static String awardedSubject(String grantReference) {
    return "Your grant " + grantReference + " is awarded: please read and accept the terms";
  }

  public static String awardedBody(Terms t, String tasklistUrl, String grantPageUrl) {
    return "Good news: the programme awards " + t.cityName() + " an experimentation grant (" + t.grantReference()
        + ").\n\nThe terms:\n" + termsText(t)
        + "\nWhat to do next: open the task \"Accept the award\" in Tasklist and accept the terms, or ask the "
        + "programme officer a question first. Your preparation time starts when you accept.\n"
        + "Tasklist: " + tasklistUrl + "\n"
        + "Your grant's page: " + grantPageUrl + "\n";
  }

  public static String declinedSubject(String grantReference) {
    return "Your application " + grantReference + " was not funded";
  }

  public static String declinedBody(String grantReference, String cityName, String reason, String grantPageUrl) {
    return "The programme officer has decided not to fund the application " + grantReference
        + (cityName == null ? "" : " of " + cityName) + ".\n\n"
        + "The reason:\n" + (reason == null || reason.isBlank() ? "(none given)" : reason.trim()) + "\n\n"
        + "Nothing more is asked of you for this application. Your grant's page keeps its history: " + grantPageUrl + "\n";
  }

  // --- the agreement ---------------------------------------------------------------------

  public static String agreementTitle() {
    return "Grant agreement";
  }

  public static String agreementHeading(Terms t) {
    return "Experimentation grant " + t.grantReference() + " for " + t.cityName();
  }

  public static String agreementIntro(Terms t, String acceptedByName, String acceptedBy, Instant acceptedAt) {
    return "The programme awards " + t.cityName() + " an experimentation grant on the terms below. For the city, "
        + acceptedByName + " (user " + acceptedBy + ") accepted these terms on " + when(acceptedAt)
        + ". This document was made at that moment from the accepted terms and is kept as it is.";
  }

  public static String agreementTermsHeading() {
    return "The terms";
  }

  public static String agreementBudgetHeading() {
    return "How the money is split";
  }

  public static List<String> agreementBudgetColumns() {
    return List.of("Budget line", "Amount", "What it is for");
  }

  public static String agreementCommitmentsHeading() {
    return "What the city agrees to";
  }

  public static List<String> agreementCommitments() {
    return List.of(
        "to use the grant for the experiments and activities above, within the budget lines;",
        "to prepare within the preparation time (the programme officer can extend it), with the help of its coach;",
        "to report on its experiments and progress as the programme asks, based on the grant's objective;",
        "to pay back what is not spent on the grant's purpose when the grant is settled.");
  }

  public static String agreementFileName(String grantReference) {
    return "grant-agreement-" + grantReference + ".pdf";
  }

  /** "3 December 2026, 10:15 (CET)". */
  public static String when(Instant instant) {
    return WHEN.format(instant.atZone(ZoneId.systemDefault()));
  }

  // --- the API -----------------------------------------------------------------------------

  public static String noAgreementYet(String grantReference) {
    return "Grant " + grantReference + " has no agreement yet: the city has not accepted the award.";
  }
}

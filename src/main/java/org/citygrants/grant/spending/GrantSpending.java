package org.citygrants.grant.spending;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.List;
import java.util.Locale;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.citygrants.access.GrantPolicy;
import org.citygrants.evidence.EvidenceFile;
import org.citygrants.evidence.EvidenceFiles;
import org.citygrants.grant.BudgetLineInput;
import org.citygrants.grant.GrantRegister;
import org.citygrants.grant.GrantRegister.GrantRecord;
import org.citygrants.grant.pause.GrantPauses.UnknownGrantException;
import org.citygrants.identity.CityDirectory;
import org.citygrants.language.ReaderLanguage;
import org.citygrants.language.Words;
import org.citygrants.ledger.BudgetLine;
import org.citygrants.ledger.ExchangeRates;
import org.citygrants.ledger.GrantClosedException;
import org.citygrants.ledger.LedgerException;
import org.citygrants.ledger.LocalSpending;
import org.citygrants.ledger.MovementContext;
import org.citygrants.ledger.SpendingItem;
import org.citygrants.ledger.UnknownLedgerKeyException;
import org.citygrants.process.InputRejectedException;
import org.citygrants.process.LedgerRefusals;
import org.citygrants.process.ProcessGateway.TaskNotAvailableException;
import org.springframework.stereotype.Service;

/**
 * A city reports what it spent in the currency it paid, with the day and its invoice; finance keeps
 * the rate table. Who reports is the signed-in member of the grant's city team (or a programme
 * officer for it); the ledger converts at the rate of the day and keeps both amounts
 * ({@link LocalSpending}). Bad input is refused naming the field, in the reader's language.
 */
@Service
public class GrantSpending {

  /** The header a client names its request with, to send it again safely. */
  public static final String REQUEST_KEY = "Idempotency-Key";

  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("uuuu-MM-dd").withResolverStyle(ResolverStyle.STRICT);

  /** What the city reports, as the client wrote it. */
  public record SpendingReport(String amount, String currency, String spentOn, String line, String description,
      String documentId) {}

  private final GrantRegister register;
  private final GrantPolicy policy;
  private final LocalSpending spending;
  private final ExchangeRates rates;
  private final EvidenceFiles evidence;

  public GrantSpending(GrantRegister register, GrantPolicy policy, LocalSpending spending, ExchangeRates rates,
      EvidenceFiles evidence) {
    this.register = register;
    this.policy = policy;
    this.spending = spending;
    this.rates = rates;
    this.evidence = evidence;
  }

  /**
   * @throws UnknownGrantException no such grant (404)
   * @throws TaskNotAvailableException not the grant's city team nor a programme officer (403)
   * @throws InputRejectedException refused input naming the field, nothing recorded (400)
   */
  public SpendingItem report(String userId, String grantReference, SpendingReport r) {
    return report(userId, grantReference, r, null);
  }

  /**
   * {@link #report(String, String, SpendingReport)} exactly once per request key (the client's
   * {@code Idempotency-Key}): the same key again answers the item recorded the first time.
   *
   * @param requestKey up to 100 visible characters, or null
   */
  public SpendingItem report(String userId, String grantReference, SpendingReport r, String requestKey) {
    Locale language = ReaderLanguage.current();
    if (requestKey != null && !requestKey.matches("[\\x21-\\x7E]{1,100}")) {
      throw new InputRejectedException(REQUEST_KEY, Words.say(language, "spending.requestKey"));
    }
    GrantRecord grant = grant(grantReference, language);
    GrantPolicy.Person person = policy.person(userId);
    if (!person.cityCodes().contains(grant.cityCode()) && !policy.stopsGrants(person)) {
      throw new TaskNotAvailableException(Words.say(language, "spending.notYours", grant.grantReference()));
    }
    SpendingReport report = r == null ? new SpendingReport(null, null, null, null, null, null) : r;
    BigDecimal amount = amount(report.amount(), language);
    String currency = report.currency() == null || report.currency().isBlank() ? rates.grantCurrency()
        : report.currency().strip().toUpperCase(Locale.ROOT);
    if (!currency.matches("[A-Z]{3}")) {
      throw new InputRejectedException("currency", Words.say(language, "spending.currency", report.currency()));
    }
    LocalDate day = day(report.spentOn(), language);
    BudgetLine line = line(report.line(), language);
    String description = report.description() == null ? "" : report.description().strip();
    if (description.isEmpty()) {
      throw new InputRejectedException("description", Words.say(language, "spending.description"));
    }
    if (description.length() > LocalSpending.DESCRIPTION_LENGTH) {
      throw new InputRejectedException("description", Words.say(language, "spending.descriptionTooLong",
          LocalSpending.DESCRIPTION_LENGTH, description.length()));
    }
    String documentId = document(userId, grant, report.documentId(), language);
    if (!currency.equals(rates.grantCurrency()) && rates.rateOn(currency, day).isEmpty()) {
      throw new InputRejectedException("currency", Words.say(language, "ledger.spending.noRate", currency, day.toString()));
    }
    try {
      return spending.report(grant.grantReference(), new LocalSpending.Report(line, day, description, amount, currency,
          documentId), requestKey, MovementContext.by(userId, description));
    } catch (GrantClosedException | UnknownLedgerKeyException state) {
      throw state; // the grant's state, not the input: 409, or 404 before its award
    } catch (LedgerException refused) {
      throw new InputRejectedException(fieldOf(refused), LedgerRefusals.inWords(refused));
    }
  }

  /** The grant's items, for those who read the grant in full. */
  public List<SpendingItem> items(String userId, String grantReference) {
    Locale language = ReaderLanguage.current();
    GrantRecord grant = grant(grantReference, language);
    if (!policy.readsInFull(policy.person(userId), grant.cityCode(), grant.coach())) {
      throw new TaskNotAvailableException(Words.say(language, "spending.notReader", grant.grantReference()));
    }
    return spending.items(grant.grantReference());
  }

  /** The field a refusal of the ledger is about: the day, the currency (no rate) or the amount. */
  private static String fieldOf(LedgerException refused) {
    String key = refused.key() == null ? "" : refused.key();
    return switch (key) {
      case "ledger.spending.future", "ledger.spending.beforeAward" -> "spentOn";
      case "ledger.spending.noRate" -> "currency";
      case "ledger.spending.keyReused" -> REQUEST_KEY;
      default -> "amount";
    };
  }

  private GrantRecord grant(String grantReference, Locale language) {
    return register.find(grantReference).orElseThrow(() -> new UnknownGrantException(
        Words.say(language, "api.unknownGrant", grantReference)));
  }

  private String document(String userId, GrantRecord grant, String documentId, Locale language) {
    if (documentId == null || documentId.isBlank()) {
      return null;
    }
    try {
      EvidenceFile file = evidence.describe(userId, documentId.strip());
      if (file.grantReference().equals(grant.grantReference()) && !file.deleted()) {
        return file.id();
      }
    } catch (RuntimeException notReadable) {
      // unknown, or of a grant the person does not read: the same answer, nothing told about it
    }
    throw new InputRejectedException("documentId", Words.say(language, "spending.document", documentId));
  }

  private static BigDecimal amount(String text, Locale language) {
    try {
      BigDecimal value = new BigDecimal(text == null ? "" : text.strip());
      if (value.signum() <= 0 || value.scale() > 2 || value.precision() - value.scale() > 15) {
        throw new NumberFormatException();
      }
      return value.setScale(2);
    } catch (NumberFormatException e) {
      throw new InputRejectedException("amount", Words.say(language, "spending.amount", text == null ? "" : text));
    }
  }

  private static LocalDate day(String text, Locale language) {
    try {
      LocalDate day = LocalDate.parse(text == null ? "" : text.strip(), DAY);
      if (day.isAfter(LocalDate.ofInstant(ClockUtil.getCurrentTime().toInstant(), ZoneOffset.UTC))) {
        throw new InputRejectedException("spentOn", Words.say(language, "ledger.spending.future", day.toString()));
      }
      return day;
    } catch (DateTimeParseException e) {
      throw new InputRejectedException("spentOn", Words.say(language, "spending.day", text == null ? "" : text));
    }
  }

  private static BudgetLine line(String code, Locale language) {
    return code == null || code.isBlank() ? BudgetLine.EXPERIMENTS : BudgetLineInput.parse(code, "line", language);
  }

  /** Whether this person keeps the rate table: finance officers. */
  public boolean keepsRates(String userId) {
    return policy.person(userId).groups().contains(CityDirectory.FINANCE_OFFICERS);
  }
}

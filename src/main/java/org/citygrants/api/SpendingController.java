package org.citygrants.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Supplier;
import org.citygrants.grant.spending.GrantSpending;
import org.citygrants.grant.spending.GrantSpending.SpendingReport;
import org.citygrants.language.ReaderLanguage;
import org.citygrants.language.Words;
import org.citygrants.ledger.ExchangeRate;
import org.citygrants.ledger.ExchangeRates;
import org.citygrants.ledger.RateImportException;
import org.citygrants.ledger.SpendingItem;
import org.citygrants.process.InputRejectedException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * Spending in the city's own currency: finance keeps the rate table (a CSV import), the city reports
 * each expenditure in the currency it paid; the ledger keeps both amounts and the rate used.
 */
@RestController
@RequestMapping(path = "/api", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Spending", description = "The city's spending in its own currency, and the exchange rates")
public class SpendingController {

  /** One exchange rate. */
  public record RateResponse(String currency, LocalDate validFrom,
      @Schema(description = "Units of the currency for one euro", example = "655.957000") String unitsPerEuro,
      @Schema(nullable = true) String source, String importedBy, Instant importedAt) {

    static RateResponse of(ExchangeRate r) {
      return new RateResponse(r.currency(), r.validFrom(), r.unitsPerEuro().toPlainString(), r.source(), r.importedBy(),
          r.importedAt());
    }
  }

  /** What an import did. */
  public record ImportResponse(int added, int unchanged, List<RateResponse> rates) {}

  /** One item of the city's spending. */
  public record SpendingItemResponse(long id, String grantReference, String line, LocalDate spentOn, String description,
      @Schema(description = "What the city paid, in the currency it paid", example = "655957.00") String originalAmount,
      @Schema(example = "XOF") String originalCurrency,
      @Schema(description = "The euro amount at the rate of the day", example = "1000.00") String amount,
      @Schema(example = "EUR") String currency,
      @Schema(description = "The rate used (units per euro), null in the grant's currency", nullable = true) String unitsPerEuro,
      @Schema(description = "The day the rate used was valid from", nullable = true) LocalDate rateValidFrom,
      @Schema(description = "The invoice: an evidence file of the grant", nullable = true) String documentId,
      @Schema(nullable = true) String documentHref, String reportedBy, Instant reportedAt) {}

  private final GrantSpending spending;
  private final ExchangeRates rates;
  private final GrantAccess access;

  public SpendingController(GrantSpending spending, ExchangeRates rates, GrantAccess access) {
    this.spending = spending;
    this.rates = rates;
    this.access = access;
  }

  @PostMapping(path = "/programme/exchange-rates", consumes = {"text/csv", MediaType.TEXT_PLAIN_VALUE})
  @Operation(summary = "Import exchange rates (finance officers)",
      description = """
          A CSV file, UTF-8: the header currency,valid_from,rate[,source], then one rate per line, e.g. \
          XOF,2027-01-01,655.957,BCEAO (units of the currency for one euro, a decimal point, at most 6 \
          decimals). The rate of a day is the latest row of its currency valid from that day or before. \
          A line already imported with the same rate is left as it is; a bad line, or a different rate \
          for a currency and day already imported, refuses the whole file naming the line (400), and \
          nothing is imported. No internet service is used.""")
  @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(mediaType = "text/csv",
      examples = @ExampleObject(value = "currency,valid_from,rate,source\nXOF,2027-01-01,655.957,BCEAO\nUGX,2027-01-01,4012.5,Bank of Uganda\n")))
  @ApiResponse(responseCode = "200", description = "Imported")
  @ApiResponse(responseCode = "400", description = "The file refused, naming the line and column; nothing imported",
      content = @Content(schema = @Schema(implementation = ApiError.class)))
  @ApiResponse(responseCode = "401", description = "Not signed in", content = @Content)
  @ApiResponse(responseCode = "403", description = "Not a finance officer",
      content = @Content(schema = @Schema(implementation = ApiError.class)))
  public ImportResponse importRates(@RequestBody(required = false) String csv,
      @Parameter(hidden = true) Authentication authentication) {
    return importAs(access.userId(authentication), () -> csv);
  }

  @PostMapping(path = "/programme/exchange-rates", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
  @Operation(summary = "Import exchange rates (finance officers)", description = "The same CSV file as a form's file.")
  @ApiResponse(responseCode = "200", description = "Imported")
  @ApiResponse(responseCode = "400", description = "The file refused, naming the line and column; nothing imported",
      content = @Content(schema = @Schema(implementation = ApiError.class)))
  @ApiResponse(responseCode = "401", description = "Not signed in", content = @Content)
  @ApiResponse(responseCode = "403", description = "Not a finance officer",
      content = @Content(schema = @Schema(implementation = ApiError.class)))
  public ImportResponse importRateFile(
      @Parameter(description = "The CSV file, UTF-8") @RequestParam(name = "file", required = false) MultipartFile file,
      @Parameter(hidden = true) Authentication authentication) {
    return importAs(access.userId(authentication), () -> {
      if (file == null || file.isEmpty()) {
        throw new InputRejectedException("file", Words.say(ReaderLanguage.current(), "spending.ratesNoFile"));
      }
      try {
        return new String(file.getBytes(), StandardCharsets.UTF_8);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    });
  }

  private ImportResponse importAs(String user, Supplier<String> csv) {
    if (!spending.keepsRates(user)) {
      throw ApiException.forbidden(Words.say(ReaderLanguage.current(), "spending.ratesOnlyFinance"));
    }
    String file = csv.get();
    try {
      ExchangeRates.Imported imported;
      try {
        imported = rates.importCsv(file, user);
      } catch (DuplicateKeyException race) {
        // another import added the same currency and day meanwhile: this one rolled back; read again,
        // its rows are now either the same (unchanged) or a refused change
        imported = rates.importCsv(file, user);
      }
      return new ImportResponse(imported.added(), imported.unchanged(),
          imported.rates().stream().map(RateResponse::of).toList());
    } catch (RateImportException refused) {
      throw new InputRejectedException("line " + refused.line() + ", " + refused.column(),
          refused.messageIn(ReaderLanguage.current(), who -> who));
    }
  }

  @GetMapping("/programme/exchange-rates")
  @Operation(summary = "The exchange rates", description = "Every rate imported, by currency then day; of one currency with ?currency=XOF.")
  @ApiResponse(responseCode = "200", description = "The rates",
      content = @Content(array = @ArraySchema(schema = @Schema(implementation = RateResponse.class))))
  @ApiResponse(responseCode = "401", description = "Not signed in", content = @Content)
  @ApiResponse(responseCode = "403", description = "Not programme staff or finance",
      content = @Content(schema = @Schema(implementation = ApiError.class)))
  public List<RateResponse> rates(@RequestParam(required = false) String currency,
      @Parameter(hidden = true) Authentication authentication) {
    access.requireProgrammeFinance(access.userId(authentication));
    return rates.list(currency).stream().map(RateResponse::of).toList();
  }

  @PostMapping(path = {"/grants/{reference}/spending", "/grants/{reference}/expenditures"}, consumes = MediaType.APPLICATION_JSON_VALUE)
  @ResponseStatus(HttpStatus.CREATED)
  @Operation(summary = "Report an expenditure in the currency paid (the city team)",
      description = """
          The city team reports what it paid, in the currency it paid (XOF, UGX, MAD... or EUR), the day, \
          the budget line (experiments when not given), what for, and its invoice (the id of a file \
          attached to the grant, see /documents). The ledger keeps the original amount and currency and \
          the euro amount at the rate of that day (the latest imported on or before it), and which rate \
          that was. Items are the detail behind the city's reports: the accepted spending of the \
          statement comes from the reports, so nothing is counted twice.""")
  @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
      examples = @ExampleObject(value = "{\"amount\": \"655957\", \"currency\": \"XOF\", \"spentOn\": \"2027-02-10\", "
          + "\"line\": \"experiments\", \"description\": \"Soil moisture sensors\", \"documentId\": null}")))
  @ApiResponse(responseCode = "201", description = "Recorded, with the euro amount and the rate used")
  @ApiResponse(responseCode = "400", description = """
      Refused input naming the field, nothing recorded: amount, currency, spentOn (not a day, in the \
      future, before the award), line, description, documentId (not a file of this grant), or no rate \
      of the currency for that day (currency), an Idempotency-Key already used for another expenditure""", content = @Content(schema = @Schema(implementation = ApiError.class)))
  @ApiResponse(responseCode = "401", description = "Not signed in", content = @Content)
  @ApiResponse(responseCode = "403", description = "Not the grant's city team nor a programme officer",
      content = @Content(schema = @Schema(implementation = ApiError.class)))
  @ApiResponse(responseCode = "404", description = "No such grant", content = @Content(schema = @Schema(implementation = ApiError.class)))
  public SpendingItemResponse report(@Parameter(example = GrantController.EXAMPLE_REFERENCE) @PathVariable String reference,
      @RequestBody(required = false) SpendingReport report,
      @Parameter(description = "Your key of this expenditure (up to 100 visible characters, e.g. a UUID): sent again "
          + "with the same expenditure when no answer came, it answers the item recorded the first time and records "
          + "nothing more") @RequestHeader(name = GrantSpending.REQUEST_KEY, required = false) String requestKey,
      @Parameter(hidden = true) Authentication authentication) {
    return response(spending.report(access.userId(authentication), reference, report, requestKey));
  }

  @GetMapping({"/grants/{reference}/spending", "/grants/{reference}/expenditures"})
  @Operation(summary = "The grant's spending, item by item",
      description = "In the currency paid and in euros, with the rate used; for those who read the grant in full.")
  @ApiResponse(responseCode = "200", description = "The items, by day",
      content = @Content(array = @ArraySchema(schema = @Schema(implementation = SpendingItemResponse.class))))
  @ApiResponse(responseCode = "401", description = "Not signed in", content = @Content)
  @ApiResponse(responseCode = "403", description = "Not a reader of this grant",
      content = @Content(schema = @Schema(implementation = ApiError.class)))
  @ApiResponse(responseCode = "404", description = "No such grant", content = @Content(schema = @Schema(implementation = ApiError.class)))
  public List<SpendingItemResponse> items(@Parameter(example = GrantController.EXAMPLE_REFERENCE) @PathVariable String reference,
      @Parameter(hidden = true) Authentication authentication) {
    return spending.items(access.userId(authentication), reference).stream().map(this::response).toList();
  }

  private SpendingItemResponse response(SpendingItem i) {
    return of(i, rates.grantCurrency());
  }

  static SpendingItemResponse of(SpendingItem i, String currency) {
    return new SpendingItemResponse(i.id(), i.grantReference(), i.line().code(), i.spentOn(), i.description(),
        Amounts.of(i.originalAmount()), i.originalCurrency(), Amounts.of(i.amount()), currency,
        i.unitsPerEuro() == null ? null : i.unitsPerEuro().toPlainString(), i.rateValidFrom(),
        i.documentId(), i.documentId() == null ? null : "/api/documents/" + i.documentId(), i.reportedBy(),
        i.reportedAt());
  }
}

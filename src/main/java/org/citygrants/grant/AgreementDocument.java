package org.citygrants.grant;

import com.lowagie.text.Document;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfWriter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.citygrants.grant.AwardTerms.Line;
import org.citygrants.grant.AwardTerms.Terms;
import org.citygrants.grant.AwardTexts.Term;
import org.citygrants.language.Languages;
import org.citygrants.language.Words;
import org.springframework.stereotype.Component;

/**
 * The grant agreement as a PDF, made from the accepted terms (OpenPDF: paragraphs and tables in a
 * few lines, no layout code of our own), in the language of the person who accepted. The words
 * come from {@link AwardTexts}. The text is set in DejaVu Sans (src/main/resources/fonts, with its
 * licence), embedded as a subset: it covers French and the names of people and places beyond
 * Latin-1 (Wiśniewska, Łódź), which PDF's standard Helvetica cannot show.
 */
@Component
public class AgreementDocument {

  private static final BaseFont REGULAR = font("fonts/DejaVuSans.ttf");
  private static final BaseFont BOLD_FACE = font("fonts/DejaVuSans-Bold.ttf");
  private static final Font TITLE = new Font(BOLD_FACE, 18);
  private static final Font HEADING = new Font(BOLD_FACE, 12);
  private static final Font BODY = new Font(REGULAR, 10);
  private static final Font BOLD = new Font(BOLD_FACE, 10);

  private static BaseFont font(String resource) {
    try (InputStream in = AgreementDocument.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("The agreement's font " + resource + " is missing");
      }
      byte[] bytes = in.readAllBytes();
      return BaseFont.createFont(resource.substring(resource.lastIndexOf('/') + 1), BaseFont.IDENTITY_H,
          BaseFont.EMBEDDED, true, bytes, null);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public byte[] render(Terms terms, String acceptedBy, String acceptedByName, Instant acceptedAt) {
    return render(terms, acceptedBy, acceptedByName, acceptedAt, Languages.FALLBACK);
  }

  public byte[] render(Terms terms, String acceptedBy, String acceptedByName, Instant acceptedAt, Locale language) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    Document document = new Document(PageSize.A4, 56, 56, 56, 56);
    PdfWriter.getInstance(document, out);
    document.addTitle(AwardTexts.agreementTitle(language) + " " + terms.grantReference());
    document.addCreator("City experimentation grants");
    document.open();
    document.add(new Paragraph(AwardTexts.agreementTitle(language), TITLE));
    document.add(spaced(new Paragraph(AwardTexts.agreementHeading(terms, language), HEADING)));
    document.add(spaced(new Paragraph(AwardTexts.agreementIntro(terms, acceptedByName, acceptedBy, acceptedAt, language), BODY)));

    document.add(spaced(new Paragraph(AwardTexts.agreementTermsHeading(language), HEADING)));
    PdfPTable table = new PdfPTable(new float[] {1.2f, 3f});
    table.setWidthPercentage(100);
    for (Term term : AwardTexts.terms(terms, language)) {
      table.addCell(cell(term.label(), BOLD));
      table.addCell(cell(term.value(), BODY));
    }
    document.add(table);

    document.add(spaced(new Paragraph(AwardTexts.agreementBudgetHeading(language), HEADING)));
    PdfPTable budget = new PdfPTable(new float[] {1.2f, 1f, 3f});
    budget.setWidthPercentage(100);
    List<String> columns = AwardTexts.agreementBudgetColumns(language);
    columns.forEach(c -> budget.addCell(cell(c, BOLD)));
    for (Line line : terms.budgetLines()) {
      budget.addCell(cell(AwardTexts.lineName(line.line(), language), BODY));
      PdfPCell amount = cell(Words.amount(line.amount(), terms.currency(), language), BODY);
      amount.setHorizontalAlignment(Element.ALIGN_RIGHT);
      budget.addCell(amount);
      budget.addCell(cell(AwardTexts.linePurpose(line.line(), language), BODY));
    }
    budget.addCell(cell("", BOLD));
    PdfPCell total = cell(Words.amount(terms.amount(), terms.currency(), language), BOLD);
    total.setHorizontalAlignment(Element.ALIGN_RIGHT);
    budget.addCell(total);
    budget.addCell(cell("", BODY));
    document.add(budget);

    document.add(spaced(new Paragraph(AwardTexts.agreementCommitmentsHeading(language), HEADING)));
    com.lowagie.text.List commitments = new com.lowagie.text.List(false, 12);
    commitments.setListSymbol("-");
    AwardTexts.agreementCommitments(language).forEach(c -> commitments.add(new com.lowagie.text.ListItem(c, BODY)));
    document.add(commitments);
    document.close();
    return out.toByteArray();
  }

  private static Paragraph spaced(Paragraph paragraph) {
    paragraph.setSpacingBefore(10);
    paragraph.setSpacingAfter(4);
    return paragraph;
  }

  private static PdfPCell cell(String text, Font font) {
    PdfPCell cell = new PdfPCell(new Phrase(text, font));
    cell.setPadding(5);
    return cell;
  }
}

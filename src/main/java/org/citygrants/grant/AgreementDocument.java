package org.citygrants.grant;

import com.lowagie.text.Document;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.FontFactory;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfWriter;
import java.io.ByteArrayOutputStream;
import java.time.Instant;
import java.util.List;
import org.citygrants.grant.AwardTerms.Line;
import org.citygrants.grant.AwardTerms.Terms;
import org.citygrants.grant.AwardTexts.Term;
import org.citygrants.ledger.Money;
import org.springframework.stereotype.Component;

/**
 * The grant agreement as a PDF, made from the accepted terms (OpenPDF: paragraphs and tables in a
 * few lines, no layout code of our own). The words come from {@link AwardTexts}.
 */
@Component
public class AgreementDocument {

  private static final Font TITLE = FontFactory.getFont(FontFactory.HELVETICA_BOLD, 18);
  private static final Font HEADING = FontFactory.getFont(FontFactory.HELVETICA_BOLD, 12);
  private static final Font BODY = FontFactory.getFont(FontFactory.HELVETICA, 10);
  private static final Font BOLD = FontFactory.getFont(FontFactory.HELVETICA_BOLD, 10);

  public byte[] render(Terms terms, String acceptedBy, String acceptedByName, Instant acceptedAt) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    Document document = new Document(PageSize.A4, 56, 56, 56, 56);
    PdfWriter.getInstance(document, out);
    document.addTitle(AwardTexts.agreementTitle() + " " + terms.grantReference());
    document.addCreator("City experimentation grants");
    document.open();
    document.add(new Paragraph(AwardTexts.agreementTitle(), TITLE));
    document.add(spaced(new Paragraph(AwardTexts.agreementHeading(terms), HEADING)));
    document.add(spaced(new Paragraph(AwardTexts.agreementIntro(terms, acceptedByName, acceptedBy, acceptedAt), BODY)));

    document.add(spaced(new Paragraph(AwardTexts.agreementTermsHeading(), HEADING)));
    PdfPTable table = new PdfPTable(new float[] {1.2f, 3f});
    table.setWidthPercentage(100);
    for (Term term : AwardTexts.terms(terms)) {
      table.addCell(cell(term.label(), BOLD));
      table.addCell(cell(term.value(), BODY));
    }
    document.add(table);

    document.add(spaced(new Paragraph(AwardTexts.agreementBudgetHeading(), HEADING)));
    PdfPTable budget = new PdfPTable(new float[] {1.2f, 1f, 3f});
    budget.setWidthPercentage(100);
    List<String> columns = AwardTexts.agreementBudgetColumns();
    columns.forEach(c -> budget.addCell(cell(c, BOLD)));
    for (Line line : terms.budgetLines()) {
      budget.addCell(cell(line.name(), BODY));
      PdfPCell amount = cell(Money.readable(line.amount(), terms.currency()), BODY);
      amount.setHorizontalAlignment(Element.ALIGN_RIGHT);
      budget.addCell(amount);
      budget.addCell(cell(line.purpose(), BODY));
    }
    budget.addCell(cell("", BOLD));
    PdfPCell total = cell(Money.readable(terms.amount(), terms.currency()), BOLD);
    total.setHorizontalAlignment(Element.ALIGN_RIGHT);
    budget.addCell(total);
    budget.addCell(cell("", BODY));
    document.add(budget);

    document.add(spaced(new Paragraph(AwardTexts.agreementCommitmentsHeading(), HEADING)));
    com.lowagie.text.List commitments = new com.lowagie.text.List(false, 12);
    commitments.setListSymbol("-");
    AwardTexts.agreementCommitments().forEach(c -> commitments.add(new com.lowagie.text.ListItem(c, BODY)));
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

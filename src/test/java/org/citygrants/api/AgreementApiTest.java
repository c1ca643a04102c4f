package org.citygrants.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.citygrants.process.CityGrantProcess.Elements.*;
import static org.citygrants.support.FormData.*;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.parser.PdfTextExtractor;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.http.MediaType;

/** GET /api/grants/{reference}/agreement: the agreement as accepted, for those who see the grant's statement. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AgreementApiTest extends ApiTest {

  String accepted;
  String awaitingAcceptance;

  @BeforeAll
  void grants() {
    accepted = grantInPreparation("lyon", "coach1");
    awaitingAcceptance = journey.apply("lyon", application("learning"));
    journey.complete(awaitingAcceptance, SIZE_GRANT, OFFICER, award(40000));
  }

  @ParameterizedTest
  @ValueSource(strings = {"lyon", "coach1", "officer", "manager", "finance1"})
  void theCityItsCoachAndProgrammeStaffDownloadTheAgreementAsAccepted(String user) throws Exception {
    byte[] pdf = mvc.perform(as(user, get("/api/grants/{reference}/agreement", accepted)))
        .andExpect(status().isOk())
        .andExpect(header().string("Content-Type", MediaType.APPLICATION_PDF_VALUE))
        .andExpect(header().string("Content-Disposition",
            "attachment; filename=\"grant-agreement-" + accepted + ".pdf\""))
        .andReturn().getResponse().getContentAsByteArray();

    PdfReader reader = new PdfReader(pdf);
    StringBuilder text = new StringBuilder();
    PdfTextExtractor extractor = new PdfTextExtractor(reader);
    for (int page = 1; page <= reader.getNumberOfPages(); page++) {
      text.append(extractor.getTextFromPage(page)).append('\n');
    }
    // lyon (Claire Dubois) chose French: the agreement is in French, as she accepted it, amounts as French writes them
    assertThat(text.toString().replaceAll("[\\s\u202f\u00a0]+", " ")).contains("Convention de subvention", accepted,
        "Lyon", "Claire Dubois", "40 000,00 EUR", "3 mois", "12 mois", "28 000,00 EUR", "Accompagnement (coach)",
        "Ce à quoi la ville s’engage");
  }

  @Test
  void anotherCityIsRefused() throws Exception {
    mvc.perform(as("tampere", get("/api/grants/{reference}/agreement", accepted)))
        .andExpect(status().isForbidden())
        .andExpect(jsonPath("$.message", containsString("its city team")));
  }

  @Test
  void beforeTheCityAcceptsThereIsNoAgreementAndTheAnswerSaysSoInWords() throws Exception {
    mvc.perform(as("lyon", get("/api/grants/{reference}/agreement", awaitingAcceptance)))
        .andExpect(status().isNotFound())
        .andExpect(jsonPath("$.message").value("Grant " + awaitingAcceptance
            + " has no agreement yet: the city has not accepted the award."));
    mvc.perform(as("lyon", get("/api/grants/{reference}/agreement", awaitingAcceptance)
            .accept(MediaType.APPLICATION_PDF)))
        .andExpect(status().isNotFound());
    mvc.perform(as("officer", get("/api/grants/{reference}/agreement", "NOWHERE-2026")))
        .andExpect(status().isNotFound());
  }
}

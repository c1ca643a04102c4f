package org.citygrants.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import org.citygrants.evidence.SampleFiles;
import org.citygrants.process.PaymentProcess;
import org.citygrants.support.ReadersOfEnglish;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.ResultActions;

/**
 * The ledger's movements point to their evidence (issue 16): the files attached at a payment's
 * request and approval become the evidence of the approval when the ledger records it; finance
 * links a proof of payment that came after the transfer; nobody else may, a file of another grant
 * or a deleted one is refused, and every refusal changes nothing.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ExtendWith(ReadersOfEnglish.class)
class MovementEvidenceApiTest extends ApiTest {

  @Autowired ObjectMapper json;

  String grant;
  String requestNote;
  String invoice;
  String proof;

  @BeforeAll
  void advancePaidWithItsPapers() throws Exception {
    grant = grantInPreparation("lyon", "coach1");
    journey.cityPrepares(grant, "lyon", OFFICER);
    requestNote = attach(FINANCE_REQUESTER, grant, PaymentProcess.Elements.REQUEST_PAYMENT, "request-note.pdf");
    journey.requestOpenPayment(grant);
    invoice = attach(FINANCE_APPROVER, grant, PaymentProcess.Elements.APPROVE_PAYMENT, "invoice-advance.pdf");
    journey.complete(grant, PaymentProcess.Elements.APPROVE_PAYMENT, FINANCE_APPROVER,
        org.citygrants.support.FormData.approvePayment(true));
    proof = attach(FINANCE_REQUESTER, grant, "proof-of-payment", "bank-transfer.pdf");
  }

  String attach(String user, String grantReference, String step, String name) throws Exception {
    String body = mvc.perform(as(user, multipart("/api/grants/{reference}/documents", grantReference)
            .file(new MockMultipartFile("file", name, "application/pdf", SampleFiles.pdf())).param("step", step)))
        .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
    return json.readTree(body).path("id").asText();
  }

  JsonNode statement(String user) throws Exception {
    return json.readTree(mvc.perform(as(user, get("/api/grants/{reference}/statement", grant)))
        .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
  }

  JsonNode movement(String type) throws Exception {
    for (JsonNode movement : statement(OFFICER).path("movements")) {
      if (movement.path("type").asText().equals(type)) {
        return movement;
      }
    }
    throw new AssertionError("no " + type + " movement in " + grant);
  }

  static List<String> evidenceIds(JsonNode movement) {
    List<String> ids = new ArrayList<>();
    movement.path("evidence").forEach(file -> ids.add(file.path("id").asText()));
    return ids;
  }

  ResultActions link(String user, long movementId, String fileId) throws Exception {
    return mvc.perform(as(user, post("/api/grants/{reference}/movements/{id}/evidence", grant, movementId)
        .contentType(MediaType.APPLICATION_JSON).content(json.writeValueAsString(java.util.Map.of("fileId", fileId)))));
  }

  @Test
  void thePaymentsApprovalRestsOnTheFilesOfItsRequestAndApproval() throws Exception {
    JsonNode approved = movement("PAYMENT_APPROVED");
    assertThat(evidenceIds(approved)).containsExactly(requestNote, invoice);
    assertThat(approved.path("evidence").get(1).path("name").asText()).isEqualTo("invoice-advance.pdf");
    assertThat(approved.path("evidence").get(1).path("href").asText()).isEqualTo("/api/documents/" + invoice);
    assertThat(evidenceIds(movement("PAYMENT_REQUESTED"))).isEmpty();
    // the city reads its statement with the same evidence
    assertThat(statement("lyon").path("movements").findValuesAsText("name")).contains("invoice-advance.pdf");
  }

  @Test
  void financeLinksTheProofOfPaymentToTheTransferOnceAndTheStatementShowsIt() throws Exception {
    long disbursed = movement("PAYMENT_DISBURSED").path("id").asLong();
    link(FINANCE_REQUESTER, disbursed, proof).andExpect(status().isCreated())
        .andExpect(jsonPath("$.name").value("bank-transfer.pdf"));
    link(OFFICER, disbursed, proof).andExpect(status().isOk());
    assertThat(evidenceIds(movement("PAYMENT_DISBURSED"))).containsExactly(proof);
  }

  @ParameterizedTest
  @ValueSource(strings = {"lyon", "coach1"})
  void theCityAndTheCoachMayNotLinkAndNothingChanges(String user) throws Exception {
    long requested = movement("PAYMENT_REQUESTED").path("id").asLong();
    link(user, requested, proof).andExpect(status().isForbidden())
        .andExpect(jsonPath("$.message").value(
            "Only finance officers, programme officers and managers may link a file to a ledger movement."));
    assertThat(evidenceIds(movement("PAYMENT_REQUESTED"))).isEmpty();
  }

  @Test
  void aFileOfAnotherGrantAnUnknownMovementAndADeletedFileAreRefusedInWords() throws Exception {
    long requested = movement("PAYMENT_REQUESTED").path("id").asLong();
    String tampere = grantInPreparation("tampere", "coach2");
    String theirs = attach(OFFICER, tampere, "decision", "tampere-decision.pdf");
    link(FINANCE_APPROVER, requested, theirs).andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.field").value("fileId"))
        .andExpect(jsonPath("$.message").value("The file tampere-decision.pdf is not one of grant " + grant
            + "'s files: a movement can rest only on its own grant's files (fileId)."));
    link(FINANCE_APPROVER, 999_999_999L, proof).andExpect(status().isNotFound());
    link(FINANCE_APPROVER, requested, " ").andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.field").value("fileId"));
    String wrong = attach(FINANCE_APPROVER, grant, "other", "wrong.pdf");
    mvc.perform(as(FINANCE_APPROVER, delete("/api/documents/{id}", wrong).param("reason", "Wrong grant.")))
        .andExpect(status().isOk());
    link(FINANCE_APPROVER, requested, wrong).andExpect(status().isGone());
    assertThat(evidenceIds(movement("PAYMENT_REQUESTED"))).isEmpty();
  }
}

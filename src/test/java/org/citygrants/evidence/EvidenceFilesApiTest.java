package org.citygrants.evidence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.citygrants.process.CityGrantProcess.Elements.*;
import static org.citygrants.support.FormData.*;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.citygrants.process.Refusals;
import org.citygrants.support.ApplicationTest;
import org.citygrants.support.GrantJourney;
import org.citygrants.support.ReadersOfEnglish;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder;
import org.springframework.util.LinkedMultiValueMap;

/**
 * Evidence files through the application's API, on the shared application (H2): attach, list,
 * download, delete (recorded); types refused by content, sizes refused; the grant's isolation on
 * every endpoint; a reviewer sees the city's file; a required file blocks the completion of its step.
 */
@ApplicationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ExtendWith(ReadersOfEnglish.class)
class EvidenceFilesApiTest {

  @Autowired MockMvc mvc;
  @Autowired GrantJourney journey;
  @Autowired ObjectMapper json;
  @Autowired JdbcClient jdbc;
  @Autowired RequiredEvidence requiredEvidence;
  @Autowired TestRestTemplate http;

  /** Lyon's grant, coached by coach1, in preparation: the procurement plan is open. */
  String lyon;
  /** A file lyon attached to the procurement plan in {@link #grants()}. */
  String planId;

  @BeforeAll
  void grants() throws Exception {
    lyon = inPreparation("lyon", "coach1");
    planId = attach("lyon", lyon, SUBMIT_PROCUREMENT_PLAN, "procurement-plan.pdf", SampleFiles.pdf())
        .path("id").asText();
  }

  String inPreparation(String cityUser, String coach) {
    String grant = journey.apply(cityUser, application("learning"));
    journey.complete(grant, SIZE_GRANT, "officer", award(40000));
    journey.acceptAward(grant, cityUser);
    journey.complete(grant, ASSIGN_COACH, "manager", of("coach", coach));
    return grant;
  }

  static MockHttpServletRequestBuilder as(String userId, MockHttpServletRequestBuilder request) {
    return request.with(user(userId));
  }

  static MockMultipartHttpServletRequestBuilder upload(String grant, String step, String name, byte[] content) {
    MockMultipartHttpServletRequestBuilder request = multipart("/api/grants/{reference}/documents", grant);
    request.file(new MockMultipartFile("file", name, "application/pdf", content));
    if (step != null) {
      request.param("step", step);
    }
    return request;
  }

  JsonNode attach(String userId, String grant, String step, String name, byte[] content) throws Exception {
    String body = mvc.perform(as(userId, upload(grant, step, name, content)))
        .andExpect(status().isCreated())
        .andReturn().getResponse().getContentAsString();
    return json.readTree(body);
  }

  List<String> listedIds(String userId, String grant) throws Exception {
    JsonNode list = json.readTree(mvc.perform(as(userId, get("/api/grants/{reference}/documents", grant)))
        .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
    return list.findValuesAsText("id");
  }

  @Test
  void theCityAttachesAFileAndGetsItBackAsAnAttachmentWithItsChecksum() throws Exception {
    byte[] content = SampleFiles.pdf();
    JsonNode attached = attach("lyon", lyon, OBTAIN_INTERNAL_AUTHORISATIONS, "Délibération du conseil.pdf", content);

    assertThat(attached.path("name").asText()).isEqualTo("Délibération du conseil.pdf");
    assertThat(attached.path("type").asText()).isEqualTo("application/pdf");
    assertThat(attached.path("size").asLong()).isEqualTo(content.length);
    assertThat(attached.path("checksum").asText()).isEqualTo(EvidenceFiles.sha256(content)).hasSize(64);
    assertThat(attached.path("uploadedBy").asText()).isEqualTo("lyon");
    assertThat(attached.path("uploadedByName").asText()).isEqualTo("Claire Dubois");
    assertThat(attached.path("stepName").asText()).isEqualTo("Record internal authorisations");
    String id = attached.path("id").asText();
    assertThat(attached.path("href").asText()).isEqualTo("/api/documents/" + id);

    mvc.perform(as("lyon", get("/api/grants/{reference}/documents", lyon).param("step", OBTAIN_INTERNAL_AUTHORISATIONS)))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$", hasSize(1)))
        .andExpect(jsonPath("$[0].id").value(id));

    byte[] downloaded = mvc.perform(as("lyon", get("/api/documents/{id}", id)))
        .andExpect(status().isOk())
        .andExpect(header().string("Content-Type", "application/pdf"))
        .andExpect(header().string("Content-Disposition", "attachment; filename=\"D_lib_ration du conseil.pdf\"; "
            + "filename*=UTF-8''D%C3%A9lib%C3%A9ration%20du%20conseil.pdf"))
        .andExpect(header().string("X-Content-Type-Options", "nosniff"))
        .andExpect(header().string("Cache-Control", containsString("no-store")))
        .andReturn().getResponse().getContentAsByteArray();
    assertThat(downloaded).isEqualTo(content);
  }

  @ParameterizedTest
  @ValueSource(strings = {"officer", "manager", "finance1", "coach1"})
  void theReviewersAndTheCoachSeeAndOpenTheCitysFile(String user) throws Exception {
    assertThat(listedIds(user, lyon)).contains(planId);
    byte[] downloaded = mvc.perform(as(user, get("/api/documents/{id}", planId)))
        .andExpect(status().isOk())
        .andExpect(header().string("Content-Type", "application/pdf"))
        .andReturn().getResponse().getContentAsByteArray();
    assertThat(downloaded).isEqualTo(SampleFiles.pdf());
  }

  @ParameterizedTest
  @ValueSource(strings = {"tampere", "coach2"})
  void anotherCityAndTheCoachOfAnotherGrantAreRefusedOnEveryEndpoint(String user) throws Exception {
    mvc.perform(as(user, upload(lyon, SUBMIT_PROCUREMENT_PLAN, "plan.pdf", SampleFiles.pdf())))
        .andExpect(status().isForbidden())
        .andExpect(jsonPath("$.message").value("You may not see or attach the files of grant " + lyon
            + ": they are for programme staff, finance, the grant's coach and its city team."));
    mvc.perform(as(user, get("/api/grants/{reference}/documents", lyon)))
        .andExpect(status().isForbidden())
        .andExpect(jsonPath("$.message", containsString("You may not see or attach the files")));
    mvc.perform(as(user, get("/api/documents/{id}", planId)))
        .andExpect(status().isForbidden())
        .andExpect(jsonPath("$.message", containsString("You may not see or attach the files")));
    mvc.perform(as(user, delete("/api/documents/{id}", planId).contentType(MediaType.APPLICATION_JSON)
            .content("{\"reason\": \"mine now\"}")))
        .andExpect(status().isForbidden())
        .andExpect(jsonPath("$.message", containsString("You may not see or attach the files")));

    assertThat(listedIds("lyon", lyon)).contains(planId);
    assertThat(jdbc.sql("SELECT COUNT(*) FROM evidence_file WHERE grant_reference = ? AND uploaded_by = ?")
        .params(lyon, user).query(Integer.class).single()).isZero();
  }

  @Test
  void unknownGrantsAndFilesAre404InWords() throws Exception {
    mvc.perform(as("officer", get("/api/grants/{reference}/documents", "NOWHERE-2026")))
        .andExpect(status().isNotFound())
        .andExpect(jsonPath("$.message").value("There is no grant NOWHERE-2026."));
    mvc.perform(as("officer", get("/api/documents/{id}", "00000000-0000-0000-0000-000000000000")))
        .andExpect(status().isNotFound())
        .andExpect(jsonPath("$.message").value("There is no file 00000000-0000-0000-0000-000000000000."));
  }

  @Test
  void aRenamedProgramIsRefusedByItsContentAndNothingIsKept() throws Exception {
    List<String> before = listedIds("lyon", lyon);
    mvc.perform(as("lyon", upload(lyon, SUBMIT_PROCUREMENT_PLAN, "procurement-plan.pdf", SampleFiles.elf())))
        .andExpect(status().isUnsupportedMediaType())
        .andExpect(jsonPath("$.field").value("file"))
        .andExpect(jsonPath("$.message", startsWith(
            "The file procurement-plan.pdf is not accepted: its content is a program or script (application/x-elf).")))
        .andExpect(jsonPath("$.message", containsString(
            "Accepted: PDF, PNG, JPEG, WebP, ODT, ODS, DOCX, XLSX, CSV, TXT. The type is read from the content, not from the name.")));
    mvc.perform(as("lyon", upload(lyon, SUBMIT_PROCUREMENT_PLAN, "invoice.pdf", SampleFiles.windowsProgram())))
        .andExpect(status().isUnsupportedMediaType())
        .andExpect(jsonPath("$.message", containsString("a program or script (application/x-msdownload)")));
    mvc.perform(as("lyon", upload(lyon, SUBMIT_PROCUREMENT_PLAN, "page.pdf",
            "<html><script>alert(1)</script></html>".getBytes())))
        .andExpect(status().isUnsupportedMediaType());
    assertThat(listedIds("lyon", lyon)).isEqualTo(before);
  }

  @Test
  void aFileAboveTheLimitIsRefusedInWordsAndAnEmptyOneOrABadStepToo() throws Exception {
    byte[] tooLarge = Arrays.copyOf(SampleFiles.pdf(), 20 * 1024 * 1024 + 1);
    mvc.perform(as("lyon", upload(lyon, SUBMIT_PROCUREMENT_PLAN, "scan.pdf", tooLarge)))
        .andExpect(status().isPayloadTooLarge())
        .andExpect(jsonPath("$.field").value("file"))
        .andExpect(jsonPath("$.message", startsWith("The file scan.pdf is 20 MB: the largest file accepted is 20 MB.")));
    mvc.perform(as("lyon", upload(lyon, SUBMIT_PROCUREMENT_PLAN, "empty.pdf", new byte[0])))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.message").value("The file empty.pdf is empty: choose the file again."));
    mvc.perform(as("lyon", multipart("/api/grants/{reference}/documents", lyon).param("step", "x")))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.message").value("Choose a file to attach (file)."));
    mvc.perform(as("lyon", upload(lyon, "<script>", "plan.pdf", SampleFiles.pdf())))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.field").value("step"));
  }

  @Test
  void aFileAboveTheUploadLimitOverRealHttpGetsTheSameAnswerInWords() {
    byte[] huge = Arrays.copyOf(SampleFiles.pdf(), 22 * 1024 * 1024);
    LinkedMultiValueMap<String, Object> form = new LinkedMultiValueMap<>();
    form.add("file", new ByteArrayResource(huge) {
      @Override
      public String getFilename() {
        return "scan.pdf";
      }
    });
    form.add("step", SUBMIT_PROCUREMENT_PLAN);
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.MULTIPART_FORM_DATA);
    ResponseEntity<String> answer = http.withBasicAuth("officer", "demo").exchange(
        "/api/grants/{reference}/documents", HttpMethod.POST, new HttpEntity<>(form, headers), String.class, lyon);

    assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.PAYLOAD_TOO_LARGE);
    assertThat(answer.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_JSON);
    assertThat(answer.getBody()).contains("The file is larger than the 20 MB accepted.");
  }

  @Test
  void deletingIsRecordedWithWhoWhenAndWhyAndTheFileIsNoLongerServed() throws Exception {
    String id = attach("lyon", lyon, "invoice", "invoice-0042.pdf", SampleFiles.pdf()).path("id").asText();

    mvc.perform(as("lyon", delete("/api/documents/{id}", id)))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.field").value("reason"));
    // another member of the programme who did not attach it, and is no programme officer or manager
    mvc.perform(as("coach1", delete("/api/documents/{id}", id).param("reason", "not needed")))
        .andExpect(status().isForbidden())
        .andExpect(jsonPath("$.message").value(
            "Only the person who attached invoice-0042.pdf, or a programme officer or manager, can delete it."));

    mvc.perform(as("lyon", delete("/api/documents/{id}", id).contentType(MediaType.APPLICATION_JSON)
            .content("{\"reason\": \"Wrong invoice: 0041 was meant.\"}")))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.deleted").value(true))
        .andExpect(jsonPath("$.deletedBy").value("lyon"))
        .andExpect(jsonPath("$.deletedReason").value("Wrong invoice: 0041 was meant."));

    assertThat(listedIds("officer", lyon)).doesNotContain(id);
    JsonNode withDeleted = json.readTree(mvc.perform(as("officer", get("/api/grants/{reference}/documents", lyon)
        .param("deleted", "true"))).andReturn().getResponse().getContentAsString());
    JsonNode record = null;
    for (JsonNode file : withDeleted) {
      if (file.path("id").asText().equals(id)) {
        record = file;
      }
    }
    assertThat(record).isNotNull();
    assertThat(record.path("deleted").asBoolean()).isTrue();
    assertThat(record.path("deletedByName").asText()).isEqualTo("Claire Dubois");
    assertThat(record.path("deletedAt").asText()).isNotBlank();
    assertThat(record.path("checksum").asText()).isEqualTo(EvidenceFiles.sha256(SampleFiles.pdf()));

    mvc.perform(as("officer", get("/api/documents/{id}", id)))
        .andExpect(status().isGone())
        .andExpect(jsonPath("$.message", startsWith("The file invoice-0042.pdf was deleted by Claire Dubois on ")))
        .andExpect(jsonPath("$.message", containsString("Wrong invoice: 0041 was meant.")));
    assertThat(jdbc.sql("SELECT content IS NULL FROM evidence_file WHERE file_id = ?").param(id)
        .query(Boolean.class).single()).isTrue();
  }

  @Test
  void aProgrammeOfficerMayDeleteAFileTheCityAttached() throws Exception {
    String id = attach("lyon", lyon, "minutes", "minutes.txt", "Minutes of the committee.\n".getBytes()).path("id").asText();
    mvc.perform(as("officer", delete("/api/documents/{id}", id).param("reason", "Personal data in the minutes.")))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.deletedBy").value("officer"));
  }

  @Test
  void aRequiredFileBlocksTheCompletionOfItsStepUntilOneIsAttached() throws Exception {
    String grant = inPreparation("lyon", "coach1");
    Set<String> before = requiredEvidence.requiredSteps();
    requiredEvidence.require(Set.of(SUBMIT_PROCUREMENT_PLAN));
    try {
      Throwable refused = catchThrowable(() -> journey.complete(grant, SUBMIT_PROCUREMENT_PLAN, "lyon", procurementPlan()));
      assertThat(Refusals.refusal(refused)).get()
          .extracting(FormFieldValidationException::getMessage)
          .isEqualTo("Attach at least one file to 'Submit procurement plan' before completing it (the Files button of the task).");
      assertThat(journey.openTaskKeys(grant)).contains(SUBMIT_PROCUREMENT_PLAN);

      // a file of another step does not count, nor a deleted one
      attach("lyon", grant, OBTAIN_INTERNAL_AUTHORISATIONS, "authorisation.pdf", SampleFiles.pdf());
      String wrong = attach("lyon", grant, SUBMIT_PROCUREMENT_PLAN, "old-plan.pdf", SampleFiles.pdf()).path("id").asText();
      mvc.perform(as("lyon", delete("/api/documents/{id}", wrong).param("reason", "old version")))
          .andExpect(status().isOk());
      assertThat(Refusals.refusal(catchThrowable(
          () -> journey.complete(grant, SUBMIT_PROCUREMENT_PLAN, "lyon", procurementPlan())))).isPresent();

      attach("lyon", grant, SUBMIT_PROCUREMENT_PLAN, "plan.odt", SampleFiles.odt());
      journey.complete(grant, SUBMIT_PROCUREMENT_PLAN, "lyon", procurementPlan());
      assertThat(journey.openTaskKeys(grant)).doesNotContain(SUBMIT_PROCUREMENT_PLAN).contains(REVIEW_PROCUREMENT_PLAN);
    } finally {
      requiredEvidence.require(before);
    }
  }

  @Test
  void theTestsConfigurationRequiresNoFile() {
    // src/test/resources/application.properties: the journeys complete the procurement plan without one
    assertThat(requiredEvidence.requiredSteps()).isEmpty();
  }

  @Test
  void aStepThatNeedsNoFileCompletesWithout() {
    String grant = inPreparation("lyon", "coach1");
    Set<String> before = requiredEvidence.requiredSteps();
    requiredEvidence.require(Set.of(SUBMIT_PROCUREMENT_PLAN));
    try {
      journey.complete(grant, OBTAIN_INTERNAL_AUTHORISATIONS, "lyon", internalAuthorisations());
      assertThat(journey.openTaskKeys(grant)).doesNotContain(OBTAIN_INTERNAL_AUTHORISATIONS);
    } finally {
      requiredEvidence.require(before);
    }
  }
}

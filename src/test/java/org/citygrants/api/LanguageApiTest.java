package org.citygrants.api;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.nullValue;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

/** /api/me/language: a person's chosen language wins over their browser's; English when neither says. */
class LanguageApiTest extends ApiTest {

  @Test
  void theDemoCityOfLyonReadsFrenchWhateverItsBrowser() throws Exception {
    mvc.perform(as("lyon", get("/api/me/language")).header("Accept-Language", "en-GB,en;q=0.9"))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.chosen").value("fr"))
        .andExpect(jsonPath("$.language").value("fr"))
        .andExpect(jsonPath("$.supported[1]").value("fr"));
  }

  @Test
  void withoutAChoiceTheBrowserDecidesThenEnglish() throws Exception {
    mvc.perform(as("coach2", get("/api/me/language")).header("Accept-Language", "fr-FR,fr;q=0.9"))
        .andExpect(jsonPath("$.chosen").value(nullValue()))
        .andExpect(jsonPath("$.language").value("fr"));
    mvc.perform(as("coach2", get("/api/me/language")).header("Accept-Language", "de-DE"))
        .andExpect(jsonPath("$.language").value("en"));
  }

  @Test
  void aChoiceIsStoredWithTheUserAndCanBeForgotten() throws Exception {
    mvc.perform(as("finance1", put("/api/me/language")).contentType(MediaType.APPLICATION_JSON).content("{\"language\":\"fr-FR\"}"))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.chosen").value("fr"));
    mvc.perform(as("finance1", get("/api/me/language")).header("Accept-Language", "en"))
        .andExpect(jsonPath("$.language").value("fr"));
    mvc.perform(as("finance1", put("/api/me/language")).contentType(MediaType.APPLICATION_JSON).content("{\"language\":null}"))
        .andExpect(jsonPath("$.chosen").value(nullValue()))
        .andExpect(jsonPath("$.language").value("en"));
    mvc.perform(as("finance1", put("/api/me/language")).contentType(MediaType.APPLICATION_JSON).content("{\"language\":\"en\"}"))
        .andExpect(jsonPath("$.chosen").value("en"));
  }

  @Test
  void aLanguageTheProductDoesNotSpeakIsRefusedAndChangesNothing() throws Exception {
    mvc.perform(as("tampere", put("/api/me/language")).contentType(MediaType.APPLICATION_JSON).content("{\"language\":\"xx\"}"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.message", containsString("not one of the product's languages")));
    mvc.perform(as("tampere", get("/api/me/language")))
        .andExpect(jsonPath("$.chosen").value("en"));
  }

  @Test
  void notSignedInIsRefused() throws Exception {
    mvc.perform(get("/api/me/language")).andExpect(status().isUnauthorized());
  }
}

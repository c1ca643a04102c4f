package org.citygrants.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.citygrants.CityGrantsApplication;
import org.citygrants.signin.AdminPasswordPolicy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;

/**
 * The postgres profile refuses to start without a proper first administrator; the check runs
 * before the database is touched, so these tests need no database.
 */
class AdminPasswordPolicyTest {

  @Test
  void thePostgresProfileRefusesToStartWithoutAnAdminPassword() {
    assertThatThrownBy(() -> start("CAMUNDA_ADMIN_USER=ops"))
        .hasStackTraceContaining("Refusing to start the postgres profile")
        .hasStackTraceContaining("CAMUNDA_ADMIN_PASSWORD is not set");
  }

  @ParameterizedTest
  @ValueSource(strings = {"demo", "admin", "password", "Password123", "short-Pw1!", "aaaaaaaaaaaaaaaa",
      "administrator1"})
  void thePostgresProfileRefusesToStartWithAWeakAdminPassword(String password) {
    assertThatThrownBy(() -> start("CAMUNDA_ADMIN_USER=ops", "CAMUNDA_ADMIN_PASSWORD=" + password))
        .hasStackTraceContaining("Refusing to start the postgres profile");
  }

  @Test
  void weakMeansShortCommonOrTheUserName() {
    assertThat(AdminPasswordPolicy.problems("ops", "Gr4nts-for-Cities!", true)).isEmpty();
    assertThat(AdminPasswordPolicy.problems("ops", "correct horse battery staple", false)).isEmpty();
    assertThat(AdminPasswordPolicy.problems("ops", "correct horse battery staple", true))
        .as("the engine's policy wants upper case and digits").isNotEmpty();
    assertThat(AdminPasswordPolicy.problems("ops", "demo", false)).anyMatch(p -> p.contains("shorter"))
        .anyMatch(p -> p.contains("common"));
    assertThat(AdminPasswordPolicy.problems("ops", "Password2024", false)).anyMatch(p -> p.contains("common"));
    assertThat(AdminPasswordPolicy.problems("ruth.adler", "ruth.adler-Secret-1", false))
        .anyMatch(p -> p.contains("user name"));
    assertThat(AdminPasswordPolicy.problems("", "Gr4nts-for-Cities!", false)).anyMatch(p -> p.contains("USER"));
  }

  private static void start(String... properties) {
    SpringApplication application = new SpringApplication(CityGrantsApplication.class);
    application.setWebApplicationType(WebApplicationType.NONE);
    application.setAdditionalProfiles("postgres");
    String[] args = new String[properties.length + 2];
    for (int i = 0; i < properties.length; i++) {
      args[i] = "--" + properties[i];
    }
    // nothing may reach a database: the check must come first
    args[properties.length] = "--SPRING_DATASOURCE_URL=jdbc:postgresql://127.0.0.1:1/none";
    args[properties.length + 1] = "--spring.main.banner-mode=off";
    application.run(args).close();
  }
}

package org.citygrants.signin;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.camunda.bpm.engine.identity.PasswordPolicyRule;
import org.camunda.bpm.engine.impl.identity.DefaultPasswordPolicyImpl;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.context.EnvironmentAware;
import org.springframework.context.annotation.Profile;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * The postgres (production) profile does not start without a proper first administrator: a
 * missing or weak {@code CAMUNDA_ADMIN_PASSWORD} stops the application before it touches the
 * database. Weak means: shorter than {@value #MIN_LENGTH} characters, a well-known password
 * (demo, admin, password, ... also with digits appended), containing the user name or the
 * administrator's profile name (Camunda Administrator), or, when the
 * engine's password policy is on ({@code enable-password-policy}), failing it (lower and upper
 * case letters, a digit and a special character).
 */
@Component
@Profile("postgres")
public class AdminPasswordPolicy implements BeanFactoryPostProcessor, EnvironmentAware {

  public static final int MIN_LENGTH = 12;

  private static final Set<String> COMMON = Set.of("demo", "admin", "administrator", "password", "passw0rd",
      "camunda", "changeme", "changeit", "secret", "letmein", "welcome", "qwerty", "azerty", "123456", "12345678",
      "123456789", "1234567890", "iloveyou", "default", "root", "citygrants", "postgres");

  private Environment environment;

  @Override
  public void setEnvironment(Environment environment) {
    this.environment = environment;
  }

  @Override
  public void postProcessBeanFactory(ConfigurableListableBeanFactory beanFactory) {
    String user = environment.getProperty("CAMUNDA_ADMIN_USER", "");
    String password = environment.getProperty("CAMUNDA_ADMIN_PASSWORD", "");
    boolean enginePolicy = environment.getProperty(
        "camunda.bpm.generic-properties.properties.enable-password-policy", Boolean.class, false);
    List<String> problems = problems(user, password, enginePolicy);
    if (!problems.isEmpty()) {
      throw new IllegalStateException("Refusing to start the postgres profile: " + String.join("; ", problems)
          + ". Set CAMUNDA_ADMIN_USER and a strong CAMUNDA_ADMIN_PASSWORD (at least " + MIN_LENGTH
          + " characters, not a common password).");
    }
  }

  /** What is wrong with this first administrator; empty when nothing is. */
  public static List<String> problems(String user, String password, boolean enginePolicy) {
    List<String> problems = new ArrayList<>();
    if (user == null || user.isBlank()) {
      problems.add("CAMUNDA_ADMIN_USER is not set");
    }
    if (password == null || password.isBlank()) {
      problems.add("CAMUNDA_ADMIN_PASSWORD is not set");
      return problems;
    }
    if (password.length() < MIN_LENGTH) {
      problems.add("CAMUNDA_ADMIN_PASSWORD is shorter than " + MIN_LENGTH + " characters");
    }
    String normalised = password.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
    String stem = normalised.replaceAll("[0-9]+$", "");
    if (COMMON.contains(normalised) || COMMON.contains(stem) || isOneCharacterRepeated(password)) {
      problems.add("CAMUNDA_ADMIN_PASSWORD is a common password");
    }
    String lower = password.toLowerCase(Locale.ROOT);
    if (user != null && !user.isBlank() && lower.contains(user.toLowerCase(Locale.ROOT))) {
      problems.add("CAMUNDA_ADMIN_PASSWORD contains the user name");
    }
    if (lower.contains("camunda") || lower.contains("administrator")) {
      // the administrator's profile (AdminBootstrap) is "Camunda Administrator"
      problems.add("CAMUNDA_ADMIN_PASSWORD contains the administrator's name");
    }
    if (enginePolicy) {
      for (PasswordPolicyRule rule : new DefaultPasswordPolicyImpl().getRules()) {
        // the user-data rule needs the user's profile; the user name is checked above
        if (!"PASSWORD_POLICY_USER_DATA".equals(rule.getPlaceholder()) && !rule.execute(password)) {
          problems.add("CAMUNDA_ADMIN_PASSWORD fails the engine's password policy (" + rule.getPlaceholder() + ")");
        }
      }
    }
    return problems;
  }

  private static boolean isOneCharacterRepeated(String password) {
    return password.chars().distinct().count() <= 2;
  }
}

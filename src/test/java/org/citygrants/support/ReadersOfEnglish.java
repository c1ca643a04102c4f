package org.citygrants.support;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.citygrants.language.LanguagePreferences;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.test.context.junit.jupiter.SpringExtension;

/**
 * For tests that read the product's English texts: the demo users who chose French (lyon, coach1,
 * finance2) read English for the test, and have their own choice back after it. The tests of the
 * French texts leave them as the demo has them.
 */
public class ReadersOfEnglish implements BeforeEachCallback, AfterEachCallback {

  static final List<String> FRENCH_READERS = List.of("lyon", "coach1", "finance2");
  private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(ReadersOfEnglish.class);

  @Override
  public void beforeEach(ExtensionContext context) {
    IdentityService identity = SpringExtension.getApplicationContext(context).getBean(IdentityService.class);
    Map<String, String> before = new HashMap<>();
    for (String user : FRENCH_READERS) {
      before.put(user, identity.getUserInfo(user, LanguagePreferences.USER_INFO_KEY));
      if (identity.createUserQuery().userId(user).count() > 0) {
        identity.setUserInfo(user, LanguagePreferences.USER_INFO_KEY, "en");
      }
    }
    context.getStore(NAMESPACE).put("before", before);
  }

  @Override
  @SuppressWarnings("unchecked")
  public void afterEach(ExtensionContext context) {
    IdentityService identity = SpringExtension.getApplicationContext(context).getBean(IdentityService.class);
    Map<String, String> before = context.getStore(NAMESPACE).remove("before", Map.class);
    before.forEach((user, language) -> {
      if (language == null) {
        identity.deleteUserInfo(user, LanguagePreferences.USER_INFO_KEY);
      } else {
        identity.setUserInfo(user, LanguagePreferences.USER_INFO_KEY, language);
      }
    });
  }
}

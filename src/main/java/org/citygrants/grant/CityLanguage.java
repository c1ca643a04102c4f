package org.citygrants.grant;

import java.util.Comparator;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.citygrants.identity.CityDirectory;
import org.citygrants.language.Languages;
import org.citygrants.language.LanguagePreferences;
import org.springframework.stereotype.Component;

/**
 * The language of a city team, for a text the whole team reads from one place (the award's terms
 * on its acceptance form): the language most of its members chose, English when none chose one
 * (a tie goes to the product's first language in {@code grant.languages}, English).
 */
@Component
public class CityLanguage {

  private final CityDirectory cities;
  private final LanguagePreferences preferences;
  private final Languages languages;

  public CityLanguage(CityDirectory cities, LanguagePreferences preferences, Languages languages) {
    this.cities = cities;
    this.preferences = preferences;
    this.languages = languages;
  }

  public Locale of(String cityCode) {
    CommandContext command = Context.getCommandContext();
    return command == null ? choose(cityCode) : command.runWithoutAuthorization(() -> choose(cityCode));
  }

  private Locale choose(String cityCode) {
    Map<Locale, Long> chosen = cities.members(CityDirectory.cityGroup(cityCode)).stream().map(User::getId)
        .map(preferences::chosenBy).flatMap(java.util.Optional::stream)
        .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
    return chosen.entrySet().stream()
        .max(Comparator.<Map.Entry<Locale, Long>>comparingLong(Map.Entry::getValue)
            .thenComparing(e -> -languages.supported().indexOf(e.getKey())))
        .map(Map.Entry::getKey).orElse(Languages.FALLBACK);
  }
}

package org.citygrants.language;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Every name Tasklist shows from the models (processes, user tasks and their descriptions, start
 * events) has a translation in every language of the product, and no translation names an
 * element that is not there.
 */
class ModelTranslationsTest {

  private static final Pattern EXPRESSION = Pattern.compile("[$#]\\{[^}]*}");
  private final ModelTexts texts = new ModelTexts();

  @TestFactory
  Stream<DynamicTest> everyModelIsTranslatedWholly() {
    List<DynamicTest> tests = new ArrayList<>();
    Map<String, Map<String, String>> models = texts.englishTexts();
    assertThat(models.keySet()).contains("city-grant", "grant-payment", "grant-settlement", "experimentation-programme");
    models.forEach((process, english) -> {
      for (Locale language : ProductLanguages.translated()) {
        tests.add(DynamicTest.dynamicTest(process + " in " + language, () -> {
          Map<String, String> translated = texts.translations(process, language);
          String file = TranslationFile.path(ModelTexts.FOLDER, process, language);
          assertThat(new TreeSet<>(english.keySet())).as("texts of %s without a line in %s", process, file)
              .isSubsetOf(translated.keySet());
          assertThat(new TreeSet<>(translated.keySet())).as("lines of %s that name nothing in %s", file, process)
              .isSubsetOf(english.keySet());
          translated.forEach((key, text) -> {
            assertThat(text).as("%s in %s", key, file).isNotBlank();
            assertThat(expressions(text)).as("the expressions of %s in %s", key, file).isEqualTo(expressions(english.get(key)));
          });
        }));
      }
    });
    return tests.stream();
  }

  @Test
  void aTaskIdNamesOneTaskAcrossTheModelsSoMailsFindItsNameWithoutItsProcess() {
    Map<String, String> processOfTask = new java.util.HashMap<>();
    texts.englishTexts().forEach((process, english) -> english.keySet().stream()
        .filter(key -> key.endsWith(".name") && !key.equals(process + ".name"))
        .forEach(key -> assertThat(processOfTask.put(key, process)).as("%s in two models", key).isNull()));
    assertThat(texts.taskName("Task_ApprovePayment", Locale.FRENCH)).hasValue("Approuver le paiement (quatre yeux)");
    assertThat(texts.taskName("Task_AcceptAward", Locale.ENGLISH)).isEmpty();
    assertThat(Words.taskName("Task_AcceptAward", "Accept the award", Locale.FRENCH)).isEqualTo("Accepter la subvention");
    assertThat(Words.taskName("Task_AcceptAward", "Accept the award", Locale.ENGLISH)).isEqualTo("Accept the award");
    assertThat(Words.taskName("Task_Unknown", "Something", Locale.FRENCH)).isEqualTo("Something");
  }

  @Test
  void taskAndProcessNamesForMailsAndPages() {
    assertThat(texts.taskName("city-grant", "Task_AcceptAward", Locale.FRENCH)).hasValue("Accepter la subvention");
    assertThat(texts.taskName("city-grant", "Task_AcceptAward", Locale.ENGLISH)).isEmpty();
    assertThat(texts.taskName("city-grant", "Task_NoSuchTask", Locale.FRENCH)).isEmpty();
    assertThat(texts.processName("city-grant", Locale.FRENCH)).hasValue("Subvention d'expérimentation pour une ville");
    assertThat(texts.taskName("grant-payment", "Task_ApprovePayment", Locale.forLanguageTag("fr-FR")))
        .hasValue("Approuver le paiement (quatre yeux)");
  }

  @Test
  void aDescriptionKeepsTheValueTheEngineWroteIntoIt() {
    String written = "Spending above the committed budget: reported 9,000.00 EUR, 3,000.00 above the 6,000.00 EUR committed. "
        + "Only the committed part counts as spent; approve the rest with a reason and the next tranche may pay it, "
        + "or refuse it with a reason.";
    assertThat(texts.taskDescription("city-grant", "Task_DecideExcessSpending", written, Locale.FRENCH))
        .hasValueSatisfying(french -> assertThat(french)
            .startsWith("Dépenses au-delà du budget engagé\u00a0: reported 9,000.00 EUR, 3,000.00 above the 6,000.00 EUR committed. Seule"));
    assertThat(texts.taskDescription("city-grant", "Task_DecideExcessSpending", "Someone rewrote it.", Locale.FRENCH))
        .as("a description that is not the model's stays").isEmpty();
    assertThat(texts.taskDescription("city-grant", "Task_AcceptAward",
        "The city team reads the award terms and accepts them, or asks the programme officer a question first.",
        Locale.FRENCH)).hasValueSatisfying(french -> assertThat(french).startsWith("L'équipe de la ville lit"));
  }

  private static Set<String> expressions(String text) {
    Set<String> found = new TreeSet<>();
    Matcher matcher = EXPRESSION.matcher(text);
    while (matcher.find()) {
      found.add(matcher.group());
    }
    return found;
  }
}

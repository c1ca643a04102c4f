package org.citygrants.language;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiConsumer;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;

/**
 * The human texts of the Camunda Forms ({@code forms/<id>.form}) in the reader's language. The form
 * file holds the English, as modellers edit it in the Camunda Modeler; each other language is a
 * translation file beside it, {@code forms/i18n/<id>_<language>.properties}, keyed by the form's
 * component keys (by the component's id for a component without a key, such as a text):
 *
 * <pre>
 * challenge.label=Le défi de votre ville
 * challenge.description=Le problème ...
 * objectiveType.values.impact=Impact : un changement mesurable
 * requestedAmount.appearance.suffixAdorner=€
 * Text_Intro.text=### Demander une subvention ...
 * </pre>
 *
 * <p>Only texts change: keys, values, validation rules, conditions and layout stay as deployed, so
 * the server validates the translated form exactly as the English one. A text that holds no letter
 * ("€") needs no translation; a FEEL expression ({@code "=..."}) is never translated.
 */
@Component
public class FormTexts {

  /** Where the translation files are, on the classpath (the top-level {@code forms/} folder). */
  public static final String FOLDER = "forms/i18n";

  /** The component properties that hold words a person reads. */
  static final List<String> TEXT_PROPERTIES = List.of("label", "description", "placeholder", "text", "dateLabel",
      "timeLabel", "title", "appearance.prefixAdorner", "appearance.suffixAdorner");

  private static final Pattern LETTER = Pattern.compile("\\p{L}");

  private final ObjectMapper mapper = new ObjectMapper();
  private final Map<String, Map<String, String>> files = new ConcurrentHashMap<>();

  /**
   * The human texts of a form by their translation key, in the form's order: what a translation
   * file for another language must hold.
   */
  public static Map<String, String> texts(JsonNode form) {
    Map<String, String> texts = new LinkedHashMap<>();
    visit(form, (key, node) -> texts.put(key, textOf(node)));
    return texts;
  }

  /** The translation of one text of a form ({@code "challenge.label"}), if the language has one. */
  public Optional<String> text(String formId, String key, Locale language) {
    return Optional.ofNullable(translations(formId, language).get(key));
  }

  /** The label a field shows in this language ({@code label}, or a date field's {@code dateLabel}). */
  public Optional<String> label(String formId, String fieldKey, Locale language) {
    return text(formId, fieldKey + ".label", language).or(() -> text(formId, fieldKey + ".dateLabel", language));
  }

  /** What an option of a select or radio is called in this language. */
  public Optional<String> optionLabel(String formId, String fieldKey, Object value, Locale language) {
    return text(formId, fieldKey + ".values." + value, language);
  }

  /** The translations of a form for a language, by key; empty for English and for a language without a file. */
  public Map<String, String> translations(String formId, Locale language) {
    if (language == null || Languages.FALLBACK.getLanguage().equals(language.getLanguage())) {
      return Map.of();
    }
    return files.computeIfAbsent(formId + "_" + language.getLanguage(),
        file -> TranslationFile.texts(FOLDER, formId, language));
  }

  /**
   * The form in the reader's language: a copy of the deployed form with each text that has a
   * translation replaced; the form itself when the language has none (English).
   */
  public JsonNode translate(JsonNode form, Locale language) {
    Map<String, String> translations = translations(form.path("id").asText(), language);
    if (translations.isEmpty()) {
      return form;
    }
    JsonNode copy = form.deepCopy();
    visit(copy, (key, node) -> {
      String translation = translations.get(key);
      if (translation != null) {
        node.parent().put(node.property(), translation);
      }
    });
    return copy;
  }

  /** The form's JSON as deployed, translated; the same bytes when nothing is translated or it is no form. */
  public byte[] translate(byte[] formJson, Locale language) {
    if (Languages.FALLBACK.getLanguage().equals(language.getLanguage())) {
      return formJson;
    }
    try {
      JsonNode form = mapper.readTree(formJson);
      JsonNode translated = translate(form, language);
      return translated == form ? formJson : mapper.writeValueAsBytes(translated);
    } catch (IOException notAForm) {
      return formJson;
    }
  }

  /** Where a text sits in the form's JSON: its object and property. */
  private record TextNode(ObjectNode parent, String property) {}

  private static String textOf(TextNode node) {
    return node.parent().path(node.property()).asText();
  }

  /** Every human text of the form, with its translation key. */
  private static void visit(JsonNode form, BiConsumer<String, TextNode> action) {
    visitComponents(form.path("components"), action);
  }

  private static void visitComponents(JsonNode components, BiConsumer<String, TextNode> action) {
    for (JsonNode component : components) {
      if (!(component instanceof ObjectNode object)) {
        continue;
      }
      String name = component.hasNonNull("key") ? component.get("key").asText() : component.path("id").asText();
      for (String property : TEXT_PROPERTIES) {
        int dot = property.indexOf('.');
        JsonNode holder = dot < 0 ? object : object.path(property.substring(0, dot));
        String field = dot < 0 ? property : property.substring(dot + 1);
        if (holder instanceof ObjectNode holderObject && isHumanText(holder.get(field))) {
          action.accept(name + "." + property, new TextNode(holderObject, field));
        }
      }
      for (JsonNode option : component.path("values")) {
        if (option instanceof ObjectNode optionObject && isHumanText(option.get("label"))) {
          action.accept(name + ".values." + option.path("value").asText(), new TextNode(optionObject, "label"));
        }
      }
      visitComponents(component.path("components"), action);
    }
  }

  /** Words a person reads: a string with a letter in it that is no FEEL expression. */
  static boolean isHumanText(JsonNode value) {
    return value != null && value.isTextual() && !value.asText().startsWith("=") && LETTER.matcher(value.asText()).find();
  }
}

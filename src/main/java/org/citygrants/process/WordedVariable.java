package org.citygrants.process;

import java.util.Collection;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Function;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.citygrants.language.Languages;

/**
 * A process variable that people read as words and that Java writes (a form's read-only field or
 * text, a Tasklist column, a task description's {@code ${...}}): "reported 9,000.00 EUR, 3,000.00
 * above the 6,000.00 committed", "Tranche 2". It is written once per language, from the same facts
 * and the bundles' words ({@code language.Words}): English under its name (what the models'
 * expressions, Cockpit and English readers see), each other language under
 * {@code <name>_<language>} ({@code spendingFlag_fr}). The engine's answers to Tasklist give each
 * reader the value in their language ({@code rest.EngineAnswers}: a form's variables, a task
 * list's columns, a task's description).
 */
public record WordedVariable(String name) {

  public WordedVariable {
    Objects.requireNonNull(name);
  }

  public static WordedVariable of(String name) {
    return new WordedVariable(name);
  }

  /** The name of a variable's copy in a language: itself in English, {@code spendingFlag_fr} in French. */
  public static String nameIn(String name, Locale language) {
    return language == null || Languages.FALLBACK.getLanguage().equals(language.getLanguage()) ? name
        : name + "_" + language.getLanguage();
  }

  public String nameIn(Locale language) {
    return nameIn(name, language);
  }

  /** Writes the words in each language ({@code languages} holds English), each from {@code words}. */
  public void set(VariableScope scope, Collection<Locale> languages, Function<Locale, String> words) {
    scope.setVariable(name, words.apply(Languages.FALLBACK));
    for (Locale language : languages) {
      if (!Languages.FALLBACK.getLanguage().equals(language.getLanguage())) {
        scope.setVariable(nameIn(language), words.apply(language));
      }
    }
  }

  /** {@link #set}, as variables of the scope itself (a task's own). */
  public void setLocal(VariableScope scope, Collection<Locale> languages, Function<Locale, String> words) {
    scope.setVariableLocal(name, words.apply(Languages.FALLBACK));
    for (Locale language : languages) {
      if (!Languages.FALLBACK.getLanguage().equals(language.getLanguage())) {
        scope.setVariableLocal(nameIn(language), words.apply(language));
      }
    }
  }

  /** The same text in every language (none to say: an empty flag). */
  public void clear(VariableScope scope, Collection<Locale> languages) {
    set(scope, languages, language -> "");
  }

  /** The English words, or null when not set. */
  public String get(VariableScope scope) {
    Object value = scope.getVariable(name);
    return value == null ? null : value.toString();
  }

  /** The words in a language; English where that language has no copy (written before it was added). */
  public String get(VariableScope scope, Locale language) {
    Object value = scope.getVariable(nameIn(language));
    return value == null ? get(scope) : value.toString();
  }
}

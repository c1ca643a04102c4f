/*
 * Camunda Forms in Tasklist: form-js's own validation messages in the reader's language.
 *
 * Why: form-js (the Camunda Forms renderer in Tasklist 7.24) writes its messages in English in its
 * code ("Field is required.", "Field must have minimum value of 15000.") and offers no way to
 * translate them: no message option, no translation service. It shows them as the items of a
 * list under the field (.fjs-form-field-error li).
 *
 * So for a reader of another language than English, each such message is read against form-js's
 * English messages (texts.js, FORM_JS_*, with their values as {{name}}) and its text replaced by
 * the reader's ("Ce champ est obligatoire.", "La valeur doit être d’au moins 15 000."), numbers
 * written as the reader's language writes them. The message's own text node is changed in place,
 * so when form-js changes the message it writes into that node again, and the new message is read
 * again. English readers see form-js's words untouched; a page switched back to English gets
 * them back. A message this script does not know stays as form-js wrote it.
 *
 * form-js's other words are handled the same way (texts.js, FORM_WORD_*): a list's "Select" and
 * "Search", its "No results" and "All values selected", a tag's "Remove tag", a repeated row's
 * "Remove list item 2", a number's "Increment" and "Decrement" (the last ones are read aloud by
 * screen readers). The date picker's month and day names are date-fields.js's.
 */
import {language, onLanguageChange, textsOf} from '../../../city-grants/language.js';
import TEXTS from './texts.js';

(function () {
  const say = textsOf(TEXTS);
  const PREFIX = 'FORM_JS_';
  const MESSAGES = '.fjs-form-field-error li';
  /** Per text node: the English message form-js wrote, and what is shown instead. */
  const shown = new WeakMap();

  function escapeForPattern(text) {
    return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  }

  /** form-js's messages as patterns: "Field must have minimum value of {{min}}." reads "…of 15000." */
  const READINGS = readingsOf(PREFIX);
  /** form-js's other words as patterns ("Remove list item {{number}}"). */
  const WORD_READINGS = readingsOf('FORM_WORD_');

  function readingsOf(prefix) {
    return Object.keys(TEXTS.en).filter(function (key) {
      return key.indexOf(prefix) === 0;
    }).map(reading);
  }

  function reading(key) {
    const names = [];
    const pattern = TEXTS.en[key].split(/(\{\{\s*\w+\s*\}\})/).map(function (part) {
      const placeholder = /^\{\{\s*(\w+)\s*\}\}$/.exec(part);
      if (placeholder) {
        names.push(placeholder[1]);
        return '(.+?)';
      }
      return escapeForPattern(part);
    }).join('');
    return {key: key, names: names, pattern: new RegExp('^' + pattern + '$')};
  }

  function inReadersWriting(value, tag) {
    return /^-?\d+(\.\d+)?$/.test(value) ? new Intl.NumberFormat(tag).format(Number(value)) : value;
  }

  /** The English message in the language, or null when it is not one of form-js's known messages. */
  function translate(english, tag, readings) {
    const text = english.trim();
    const known = readings || READINGS;
    for (let i = 0; i < known.length; i++) {
      const match = known[i].pattern.exec(text);
      if (match) {
        const params = {};
        known[i].names.forEach(function (name, index) {
          params[name] = inReadersWriting(match[index + 1], tag);
        });
        return say.inLanguage(tag, known[i].key, params);
      }
    }
    return null;
  }

  function rewrite(node, tag) {
    const known = shown.get(node);
    // form-js wrote into the node since (or never was it rewritten): that is its English message
    const english = known && node.data === known.shown ? known.english : node.data;
    const text = tag === 'en' ? english : translate(english, tag);
    if (text === null) {
      shown.delete(node);
      return;
    }
    if (node.data !== text) {
      node.data = text;
    }
    shown.set(node, {english: english, shown: text});
  }

  function rewriteAll() {
    const tag = language();
    const items = document.querySelectorAll(MESSAGES);
    for (let i = 0; i < items.length; i++) {
      for (let node = items[i].firstChild; node; node = node.nextSibling) {
        if (node.nodeType === Node.TEXT_NODE && (tag !== 'en' || shown.has(node))) {
          rewrite(node, tag);
        }
      }
    }
  }

  /** Where form-js writes its other words: the element, and its attribute (none: its own text). */
  const WORD_PLACES = [
    {selector: '.fjs-select-placeholder'},
    {selector: '.fjs-dropdownlist-empty'},
    {selector: '.fjs-container input[placeholder]', attribute: 'placeholder'},
    {selector: '.fjs-taglist-tag-remove', attribute: 'title'},
    {selector: '.fjs-repeat-row-remove', attribute: 'aria-label'},
    {selector: '.fjs-number-arrow-container button', attribute: 'aria-label'}
  ];
  /** Per element and attribute: the English word form-js wrote, and what is shown instead. */
  const shownWords = new WeakMap();

  function rewriteWord(element, attribute, tag) {
    const node = attribute ? null : Array.prototype.find.call(element.childNodes, function (child) {
      return child.nodeType === Node.TEXT_NODE;
    });
    if (!attribute && !node) {
      return;
    }
    const current = attribute ? element.getAttribute(attribute) : node.data;
    const memory = shownWords.get(element) || {};
    const known = memory[attribute || ''];
    if (tag === 'en' && !known) {
      return;
    }
    const english = known && current === known.shown ? known.english : current;
    const text = tag === 'en' ? english : translate(english, tag, WORD_READINGS);
    if (text === null) {
      delete memory[attribute || ''];
      return;
    }
    if (current !== text) {
      if (attribute) {
        element.setAttribute(attribute, text);
      } else {
        node.data = text;
      }
    }
    memory[attribute || ''] = {english: english, shown: text};
    shownWords.set(element, memory);
  }

  function rewriteWords() {
    const tag = language();
    WORD_PLACES.forEach(function (place) {
      const elements = document.querySelectorAll(place.selector);
      for (let i = 0; i < elements.length; i++) {
        rewriteWord(elements[i], place.attribute, tag);
      }
    });
  }

  let scheduled = false;
  new MutationObserver(function () {
    // a message or a word appears or changes with some change of the page: look once per batch of changes
    if (!scheduled && (language() !== 'en' || document.querySelector(MESSAGES))) {
      scheduled = true;
      Promise.resolve().then(function () {
        scheduled = false;
        rewriteAll();
        rewriteWords();
      });
    }
  }).observe(document.documentElement, {childList: true, subtree: true, characterData: true, attributes: true,
    attributeFilter: ['placeholder', 'title', 'aria-label']});

  onLanguageChange(function () {
    rewriteAll();
    rewriteWords();
  });
})();

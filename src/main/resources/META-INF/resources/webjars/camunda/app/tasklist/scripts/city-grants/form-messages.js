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
  const READINGS = Object.keys(TEXTS.en).filter(function (key) {
    return key.indexOf(PREFIX) === 0;
  }).map(function (key) {
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
  });

  function inReadersWriting(value, tag) {
    return /^-?\d+(\.\d+)?$/.test(value) ? new Intl.NumberFormat(tag).format(Number(value)) : value;
  }

  /** The English message in the language, or null when it is not one of form-js's known messages. */
  function translate(english, tag) {
    const text = english.trim();
    for (let i = 0; i < READINGS.length; i++) {
      const match = READINGS[i].pattern.exec(text);
      if (match) {
        const params = {};
        READINGS[i].names.forEach(function (name, index) {
          params[name] = inReadersWriting(match[index + 1], tag);
        });
        return say.inLanguage(tag, READINGS[i].key, params);
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

  let scheduled = false;
  new MutationObserver(function () {
    // a message appears or changes with some change of the page: look once per batch of changes
    if (!scheduled && (language() !== 'en' || document.querySelector(MESSAGES))) {
      scheduled = true;
      Promise.resolve().then(function () {
        scheduled = false;
        rewriteAll();
      });
    }
  }).observe(document.documentElement, {childList: true, subtree: true, characterData: true});

  onLanguageChange(rewriteAll);
})();

// The words of the product's own pages (grant page, cohort view) in the reader's language, and the
// language chooser. The texts are data: GET /api/texts/{page} answers the page's fixed texts in the
// person's language (their choice, else their browser's, else English), with {0}-style
// placeholders for the page to fill in; choosing a language PUTs /api/me/language (stored with the
// user, mails follow it too) and the page draws itself again.
window.PageTexts = (function () {
  'use strict';

  // each language by its own name, as a reader looks for it
  const NAMES = { en: 'English', fr: 'Français', pt: 'Português' };
  const LOCALES = { en: 'en-GB', fr: 'fr-FR', pt: 'pt-PT' };

  async function load(page) {
    const response = await fetch(`../api/texts/${page}`, {
      credentials: 'same-origin',
      headers: { Accept: 'application/json', 'X-Requested-With': 'XMLHttpRequest' }
    });
    if (response.status === 401) {
      window.location.href = '../camunda/app/tasklist/'; // sign in first
      return null;
    }
    if (!response.ok) throw new Error(`The page's texts could not be loaded (${response.status}).`);
    const setting = await response.json();
    const t = (key, ...args) => {
      const text = setting.texts[key];
      if (text === undefined) return key;
      return text.replace(/\{(\d+)\}/g, (whole, n) => (args[n] === undefined ? whole : String(args[n])));
    };
    return Object.assign(setting, { t, locale: LOCALES[setting.language] || setting.language });
  }

  /** Sets the fixed texts of elements marked data-text (text), data-text-aria (aria-label), data-text-title (title). */
  function apply(texts) {
    document.documentElement.lang = texts.language;
    document.querySelectorAll('[data-text]').forEach((node) => { node.textContent = texts.t(node.dataset.text); });
    document.querySelectorAll('[data-text-aria]').forEach((node) => node.setAttribute('aria-label', texts.t(node.dataset.textAria)));
  }

  /**
   * The webapps' CSRF token, which every change made with their session carries. Their cookie is
   * limited to /camunda, so this page asks the application for it.
   */
  async function csrfToken() {
    const response = await fetch('../api/me/csrf-token', {
      credentials: 'same-origin', headers: { Accept: 'application/json', 'X-Requested-With': 'XMLHttpRequest' }
    });
    if (!response.ok) return null;
    return (await response.json()).token;
  }

  async function choose(language) {
    const response = await fetch('../api/me/language', {
      method: 'PUT',
      credentials: 'same-origin',
      headers: { 'Content-Type': 'application/json', Accept: 'application/json',
        'X-Requested-With': 'XMLHttpRequest', 'X-XSRF-TOKEN': await csrfToken() },
      body: JSON.stringify({ language })
    });
    if (!response.ok) throw new Error(String(response.status));
  }

  /** The chooser (English / Français) in the element with id languageChooser; onChosen() draws the page again. */
  function chooser(texts, onChosen) {
    const host = document.getElementById('languageChooser');
    if (!host) return;
    const select = document.createElement('select');
    select.id = 'language';
    texts.supported.forEach((tag) => {
      const option = document.createElement('option');
      option.value = tag;
      option.lang = tag;
      option.textContent = NAMES[tag] || tag;
      option.selected = tag === texts.language;
      select.append(option);
    });
    const label = document.createElement('label');
    label.htmlFor = 'language';
    label.className = 'language-label';
    label.textContent = texts.t('common.language');
    select.addEventListener('change', async () => {
      select.disabled = true;
      try {
        await choose(select.value);
        await onChosen();
      } catch (error) {
        const status = document.getElementById('status');
        status.textContent = texts.t('common.languageFailed', error.message);
        status.classList.add('error');
      } finally {
        select.disabled = false;
      }
    });
    host.replaceChildren(label, select);
  }

  return { load, apply, chooser, csrfToken };
}());

/*
 * Camunda Forms in Tasklist: a date typed into a date field is taken only if that day exists.
 *
 * Why: form-js's date field lets people type the day (flatpickr with `allowInput`), and
 * flatpickr reads what was typed by setting day, month and year one after the other on a
 * JavaScript Date, which rolls over: 32/13/2026 becomes 01/01/2027, 31/04/2026 becomes
 * 01/05/2026, and the form sends that other day without a word. A year of two digits (3/4/26)
 * becomes the year 26, or the field goes blank.
 *
 * So each date field reads typed text itself (flatpickr's `parseDate` option, set on the
 * field's flatpickr instance when the field gets the focus): in the field's own format
 * (dd/mm/yyyy, mm/dd/yyyy... as the browser's language writes dates), a month from 1 to 12, a
 * day that the month has, a year of four digits. Anything else is not taken: the field stays
 * empty and says under it, in words, what was wrong and how to write the day; Complete is
 * refused while that message shows (scripts/city-grants/complete-button.js). Typing again or
 * choosing a day in the calendar removes the message. The server refuses an impossible day
 * sent any other way (validation/FormInputValidator). The message is in the reader's language
 * (texts.js: "Date non retenue : 32/13/2026 n’est pas un jour du calendrier ...").
 *
 * The calendar speaks the reader's language too: form-js gives flatpickr no locale, so its months
 * and days are English ("January", "Su Mo Tu") and weeks start on Sunday. Each date field's
 * flatpickr gets, before it opens (a press on the field, or the focus), the month and day names
 * of the reader's language from the browser (Intl.DateTimeFormat: "janvier", "lun."), the first day
 * of the week of that language, and its few other words from texts.js (DATE_PICKER_*).
 */
import {language, onLanguageChange, textsOf} from '../../../city-grants/language.js';
import TEXTS from './texts.js';

(function () {
  // the class complete-button.js looks for before it lets a form be completed
  const REFUSED = 'city-grants-date-refused';
  /** The words of the refusal in the reader's language (texts.js). */
  const say = textsOf(TEXTS);
  const PARTS = {d: 'day', j: 'day', m: 'month', n: 'month', Y: 'year', y: 'shortYear'};
  const EARLIEST_YEAR = 1900;

  function escapeForPattern(text) {
    return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  }

  /**
   * What the typed text means in flatpickr's date format (e.g. "d/m/Y"): {date}, {problem}, or null
   * for a format this script does not read (a time in it), which flatpickr then reads itself.
   */
  function read(text, format) {
    let pattern = '^\\s*';
    const order = [];
    for (let i = 0; i < format.length; i++) {
      const token = format[i];
      if (token === '\\') {
        pattern += escapeForPattern(format[++i] || '');
      } else if (PARTS[token]) {
        order.push(PARTS[token]);
        pattern += token === 'Y' ? '(\\d{4})' : '(\\d{1,2})';
      } else if (/[A-Za-z]/.test(token)) {
        return null;
      } else {
        pattern += '\\s*' + escapeForPattern(token) + '\\s*';
      }
    }
    const match = new RegExp(pattern + '\\s*$').exec(text);
    if (!match) {
      return {problem: say('DATE_NOT_WHOLE')};
    }
    const parts = {};
    order.forEach(function (name, index) { parts[name] = parseInt(match[index + 1], 10); });
    const year = parts.year !== undefined ? parts.year : 2000 + parts.shortYear;
    const month = parts.month;
    const day = parts.day;
    if (month < 1 || month > 12) {
      return {problem: say('DATE_NO_SUCH_MONTH', {month: month})};
    }
    if (year < EARLIEST_YEAR) {
      return {problem: say('DATE_TOO_EARLY', {year: EARLIEST_YEAR})};
    }
    const daysInMonth = new Date(year, month, 0).getDate();
    if (day < 1 || day > daysInMonth) {
      return {problem: day < 1 ? say('DATE_NO_SUCH_DAY', {day: day})
        : say('DATE_MONTH_TOO_SHORT', {month: monthName(month, year) + (month === 2 ? ' ' + year : ''), days: daysInMonth})};
    }
    return {date: new Date(year, month - 1, day)};
  }

  /** The month's name in the reader's language ("February", "février"). */
  function monthName(month, year) {
    return new Date(year, month - 1, 1).toLocaleString(language(), {month: 'long'});
  }

  /** "d/m/Y" as people read it: dd/mm/yyyy (jj/mm/aaaa in French). */
  function shape(format) {
    const day = say('DATE_SHAPE_DAY');
    const month = say('DATE_SHAPE_MONTH');
    const shapes = {d: day, j: day, m: month, n: month, Y: say('DATE_SHAPE_YEAR'), y: say('DATE_SHAPE_SHORT_YEAR')};
    return format.replace(/\\(.)|([djmnYy])/g, function (all, escaped, token) {
      return escaped !== undefined ? escaped : shapes[token];
    });
  }

  function fieldOf(input) {
    return input.closest('.fjs-form-field') || input.parentElement;
  }

  function clearRefusal(input) {
    const field = fieldOf(input);
    const message = field && field.querySelector('.' + REFUSED);
    if (message) {
      message.remove();
    }
  }

  function showRefusal(instance, typed, problem, format) {
    const field = fieldOf(instance.input);
    if (!field) {
      return;
    }
    clearRefusal(instance.input);
    const example = instance.formatDate(new Date(new Date().getFullYear(), 10, 20), format);
    const message = document.createElement('div');
    message.className = 'fjs-form-field-error ' + REFUSED;
    message.setAttribute('role', 'alert');
    message.textContent = say('DATE_NOT_TAKEN', {typed: typed.trim(), problem: problem, shape: shape(format),
      example: example});
    field.appendChild(message);
  }

  /** flatpickr's words in a language: month and day names as the browser writes them in it. */
  function pickerWords(tag) {
    const names = function (options, dates) {
      const format = new Intl.DateTimeFormat(tag, options);
      return dates.map(function (date) { return format.format(date); });
    };
    const months = [];
    const days = [];
    for (let i = 0; i < 12; i++) {
      months.push(new Date(2024, i, 1));
    }
    for (let i = 0; i < 7; i++) {
      days.push(new Date(2024, 0, 7 + i)); // 7 January 2024 was a Sunday, flatpickr's first
    }
    return {
      months: {longhand: names({month: 'long'}, months), shorthand: names({month: 'short'}, months)},
      weekdays: {longhand: names({weekday: 'long'}, days), shorthand: names({weekday: 'short'}, days)},
      firstDayOfWeek: firstDayOfWeek(tag),
      monthAriaLabel: say.inLanguage(tag, 'DATE_PICKER_MONTH'),
      yearAriaLabel: say.inLanguage(tag, 'DATE_PICKER_YEAR'),
      scrollTitle: say.inLanguage(tag, 'DATE_PICKER_SCROLL'),
      toggleTitle: say.inLanguage(tag, 'DATE_PICKER_TOGGLE')
    };
  }

  /** 0 for Sunday, 1 for Monday: the language's own (its main country's) where the browser says it. */
  function firstDayOfWeek(tag) {
    try {
      const locale = new Intl.Locale(tag).maximize();
      const week = typeof locale.getWeekInfo === 'function' ? locale.getWeekInfo() : locale.weekInfo;
      if (week && week.firstDay) {
        return week.firstDay % 7;
      }
    } catch (notKnown) {
      // an older browser: below
    }
    return tag === 'en' ? 0 : 1;
  }

  /** The field's hint "mm/dd/yyyy" (form-js's, in English letters) in the reader's: "mm/jj/aaaa". */
  function speakHint(input) {
    const english = input.dataset.cityGrantsHint || input.getAttribute('placeholder');
    if (!english || !/^[dmy\/.\- ]+$/.test(english)) {
      return;
    }
    input.dataset.cityGrantsHint = english;
    const shapes = {dd: 'DATE_SHAPE_DAY', mm: 'DATE_SHAPE_MONTH', yyyy: 'DATE_SHAPE_YEAR', yy: 'DATE_SHAPE_SHORT_YEAR'};
    const hint = english.replace(/yyyy|yy|dd|mm/g, function (letters) { return say(shapes[letters]); });
    if (input.getAttribute('placeholder') !== hint) {
      input.setAttribute('placeholder', hint);
    }
  }

  /** The calendar in the reader's language; English left as flatpickr has it until another was shown. */
  function speak(instance) {
    if (instance && instance.input) {
      speakHint(instance.input);
    }
    const tag = language();
    if (!instance || typeof instance.set !== 'function' || instance.cityGrantsLanguage === tag
        || (tag === 'en' && !instance.cityGrantsLanguage)) {
      return;
    }
    instance.cityGrantsLanguage = tag;
    instance.set('locale', pickerWords(tag));
  }

  function install(instance) {
    speak(instance);
    if (!instance || !instance.config || instance.config.parseDate && instance.config.parseDate.cityGrants) {
      return;
    }
    const parseDate = function (text, format) {
      const reading = read(String(text), format);
      if (reading === null) {
        // flatpickr's own reading, for a format with a time in it
        delete instance.config.parseDate;
        try {
          return instance.parseDate(text, format);
        } finally {
          instance.config.parseDate = parseDate;
        }
      }
      if (reading.problem) {
        showRefusal(instance, String(text), reading.problem, format);
        return undefined;
      }
      clearRefusal(instance.input);
      return reading.date;
    };
    parseDate.cityGrants = true;
    instance.config.parseDate = parseDate;
  }

  function instanceIn(element) {
    const field = element.closest && element.closest('.fjs-form-field');
    if (!field) {
      return null;
    }
    const inputs = field.querySelectorAll('input');
    for (let i = 0; i < inputs.length; i++) {
      if (inputs[i]._flatpickr) {
        return inputs[i]._flatpickr;
      }
    }
    return null;
  }

  // before anything is typed, the field gets the focus; a press on it opens the calendar first
  window.addEventListener('focusin', function (event) {
    install(instanceIn(event.target));
  }, true);
  window.addEventListener('mousedown', function (event) {
    speak(instanceIn(event.target));
  }, true);
  function speakAll() {
    const inputs = document.querySelectorAll('.fjs-datepicker input');
    for (let i = 0; i < inputs.length; i++) {
      speakHint(inputs[i]);
      speak(inputs[i]._flatpickr);
    }
  }
  onLanguageChange(speakAll);

  // a date field's hint as soon as a form shows one, once per batch of changes of the page
  let scheduled = false;
  new MutationObserver(function () {
    if (!scheduled && (language() !== 'en' || document.querySelector('.fjs-datepicker input[data-city-grants-hint]'))) {
      scheduled = true;
      Promise.resolve().then(function () {
        scheduled = false;
        const inputs = document.querySelectorAll('.fjs-datepicker input[placeholder]');
        for (let i = 0; i < inputs.length; i++) {
          speakHint(inputs[i]);
        }
      });
    }
  }).observe(document.documentElement, {childList: true, subtree: true});

  // typing again, or a day chosen in the calendar (flatpickr then sends "input" itself, with the
  // new day in the field), takes the message away
  ['input', 'change'].forEach(function (type) {
    window.addEventListener(type, function (event) {
      const instance = instanceIn(event.target);
      if (instance && (event.isTrusted || event.target.value)) {
        clearRefusal(event.target);
      }
    }, true);
  });
})();

/*
 * Tasklist's own words above a refusal, in plain language.
 *
 * When the server refuses a completion, Tasklist shows its reason (which says what to do, e.g.
 * "'Amount to pay' is more than the grant has left to pay: at most 35,000.00 EUR ...") after a
 * title of its own: "An error happened while submitting the task form". Nothing went wrong with
 * the system: the task was not completed and nothing was saved. These titles say so.
 *
 * Tasklist reads its words from locales/<language>.json, a whole file per language, with no
 * setting to change one title. So once a language's file is loaded (its "$translateChangeSuccess"),
 * the titles below are put over Tasklist's; the rest of the file stays Tasklist's own. Before the
 * file is loaded nothing is added: a table of a few titles would stop Tasklist from loading it.
 * The titles are in texts.js, in English and French ("Tâche non terminée, rien n’a été enregistré").
 */
import TEXTS from './texts.js';

const angular = window.angular;

/** The titles put over Tasklist's, in each language of texts.js. */
const TITLE_KEYS = ['COMPLETE_ERROR', 'CLAIM_ERROR', 'UNCLAIM_ERROR', 'ASSIGNED_ERROR'];
const TITLES = {};
Object.keys(TEXTS).forEach(function (language) {
  TITLES[language] = {};
  TITLE_KEYS.forEach(function (key) {
    TITLES[language][key] = TEXTS[language][key];
  });
});

let translations = null;

angular.module('cam.tasklist')
  .config(['$translateProvider', function ($translateProvider) {
    translations = $translateProvider.translations.bind($translateProvider);
  }])
  .run(['$rootScope', function ($rootScope) {
    const putOver = function () {
      const tables = translations && translations();
      Object.keys(TITLES).forEach(function (language) {
        // only over a language's file once it is loaded (it has far more than these titles)
        if (tables && tables[language] && tables[language].COMPLETE_ERROR) {
          translations(language, TITLES[language]);
        }
      });
    };
    $rootScope.$on('$translateChangeSuccess', putOver);
    $rootScope.$on('$translateLoadingSuccess', putOver);
    putOver();
  }]);

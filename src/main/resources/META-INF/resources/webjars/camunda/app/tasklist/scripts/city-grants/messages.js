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
 */
const angular = window.angular;

const TITLES = {
  en: {
    COMPLETE_ERROR: 'Not completed, nothing was saved',
    CLAIM_ERROR: 'The task was not claimed',
    UNCLAIM_ERROR: 'The task was not released',
    ASSIGNED_ERROR: 'The task was not assigned'
  },
  de: {
    COMPLETE_ERROR: 'Nicht abgeschlossen, nichts wurde gespeichert',
    CLAIM_ERROR: 'Die Aufgabe wurde nicht übernommen',
    UNCLAIM_ERROR: 'Die Aufgabe wurde nicht freigegeben',
    ASSIGNED_ERROR: 'Die Aufgabe wurde nicht zugewiesen'
  }
};

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

/*
 * The webapps (Tasklist, Cockpit, Admin, Welcome) in the person's language.
 *
 * How Camunda 7.24 picks a language: each app's config.js lists `locales.availableLocales`, and
 * at start-up the app takes the first language of the browser (`navigator.languages[0]`) if it
 * is one of them, else `fallbackLocale`; the words come from locales/<language>.json
 * (angular-translate, the file kept in localStorage "camunda-web" between loads). Nothing there
 * knows the person.
 *
 * Here the language follows the person: once someone is signed in, the application tells their
 * language (GET /api/me/language: their choice stored with their user, else their browser's
 * Accept-Language) and the app switches to it in place ($translate.use: the page is redrawn in
 * the other language, nothing typed is lost). Before anyone signs in, and after signing out, it
 * is the browser's first language the product speaks (not only its very first one, as Camunda
 * does). The signed-in person's language is remembered in this browser (localStorage
 * "cityGrants.language") so the next page load starts in it rather than flashing the other one;
 * signing out forgets it.
 *
 * A language chooser ("English" / "Français", each named in itself) stores the choice with the
 * user (PUT /api/me/language, with the webapps' CSRF token) and switches at once; mails follow
 * the same choice. Tasklist shows it through its header plugin point
 * (scripts/city-grants/language.js); Cockpit, Admin and Welcome have no such point, so it is put
 * into their header's template beside the account menu.
 *
 * The programme's own scripts say their texts with `textsOf(dictionary)`, in the language in use.
 */
import TEXTS from './texts.js';

const angular = window.angular;
const REMEMBERED = 'cityGrants.language';
const CHOOSER_CLASS = 'city-grants-language';

/** The application's root: the webapps' root (app-root, e.g. /camunda) without its last segment. */
export const APP_ROOT = (function () {
  const base = document.querySelector('base');
  const webapps = ((base && base.getAttribute('app-root')) || '').replace(/\/+$/, '');
  return webapps.substring(0, webapps.lastIndexOf('/'));
}());

let available = ['en'];
let fallback = 'en';
let inUse = null;
let csrfCookie = 'XSRF-TOKEN';
const listeners = [];

/** The language the page is shown in now ("en", "fr"). */
export function language() {
  return inUse || fallback;
}

/** Calls back with the new language each time the page changes language. */
export function onLanguageChange(listener) {
  listeners.push(listener);
}

function setInUse(tag) {
  if (!tag || tag === inUse) {
    return;
  }
  inUse = tag;
  document.documentElement.setAttribute('lang', tag);
  listeners.forEach(function (listener) {
    try {
      listener(tag);
    } catch (e) {
      // one script's trouble is not the others'
    }
  });
}

function fill(text, params) {
  return text.replace(/\{\{\s*(\w+)\s*\}\}/g, function (all, name) {
    return params && params[name] !== undefined && params[name] !== null ? String(params[name]) : all;
  });
}

/**
 * A function that says a key of the dictionary ({en: {...}, fr: {...}}) in the language in use,
 * or in a given one, English where that language has no text, {{name}} replaced by params.name.
 */
export function textsOf(dictionary) {
  const sayIn = function (tag, key, params) {
    const table = dictionary[tag] || {};
    const text = Object.prototype.hasOwnProperty.call(table, key) ? table[key] : (dictionary.en || {})[key];
    return text === undefined ? key : fill(text, params);
  };
  const say = function (key, params) {
    return sayIn(language(), key, params);
  };
  say.inLanguage = sayIn;
  return say;
}

const say = textsOf(TEXTS);

/** The first of the browser's languages the app has, else the app's fallback. */
function browserLanguage() {
  const wanted = navigator.languages && navigator.languages.length ? navigator.languages : [navigator.language || ''];
  for (let i = 0; i < wanted.length; i++) {
    const tag = String(wanted[i]).split('-')[0].toLowerCase();
    if (available.indexOf(tag) >= 0) {
      return tag;
    }
  }
  return fallback;
}

function remembered() {
  try {
    return window.localStorage.getItem(REMEMBERED);
  } catch (e) {
    return null;
  }
}

function remember(tag) {
  try {
    if (tag) {
      window.localStorage.setItem(REMEMBERED, tag);
    } else {
      window.localStorage.removeItem(REMEMBERED);
    }
  } catch (e) {
    // a browser without storage starts in its own language
  }
}

function cookie(name) {
  const match = document.cookie.match(new RegExp('(?:^|;\\s*)' + name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&') + '=([^;]*)'));
  return match ? decodeURIComponent(match[1]) : null;
}

/**
 * The headers of a request to the application's API (/api/...) with the webapps' session; for a
 * write, with their CSRF token, as their own requests carry it.
 */
export function apiHeaders(write) {
  const headers = {Accept: 'application/json', 'X-Requested-With': 'XMLHttpRequest'};
  const token = write ? cookie(csrfCookie) : null;
  if (token) {
    headers['X-XSRF-TOKEN'] = token;
  }
  return headers;
}

/** GET of the application's API ({@code /api/...}) with the webapps' session, as JSON. */
export function readApi(path) {
  return fetch(APP_ROOT + path, {credentials: 'same-origin', headers: apiHeaders(false)}).then(function (response) {
    if (!response.ok) {
      throw new Error(path + ': ' + response.status);
    }
    return response.json();
  });
}

/** GET or PUT /api/me/language with the webapps' session ({chosen, language, supported}). */
function mySetting(choice) {
  if (choice === undefined) {
    return readApi('/api/me/language');
  }
  const headers = apiHeaders(true);
  headers['Content-Type'] = 'application/json';
  return fetch(APP_ROOT + '/api/me/language', {
    method: 'PUT', credentials: 'same-origin', headers: headers, body: JSON.stringify({language: choice})
  }).then(function (response) {
    if (!response.ok) {
      throw new Error('language: ' + response.status);
    }
    return response.json();
  });
}

let show = function () {};

/**
 * Makes the app (its AngularJS module, e.g. "cam.tasklist") speak the person's language. Once per
 * app, from a custom script.
 */
export function followThePersonsLanguage(moduleName) {
  angular.module(moduleName)
    // after the app's own translation set-up (registered before custom scripts are loaded): the
    // language to start in
    .config(['$translateProvider', 'configurationProvider', function ($translateProvider, configuration) {
      available = configuration.getAvailableLocales().slice();
      fallback = configuration.getFallbackLocale();
      const last = remembered();
      const start = available.indexOf(last) >= 0 ? last : browserLanguage();
      $translateProvider.preferredLanguage(start);
      setInUse(start);
    }])
    .run(['$rootScope', '$translate', '$injector', 'configuration', function ($rootScope, $translate, $injector, configuration) {
      csrfCookie = configuration.getCsrfCookieName() || csrfCookie;
      $rootScope.$on('$translateChangeSuccess', function (event, change) {
        setInUse(change && change.language);
        datesIn(change && change.language);
      });
      $rootScope.$on('$translateLoadingSuccess', function () {
        datesIn(language());
      });
      // Dates ("in 14 days", "dans 14 jours") are moment's: the apps set its language each time they
      // load a language's file, the last one loaded wins (English, the fallback, can come after
      // French), and not when they switch back to one loaded before
      const datesIn = function (tag) {
        const moment = $injector.has('moment') && $injector.get('moment');
        if (tag && moment && moment.locales().indexOf(tag) >= 0 && moment.locale() !== tag) {
          if ($injector.has('amMoment')) {
            $injector.get('amMoment').changeLocale(tag);
          } else {
            moment.locale(tag);
          }
        }
      };
      // A page drawn in one language and switched to another keeps a few words of the first: the
      // apps translate some once, when a view opens (Tasklist's search box and sorting, Cockpit's
      // search pills). So the page is loaded again in the new language (it starts in the language
      // remembered above) unless there is work on it: a form, a dialog or an edited field. Then it
      // is switched in place, nothing typed is lost, and those few words follow at the next load.
      const startsIn = function (tag) {
        const last = remembered();
        return last ? last === tag : browserLanguage() === tag;
      };
      show = function (tag) {
        if (available.indexOf(tag) < 0 || ($translate.proposedLanguage() || $translate.use()) === tag) {
          return;
        }
        if (startsIn(tag) && !document.querySelector('.fjs-form, .modal, .ng-dirty')) {
          window.location.reload();
          return;
        }
        $translate.use(tag);
      };
      let asked = null;
      const follow = function (authentication) {
        const user = authentication && authentication.name;
        asked = user || null;
        if (!user) {
          remember(null);
          show(browserLanguage());
          return;
        }
        mySetting()
          .then(function (setting) {
            if (asked === user && setting && setting.language) {
              remember(setting.language);
              $rootScope.$applyAsync(function () { show(setting.language); });
            }
          })
          .catch(function () { /* stays in the language it has */ });
      };
      $rootScope.$on('authentication.changed', function (event, authentication) {
        follow(authentication);
      });
      if ($rootScope.authentication && $rootScope.authentication.name) {
        follow($rootScope.authentication);
      }
    }]);
}

/** The chooser's markup: each language named in itself; the one in use marked. */
export const CHOOSER_TEMPLATE = '<span class="' + CHOOSER_CLASS + '" role="group" aria-label="{{ say(\'LANGUAGE\') }}">'
  + '<span class="glyphicon glyphicon-globe" aria-hidden="true"></span>'
  + '<a href ng-repeat="choice in languages" lang="{{ choice.tag }}" ng-click="choose(choice.tag)"'
  + ' ng-class="{\'' + CHOOSER_CLASS + '-current\': choice.tag === inUse()}"'
  + ' aria-pressed="{{ choice.tag === inUse() }}"'
  + ' title="{{ sayIn(choice.tag, \'CHOOSE_LANGUAGE\', {language: choice.name}) }}">{{ choice.name }}</a>'
  + '</span>';

/** The chooser's controller (AngularJS annotation included). */
export const chooserController = ['$scope', '$injector', function ($scope, $injector) {
  $scope.say = say;
  $scope.sayIn = say.inLanguage;
  $scope.inUse = language;
  $scope.languages = available.map(function (tag) {
    return {tag: tag, name: say.inLanguage(tag, 'LANGUAGE_NAME')};
  });
  $scope.choose = function (tag) {
    if (tag === language()) {
      return;
    }
    mySetting(tag)
      .then(function (setting) {
        remember(setting.language);
        $scope.$applyAsync(function () { show(setting.language); });
      })
      .catch(function () {
        $scope.$applyAsync(function () {
          $injector.get('Notifications').addError({status: say('LANGUAGE'), message: say('CHOICE_NOT_SAVED')});
        });
      });
  };
}];

/**
 * The chooser in the header of an app without a header plugin point (Cockpit, Admin, Welcome):
 * beside the account menu, for a signed-in person. Left out if Camunda's header changes shape.
 */
export function addChooserToHeader(moduleName) {
  const account = '<li class="account dropdown"';
  angular.module(moduleName)
    .controller('cityGrantsLanguageController', chooserController)
    .config(['$provide', function ($provide) {
      $provide.decorator('camWidgetHeaderDirective', ['$delegate', function ($delegate) {
        const header = $delegate[0];
        if (typeof header.template === 'string' && header.template.indexOf(account) >= 0
            && header.template.indexOf(CHOOSER_CLASS) < 0) {
          header.template = header.template.replace(account, '<li class="' + CHOOSER_CLASS + '-item"'
            + ' ng-if="authentication.name" ng-controller="cityGrantsLanguageController">' + CHOOSER_TEMPLATE + '</li>'
            + account);
        }
        return $delegate;
      }]);
    }]);
}

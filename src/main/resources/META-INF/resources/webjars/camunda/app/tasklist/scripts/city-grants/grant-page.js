/*
 * The grant's page from Tasklist.
 *
 * All its words are in texts.js, in each language of the product (the reader's: ../../../city-grants/language.js).
 *
 * - A "My grant" link in Tasklist's header for everyone who follows a grant (its city team, its
 *   coach, programme staff and finance): to the grant's page when there is one, to the list of
 *   one's grants (/grants/) otherwise. Asked of the application (GET /api/grants, signed in by
 *   the Tasklist session); no link when the answer is an empty list or an error. Asked again at
 *   sign-in, after an application, and when the person comes back to Tasklist or moves in it
 *   (another task, another filter; at most once in 20 seconds): a grant started, awarded or handed
 *   to a coach meanwhile, in this session or elsewhere, then shows without a new sign-in.
 * - Beside a task's "Add comment": a link to the page of the grant the task belongs to (the
 *   task's grantReference, read as the task's form reads its variables, with the person's rights).
 * - After a city submits its application (the start form of "City experimentation grant"), a
 *   note with the grant's reference and a link to its page: when Tasklist says "The process has
 *   been started", the grants the person follows are asked again, and the one that is new is it.
 */
import {APP_ROOT, readApi, textsOf} from '../../../city-grants/language.js';
import TEXTS from './texts.js';

const angular = window.angular;
/** The words below in the reader's language (texts.js). */
const say = textsOf(TEXTS);

function grantsPage(reference) {
  return APP_ROOT + '/grants/' + (reference ? encodeURIComponent(reference) : '');
}

const GRANTS_CHANGED = 'cityGrants.grantsChanged';
/** The references of the grants the person followed when last asked. */
let known = [];

/** The grants the signed-in person follows (GET /api/grants, with the Tasklist session). */
function followedGrants() {
  return readApi('/api/grants').then(function (grants) {
    const list = Array.isArray(grants) ? grants : [];
    known = list.map(function (grant) { return grant.reference; });
    return list;
  });
}

function showReference(reference) {
  const old = document.getElementById('city-grants-reference-note');
  if (old) {
    old.remove();
  }
  const note = document.createElement('div');
  note.id = 'city-grants-reference-note';
  note.className = 'city-grants-reference-note';
  note.setAttribute('role', 'status');
  const text = document.createElement('p');
  // the sentence around the reference, which is shown in bold
  const marker = '\u0000';
  say('APPLICATION_REGISTERED', {reference: marker}).split(marker).forEach(function (part, index) {
    if (index > 0) {
      const strong = document.createElement('strong');
      strong.textContent = reference;
      text.append(strong);
    }
    text.append(part);
  });
  const link = document.createElement('a');
  link.href = grantsPage(reference);
  link.textContent = say('OPEN_GRANT_PAGE');
  link.className = 'btn btn-primary';
  const close = document.createElement('button');
  close.type = 'button';
  close.className = 'btn btn-default';
  close.textContent = say('CLOSE');
  close.addEventListener('click', function () { note.remove(); });
  note.append(text, link, close);
  document.body.append(note);
}

angular.module('cam.tasklist')
  .config(['ViewsProvider', '$provide', function (ViewsProvider, $provide) {
    ViewsProvider.registerDefaultView('tasklist.navbar.action', {
      id: 'grant-page-action',
      priority: 300,
      template: '<a ng-if="grantLink" ng-href="{{ grantLink.href }}" title="{{ say(grantLink.title, grantLink) }}">'
        + '<span class="glyphicon glyphicon-home"></span> '
        + '<span class="hidden-sm hidden-xs">{{ say(grantLink.label) }}</span></a>',
      controller: ['$scope', '$rootScope', function ($scope, $rootScope) {
        $scope.say = say;
        $scope.grantLink = null;
        let askedAt = 0;
        let askedFor = null;
        function refresh() {
          const user = $rootScope.authentication && $rootScope.authentication.name;
          if (!user) {
            $scope.grantLink = null;
            askedFor = null;
            return;
          }
          if (askedFor !== user) {
            $scope.grantLink = null; // another person: nothing of the last one's while asking
          }
          askedFor = user;
          askedAt = Date.now();
          followedGrants()
            .then(function (grants) {
              if ((($rootScope.authentication || {}).name) !== user) {
                return; // signed out or someone else meanwhile
              }
              if (grants.length === 1) {
                $scope.grantLink = {href: grantsPage(grants[0].reference), label: 'MY_GRANT',
                  title: 'MY_GRANT_TITLE', reference: grants[0].reference};
              } else if (grants.length > 1) {
                $scope.grantLink = {href: grantsPage(''), label: 'GRANTS', title: 'GRANTS_TITLE'};
              } else {
                $scope.grantLink = null;
              }
              $scope.$applyAsync();
            })
            .catch(function () { /* the link stays as it was */ });
        }
        /** Asked again when the person moves in Tasklist or comes back to it, not more than every 20 s. */
        function refreshNowAndThen() {
          if (Date.now() - askedAt > 20000) {
            refresh();
          }
        }
        $rootScope.$watch('authentication.name', refresh);
        $rootScope.$on(GRANTS_CHANGED, refresh);
        $rootScope.$on('$locationChangeSuccess', refreshNowAndThen);
        function whenVisible() {
          if (document.visibilityState === 'visible') {
            refreshNowAndThen();
          }
        }
        document.addEventListener('visibilitychange', whenVisible);
        window.addEventListener('focus', refreshNowAndThen);
        $scope.$on('$destroy', function () {
          document.removeEventListener('visibilitychange', whenVisible);
          window.removeEventListener('focus', refreshNowAndThen);
        });
      }]
    });

    ViewsProvider.registerDefaultView('tasklist.task.action', {
      id: 'grant-page-task-action',
      priority: 50,
      template: '<a ng-if="grantReference" ng-href="{{ grantHref }}" class="grant-page-link" '
        + 'title="{{ say(\'GRANT_PAGE_TITLE\', {reference: grantReference}) }}">'
        + '<span class="glyphicon glyphicon-home"></span> {{ say(\'GRANT_PAGE\') }}</a>',
      controller: ['$scope', '$http', function ($scope, $http) {
        $scope.say = say;
        const engineApi = document.querySelector('base').getAttribute('engine-api');
        $scope.grantReference = null;
        $scope.taskData.observe('task', function (task) {
          $scope.grantReference = null;
          if (!task || !task.id) {
            return;
          }
          // the variables the task's form may read: what the person sees of the task, no more
          $http.get(engineApi + 'engine/default/task/' + encodeURIComponent(task.id) + '/form-variables',
            {params: {variableNames: 'grantReference'}})
            .then(function (response) {
              const variable = response.data && response.data.grantReference;
              const reference = variable && variable.value;
              if (typeof reference === 'string' && /^[A-Z0-9][A-Z0-9-]*$/.test(reference)) {
                $scope.grantReference = reference;
                $scope.grantHref = grantsPage(reference);
              }
            })
            .catch(function () { /* a task without a grant: no link */ });
        });
      }]
    });

    // Tasklist's "The process has been started": ask which grant is new, and say its reference
    $provide.decorator('Notifications', ['$delegate', '$injector', function (Notifications, $injector) {
      const addMessage = Notifications.addMessage;
      Notifications.addMessage = function (message) {
        try {
          const started = $injector.get('$translate').instant('PROCESS_START_OK');
          if (message && message.status === started) {
            const before = known.slice();
            // the grant is registered as the process starts; should the answer come before it, ask again a little later
            const look = function (triesLeft) {
              followedGrants().then(function (grants) {
                const fresh = grants.filter(function (grant) { return before.indexOf(grant.reference) < 0; });
                if (fresh.length === 1) {
                  showReference(fresh[0].reference);
                } else if (fresh.length === 0 && triesLeft > 0) {
                  setTimeout(function () { look(triesLeft - 1); }, 1500);
                  return;
                }
                $injector.get('$rootScope').$broadcast(GRANTS_CHANGED);
              }).catch(function () { /* no note */ });
            };
            look(3);
          }
        } catch (e) {
          // the note is a help, never in the way of Tasklist's own message
        }
        return addMessage.apply(this, arguments);
      };
      return Notifications;
    }]);
  }]);

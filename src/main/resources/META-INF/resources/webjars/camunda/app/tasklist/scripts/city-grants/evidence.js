/*
 * Evidence files on a grant's tasks (Camunda Forms in Tasklist 7 cannot upload files).
 *
 * All its words are in texts.js, in each language of the product.
 *
 * Beside a task's "Add comment": a "Files (n)" button on every task of a grant (the task's
 * grantReference, read as grant-page.js reads it). It opens a window with
 * - the files of this step, and of the steps it reviews (the officer reviewing the procurement
 *   plan sees the plan's files; the approver of a payment the request's invoices), each a download
 *   link with its type, size, who attached it and when;
 * - an "Attach a file" control: the file goes to POST /api/grants/{reference}/documents with this
 *   task's id as its step, with the webapps' CSRF token; the server reads its type from the
 *   content, checks its size and who may attach, and its refusal is shown as it says it;
 * - the grant's other files;
 * - on a file of this step the signed-in person attached, "Remove": it asks why and sends DELETE
 *   /api/documents/{id} with the reason; the server keeps the file's record (who, when, why) and
 *   clears its content (a recorded deletion, never a silent loss).
 * A refusal of a completion (a required file missing) is shown as the server words it, without the
 * engine's wrapper around a task listener's refusal ({@link plainRefusal}).
 * Everything is checked by the application (api.DocumentController, evidence.EvidenceFiles);
 * this script only shows and sends.
 */
import {APP_ROOT, apiHeaders, language, readApi, textsOf} from '../../../city-grants/language.js';
import TEXTS from './texts.js';

const angular = window.angular;
const say = textsOf(TEXTS);

/** The steps whose files a task shows as its own, besides its own: what a reviewer reviews. */
const REVIEWS = {
  Task_ReviewProcurementPlan: ['Task_SubmitProcurementPlan'],
  Task_ConfirmReadiness: ['Task_ObtainInternalAuthorisations', 'Task_SubmitProcurementPlan'],
  Task_RecordCommitteeReview: ['Task_FormInvestmentCommittee', 'minutes'],
  Task_ReviewExperimentPlan: ['Task_PlanExperiment'],
  Task_DecideExperimentOutcome: ['Task_ReportExperimentResults'],
  Task_DecideExcessSpending: ['Task_ReportExperimentResults', 'invoice'],
  Task_ReviewProgressReport: ['Task_SubmitProgressReport'],
  Task_ReviewTransitionPlan: ['Task_SubmitTransitionPlan'],
  Task_ReviewFinalReport: ['Task_SubmitFinalReport'],
  Task_RequestPayment: ['invoice', 'proof-of-payment'],
  Task_ApprovePayment: ['Task_RequestPayment', 'invoice', 'proof-of-payment']
};

const ACCEPT = '.pdf,.png,.jpg,.jpeg,.webp,.odt,.ods,.docx,.xlsx,.csv,.txt,application/pdf,image/png,image/jpeg,image/webp';

function documentsPath(reference) {
  return '/api/grants/' + encodeURIComponent(reference) + '/documents';
}

/** The grant's files (GET, with the Tasklist session), the oldest first. */
function listFiles(reference) {
  return readApi(documentsPath(reference));
}

/** Sends one file for a step; resolves with the file, rejects with the server's sentence. */
function attachFile(reference, step, file) {
  const form = new FormData();
  form.append('file', file, file.name);
  form.append('step', step);
  return fetch(APP_ROOT + documentsPath(reference), {method: 'POST', credentials: 'same-origin', headers: apiHeaders(true), body: form})
    .then(function (response) {
      return response.json().catch(function () { return {}; }).then(function (body) {
        if (!response.ok) {
          throw new Error(body && body.message ? body.message : say('FILES_REFUSED') + ' (' + response.status + ')');
        }
        return body;
      });
    });
}

function size(bytes) {
  const format = function (value) {
    return new Intl.NumberFormat(language(), {maximumFractionDigits: 1}).format(value);
  };
  if (bytes >= 1024 * 1024) {
    return format(bytes / (1024 * 1024)) + ' ' + say('FILES_MB');
  }
  if (bytes >= 1024) {
    return format(bytes / 1024) + ' ' + say('FILES_KB');
  }
  return bytes + ' ' + say('FILES_BYTES');
}

function when(instant) {
  try {
    return new Date(instant).toLocaleString(language(), {dateStyle: 'medium', timeStyle: 'short'});
  } catch (e) {
    return instant;
  }
}

/** Deletes a file with a reason (recorded by the server); resolves with its record, rejects with the server's sentence. */
function removeFile(id, reason) {
  const headers = apiHeaders(true);
  headers['Content-Type'] = 'application/json';
  return fetch(APP_ROOT + '/api/documents/' + encodeURIComponent(id),
    {method: 'DELETE', credentials: 'same-origin', headers: headers, body: JSON.stringify({reason: reason})})
    .then(function (response) {
      return response.json().catch(function () { return {}; }).then(function (body) {
        if (!response.ok) {
          throw new Error(body && body.message ? body.message : say('FILES_REMOVE_REFUSED') + ' (' + response.status + ')');
        }
        return body;
      });
    });
}

/** A file as the window shows it; {@code user} is the signed-in person (who may remove their own files). */
function shown(file, user) {
  const id = /^[0-9a-f-]{36}$/.test(file.id) ? file.id : '';
  return {
    id: id,
    mine: !!user && file.uploadedBy === user,
    name: file.name,
    href: APP_ROOT + '/api/documents/' + id,
    type: file.type,
    size: size(file.size),
    stepName: file.stepName,
    by: say('FILES_BY', {who: file.uploadedByName || file.uploadedBy, when: when(file.uploadedAt)})
  };
}

const WINDOW = ''
  + '<div class="modal-header"><h3 class="modal-title">{{ say(\'FILES_TITLE\', {reference: reference}) }}</h3></div>'
  + '<div class="modal-body city-grants-files">'
  + '  <p ng-if="loadError" class="alert alert-danger" role="alert">{{ loadError }}</p>'
  + '  <h4>{{ say(\'FILES_FOR_STEP\') }}</h4>'
  + '  <p ng-if="!loadError && !forStep.length" class="text-muted city-grants-no-file">{{ say(\'FILES_NONE\') }}</p>'
  + '  <ul class="list-unstyled city-grants-file-list city-grants-step-files">'
  + '    <li ng-repeat="file in forStep"><a ng-href="{{ file.href }}" download="{{ file.name }}" class="city-grants-file" '
  + '        title="{{ say(\'FILES_DOWNLOAD_TITLE\', {name: file.name}) }}"><span class="glyphicon glyphicon-download-alt"></span> {{ file.name }}</a>'
  + '      <small class="text-muted"> · {{ file.stepName }} · {{ file.size }} · {{ file.by }}</small>'
  + '      <button type="button" class="btn btn-link btn-xs city-grants-file-remove" ng-if="file.mine && !file.removing" '
  + '        ng-click="file.removing = true">{{ say(\'FILES_REMOVE\') }}</button>'
  + '      <form ng-if="file.removing" class="city-grants-remove-form" ng-submit="remove(file)" novalidate>'
  + '        <label for="city-grants-remove-{{ $index }}">{{ say(\'FILES_REMOVE_WHY\', {name: file.name}) }}</label>'
  + '        <input type="text" id="city-grants-remove-{{ $index }}" class="form-control city-grants-remove-reason" maxlength="1000" ng-model="file.reason">'
  + '        <p ng-if="file.refusal" class="text-danger city-grants-remove-refusal" role="alert">{{ file.refusal }}</p>'
  + '        <button type="submit" class="btn btn-danger btn-xs city-grants-remove-confirm" ng-disabled="file.sending">{{ say(\'FILES_REMOVE_CONFIRM\') }}</button>'
  + '        <button type="button" class="btn btn-default btn-xs" ng-click="file.removing = false">{{ say(\'FILES_REMOVE_CANCEL\') }}</button>'
  + '      </form></li>'
  + '  </ul>'
  + '  <form class="city-grants-attach" ng-submit="attach()" novalidate>'
  + '    <label for="city-grants-file-input">{{ say(\'FILES_ATTACH_LABEL\') }}</label>'
  + '    <input type="file" id="city-grants-file-input" name="file" accept="' + ACCEPT + '" class="form-control">'
  + '    <p class="help-block">{{ say(\'FILES_HELP\') }}</p>'
  + '    <p ng-if="refusal" class="alert alert-danger city-grants-file-refusal" role="alert">{{ refusal }}</p>'
  + '    <p ng-if="attached" class="alert alert-success city-grants-file-attached" role="status">{{ attached }}</p>'
  + '    <button type="submit" class="btn btn-primary city-grants-attach-button" ng-disabled="sending">'
  + '      {{ sending ? say(\'FILES_ATTACHING\') : say(\'FILES_ATTACH\') }}</button>'
  + '  </form>'
  + '  <div ng-if="others.length">'
  + '    <h4>{{ say(\'FILES_OTHER\') }}</h4>'
  + '    <ul class="list-unstyled city-grants-file-list city-grants-other-files">'
  + '      <li ng-repeat="file in others"><a ng-href="{{ file.href }}" download="{{ file.name }}" class="city-grants-file">'
  + '        <span class="glyphicon glyphicon-download-alt"></span> {{ file.name }}</a>'
  + '        <small class="text-muted"> · {{ file.stepName }} · {{ file.size }} · {{ file.by }}</small></li>'
  + '    </ul>'
  + '  </div>'
  + '</div>'
  + '<div class="modal-footer"><button type="button" class="btn btn-default city-grants-files-close" ng-click="$close()">'
  + '{{ say(\'CLOSE\') }}</button></div>';

/**
 * A refusal raised while a task completes, as the webapps' copy of the engine API words it:
 * "Cannot submit task form <id>: ENGINE-03051 There was an exception while invoking the
 * TaskListener. Message: '<the refusal>'". The person reads only the refusal (a required file, a
 * budget above the award...); anything else is left as it is.
 */
function plainRefusal(text) {
  if (typeof text !== 'string') {
    return text;
  }
  const wrapped = /^(?:Cannot submit task form [^:]*: )?ENGINE-03051 [^']*?Message: '([\s\S]*)'\.?$/.exec(text.trim());
  return wrapped ? wrapped[1] : text;
}

angular.module('cam.tasklist')
  .config(['$provide', function ($provide) {
    $provide.decorator('Notifications', ['$delegate', function (Notifications) {
      const addError = Notifications.addError;
      Notifications.addError = function (error) {
        try {
          if (error && typeof error.message === 'string') {
            error.message = plainRefusal(error.message);
          }
        } catch (e) {
          // Tasklist's own message is shown as it is
        }
        return addError.apply(this, arguments);
      };
      return Notifications;
    }]);
  }])
  .config(['ViewsProvider', function (ViewsProvider) {
    ViewsProvider.registerDefaultView('tasklist.task.action', {
      id: 'evidence-files-task-action',
      priority: 60,
      template: '<a href ng-if="reference" ng-click="open()" class="city-grants-files-button" '
        + 'title="{{ say(\'FILES_BUTTON_TITLE\') }}">'
        + '<span class="glyphicon glyphicon-paperclip"></span> {{ say(\'FILES\') }} ({{ count }})</a>',
      controller: ['$scope', '$rootScope', '$http', '$uibModal', function ($scope, $rootScope, $http, $uibModal) {
        $scope.say = say;
        const engineApi = document.querySelector('base').getAttribute('engine-api');
        let step = null;
        let files = [];
        $scope.reference = null;
        $scope.count = 0;

        function related() {
          return [step].concat(REVIEWS[step] || []);
        }

        function reload() {
          if (!$scope.reference) {
            return Promise.resolve([]);
          }
          return listFiles($scope.reference).then(function (list) {
            files = Array.isArray(list) ? list : [];
            const mine = related();
            $scope.count = files.filter(function (file) { return mine.indexOf(file.step) >= 0; }).length;
            $scope.$applyAsync();
            return files;
          });
        }

        $scope.taskData.observe('task', function (task) {
          $scope.reference = null;
          $scope.count = 0;
          files = [];
          if (!task || !task.id) {
            return;
          }
          step = task.taskDefinitionKey;
          $http.get(engineApi + 'engine/default/task/' + encodeURIComponent(task.id) + '/form-variables',
            {params: {variableNames: 'grantReference'}})
            .then(function (response) {
              const variable = response.data && response.data.grantReference;
              const reference = variable && variable.value;
              if (typeof reference === 'string' && /^[A-Z0-9][A-Z0-9-]*$/.test(reference)) {
                $scope.reference = reference;
                reload().catch(function () { /* the button stays, the window says it */ });
              }
            })
            .catch(function () { /* a task without a grant: no button */ });
        });

        $scope.open = function () {
          const reference = $scope.reference;
          $uibModal.open({
            template: WINDOW,
            windowClass: 'city-grants-files-window',
            controller: ['$scope', function (modal) {
              modal.say = say;
              modal.reference = reference;
              modal.forStep = [];
              modal.others = [];
              function show(list) {
                const mine = related();
                const user = ($rootScope.authentication || {}).name;
                const view = function (file) { return shown(file, user); };
                modal.forStep = list.filter(function (file) { return mine.indexOf(file.step) >= 0; }).map(view);
                modal.others = list.filter(function (file) { return mine.indexOf(file.step) < 0; }).map(view);
                modal.$applyAsync();
              }
              modal.remove = function (file) {
                const reason = (file.reason || '').trim();
                file.refusal = null;
                modal.attached = null;
                if (!reason) {
                  file.refusal = say('FILES_REMOVE_NO_REASON');
                  return;
                }
                file.sending = true;
                removeFile(file.id, reason)
                  .then(function () {
                    modal.attached = say('FILES_REMOVED', {name: file.name});
                    return reload().then(show);
                  })
                  .catch(function (error) {
                    file.refusal = error.message;
                    file.sending = false;
                  })
                  .then(function () { modal.$applyAsync(); });
              };
              reload().then(show).catch(function () {
                modal.loadError = say('FILES_LOAD_ERROR');
                modal.$applyAsync();
              });
              modal.attach = function () {
                const input = document.getElementById('city-grants-file-input');
                const file = input && input.files && input.files[0];
                modal.refusal = null;
                modal.attached = null;
                if (!file) {
                  modal.refusal = say('FILES_CHOOSE');
                  return;
                }
                modal.sending = true;
                attachFile(reference, step, file)
                  .then(function (attached) {
                    modal.attached = say('FILES_ATTACHED', {name: attached.name});
                    input.value = '';
                    return reload().then(show);
                  })
                  .catch(function (error) {
                    modal.refusal = error.message;
                  })
                  .then(function () {
                    modal.sending = false;
                    modal.$applyAsync();
                  });
              };
            }]
          });
        };
      }]
    });
  }]);

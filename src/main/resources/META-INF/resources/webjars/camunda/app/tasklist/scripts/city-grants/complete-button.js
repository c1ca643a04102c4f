/*
 * Camunda Forms in Tasklist: the Complete (or Start) button follows what the person sees.
 *
 * Why: Tasklist 7.24 disables the button whenever form-js's state holds an error (its
 * "changed" listener: `Object.keys(errors).length > 0`). When a rule hides a field
 * (`conditional.hide`: "Approve" ticked hides the required "Your query"), form-js stops
 * drawing and validating that field but keeps the error it already had, from a refused
 * attempt or from leaving the field empty. Nobody can see or fix that error, and the button
 * stays disabled until the page is reloaded. Only a click on Complete would clear it (form-js
 * then validates the fields on screen again), and the button is disabled.
 *
 * So, when Tasklist is told the form is invalid, look (once form-js has drawn the change)
 * whether a field on screen shows an error; if none does, the button is enabled again. The
 * click still runs form-js's validation of every visible field, and the server checks every
 * completion against the same form file, rules included (validation/FormSchema).
 *
 * And when form-js refuses a click, the first field in error is brought into view instead of
 * the generic "An error happened while submitting the task form": the field says what to do.
 * Once the task is completed, an error message left from an earlier attempt goes.
 *
 * A date field that refused a typed day (scripts/city-grants/date-fields.js) counts as a field in
 * error: the click is refused and the field's message brought into view.
 */
const angular = window.angular;

angular.module('cam.tasklist').config(['$provide', function ($provide) {
  $provide.decorator('camTasklistFormCamundaDirective', ['$delegate', '$injector', function ($delegate, $injector) {
    const directive = $delegate[0];
    const link = directive.link;
    // Angular has already made `compile` out of `link`: replace it
    directive.compile = function () {
      return function (scope, element, attrs, tasklistForm) {
        const container = element[0];
        const firstError = function () {
          return container.querySelector('.fjs-has-errors, .city-grants-date-refused');
        };
        const form = Object.create(tasklistForm);

        form.notifyFormValidated = function (invalid) {
          tasklistForm.notifyFormValidated(invalid);
          if (invalid) {
            // form-js draws its new state after the "changed" event: look afterwards
            setTimeout(function () {
              if (container.querySelector('.fjs-form') && !firstError()) {
                tasklistForm.notifyFormValidated(false);
              }
            }, 0);
          }
        };

        form.registerCompletionHandler = function (complete) {
          tasklistForm.registerCompletionHandler(complete && function (done) {
            const refusedDate = container.querySelector('.city-grants-date-refused');
            if (refusedDate) {
              refusedDate.scrollIntoView({block: 'center'});
              return done({message: 'camForm submission prevented'});
            }
            return complete(function (error, result) {
              // form-js's own refusal is its errors by field id, without a message
              if (error && !error.message && !(error instanceof Error)) {
                setTimeout(function () {
                  const field = firstError();
                  if (field) {
                    field.scrollIntoView({block: 'center'});
                  }
                }, 0);
                // Tasklist shows no notification for a prevented submission: its task form looks for
                // "submission prevented" in the message, its start form for exactly this message
                error = {message: 'camForm submission prevented'};
              } else if (!error) {
                $injector.get('Notifications').clear({type: 'danger'});
              }
              done(error, result);
            });
          });
        };

        return link.call(this, scope, element, attrs, form);
      };
    };
    return $delegate;
  }]);
}]);

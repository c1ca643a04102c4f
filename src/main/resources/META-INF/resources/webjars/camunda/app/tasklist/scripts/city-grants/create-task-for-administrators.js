/*
 * "Create task" only for administrators.
 *
 * The engine refuses a free-standing task to everyone but `camunda-admin`
 * (access.EngineInputPolicy): Tasklist should not offer what it then refuses. The stylesheet
 * (styles/user-styles.css) hides the control; this script shows it again, by a class on
 * <body>, once the engine says the signed-in person is a member of `camunda-admin`. Hidden
 * until then, and hidden if the question fails.
 */
const angular = window.angular;
const ADMINISTRATORS = 'camunda-admin';
const SHOWN = 'city-grants-may-create-tasks';

angular.module('cam.tasklist').run(['$rootScope', '$http', function ($rootScope, $http) {
  const engineApi = document.querySelector('base').getAttribute('engine-api');
  let asked = null;

  $rootScope.$watch('authentication.name', function (userId) {
    document.body.classList.remove(SHOWN);
    asked = userId;
    if (!userId) {
      return;
    }
    // the groups of the signed-in person (the engine answers for oneself only)
    $http.get(engineApi + 'engine/default/identity/groups', {params: {userId: userId}})
      .then(function (response) {
        const groups = (response.data && response.data.groups) || [];
        const administrator = groups.some(function (group) { return group.id === ADMINISTRATORS; });
        document.body.classList.toggle(SHOWN, administrator && asked === userId);
      })
      .catch(function () { /* stays hidden */ });
  });
}]);

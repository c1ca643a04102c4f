/*
 * Tasklist in the person's language (../../../city-grants/language.js: their choice stored with
 * their user, else their browser's), and the chooser "English" / "Français" in Tasklist's header,
 * through its plugin point for header items (as grant-page.js adds "My grant").
 */
import {CHOOSER_TEMPLATE, chooserController, followThePersonsLanguage} from '../../../city-grants/language.js';

const angular = window.angular;

followThePersonsLanguage('cam.tasklist');

angular.module('cam.tasklist').config(['ViewsProvider', function (ViewsProvider) {
  ViewsProvider.registerDefaultView('tasklist.navbar.action', {
    id: 'language-action',
    // after "My grant" (300) and Tasklist's own items, before the account menu
    priority: 100,
    template: CHOOSER_TEMPLATE,
    controller: chooserController
  });
}]);

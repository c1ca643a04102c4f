/*
 * The words of the programme's Tasklist scripts, one table per language, the same keys in each
 * ({{name}} is filled in by the script). A test (language/WebappTextsTest) fails when a language
 * of the product lacks a key or a {{name}} of the English text. FORM_JS_* are form-js's own
 * validation messages, in English exactly as form-js writes them (form-messages.js reads them
 * with these texts as patterns and shows the reader's language instead). FORM_WORD_* are form-js's
 * other words (a list's "Select", "Search", "No results"...), exactly as form-js writes them in
 * English; DATE_PICKER_* the date picker's (flatpickr's) few words besides month and day names.
 */
export default {
  "en": {
    "MY_GRANT": "My grant",
    "MY_GRANT_TITLE": "Everything about {{reference}}: terms, next step, payments",
    "GRANTS": "Grants",
    "GRANTS_TITLE": "The grants you follow",
    "GRANT_PAGE": "Grant page",
    "GRANT_PAGE_TITLE": "Terms, next steps, payments and reports of {{reference}}",
    "APPLICATION_REGISTERED": "Your application is registered as {{reference}}. The programme team will size the grant; you will find each next step here, in Tasklist, and everything about the grant on its page.",
    "OPEN_GRANT_PAGE": "Open the grant’s page",
    "CLOSE": "Close",

    "COMPLETE_ERROR": "Not completed, nothing was saved",
    "CLAIM_ERROR": "The task was not claimed",
    "UNCLAIM_ERROR": "The task was not released",
    "ASSIGNED_ERROR": "The task was not assigned",

    "DATE_NOT_TAKEN": "Not taken: {{typed}} {{problem}}. Write the day as {{shape}}, for example {{example}}, or choose it in the calendar.",
    "DATE_NOT_WHOLE": "is not a whole date (day, month and a year of four digits)",
    "DATE_NO_SUCH_MONTH": "is not a day of the calendar (there is no month {{month}})",
    "DATE_TOO_EARLY": "is too long ago: choose a year from {{year}} on",
    "DATE_NO_SUCH_DAY": "is not a day of the calendar (there is no day {{day}})",
    "DATE_MONTH_TOO_SHORT": "is not a day of the calendar ({{month}} has {{days}} days)",
    "DATE_SHAPE_DAY": "dd",
    "DATE_SHAPE_MONTH": "mm",
    "DATE_SHAPE_YEAR": "yyyy",
    "DATE_SHAPE_SHORT_YEAR": "yy",

    "FORM_JS_REQUIRED": "Field is required.",
    "FORM_JS_MIN": "Field must have minimum value of {{min}}.",
    "FORM_JS_MAX": "Field must have maximum value of {{max}}.",
    "FORM_JS_MIN_LENGTH": "Field must have minimum length of {{minLength}}.",
    "FORM_JS_MAX_LENGTH": "Field must have maximum length of {{maxLength}}.",
    "FORM_JS_PATTERN": "Field must match pattern {{pattern}}.",
    "FORM_JS_EMAIL": "Field must be a valid email.",
    "FORM_JS_PHONE": "Field must be a valid  international phone number. (e.g. +4930664040900)",
    "FORM_JS_NOT_A_NUMBER": "Value is not a number.",
    "FORM_JS_INTEGER": "Value is expected to be an integer.",
    "FORM_JS_DECIMAL_DIGIT": "Value is expected to have at most {{digits}} decimal digit.",
    "FORM_JS_DECIMAL_DIGITS": "Value is expected to have at most {{digits}} decimal digits.",
    "FORM_JS_STEP": "Please select a valid value, the two nearest valid values are {{below}} and {{above}}.",

    "FORM_WORD_SELECT": "Select",
    "FORM_WORD_SEARCH": "Search",
    "FORM_WORD_NO_RESULTS": "No results",
    "FORM_WORD_ALL_SELECTED": "All values selected",
    "FORM_WORD_REMOVE_TAG": "Remove tag",
    "FORM_WORD_REMOVE_ITEM": "Remove list item {{number}}",
    "FORM_WORD_INCREMENT": "Increment",
    "FORM_WORD_DECREMENT": "Decrement",
    "DATE_PICKER_MONTH": "Month",
    "DATE_PICKER_YEAR": "Year",
    "DATE_PICKER_SCROLL": "Scroll to increment",
    "DATE_PICKER_TOGGLE": "Click to toggle"
  },
  "fr": {
    "MY_GRANT": "Ma subvention",
    "MY_GRANT_TITLE": "Tout sur {{reference}} : conditions, prochaine étape, paiements",
    "GRANTS": "Subventions",
    "GRANTS_TITLE": "Les subventions que vous suivez",
    "GRANT_PAGE": "Page de la subvention",
    "GRANT_PAGE_TITLE": "Conditions, prochaines étapes, paiements et rapports de {{reference}}",
    "APPLICATION_REGISTERED": "Votre candidature est enregistrée sous la référence {{reference}}. L’équipe du programme va déterminer le montant de la subvention ; vous trouverez chaque étape suivante ici, dans Tasklist, et tout ce qui concerne la subvention sur sa page.",
    "OPEN_GRANT_PAGE": "Ouvrir la page de la subvention",
    "CLOSE": "Fermer",

    "COMPLETE_ERROR": "Tâche non terminée, rien n’a été enregistré",
    "CLAIM_ERROR": "La tâche n’a pas été prise en charge",
    "UNCLAIM_ERROR": "La tâche n’a pas été libérée",
    "ASSIGNED_ERROR": "La tâche n’a pas été attribuée",

    "DATE_NOT_TAKEN": "Date non retenue : {{typed}} {{problem}}. Écrivez la date sous la forme {{shape}}, par exemple {{example}}, ou choisissez-la dans le calendrier.",
    "DATE_NOT_WHOLE": "n’est pas une date complète (jour, mois et année en quatre chiffres)",
    "DATE_NO_SUCH_MONTH": "n’est pas un jour du calendrier (il n’y a pas de mois {{month}})",
    "DATE_TOO_EARLY": "est trop ancienne : choisissez une année à partir de {{year}}",
    "DATE_NO_SUCH_DAY": "n’est pas un jour du calendrier (il n’y a pas de jour {{day}})",
    "DATE_MONTH_TOO_SHORT": "n’est pas un jour du calendrier ({{month}} n’a que {{days}} jours)",
    "DATE_SHAPE_DAY": "jj",
    "DATE_SHAPE_MONTH": "mm",
    "DATE_SHAPE_YEAR": "aaaa",
    "DATE_SHAPE_SHORT_YEAR": "aa",

    "FORM_JS_REQUIRED": "Ce champ est obligatoire.",
    "FORM_JS_MIN": "La valeur doit être d’au moins {{min}}.",
    "FORM_JS_MAX": "La valeur doit être d’au plus {{max}}.",
    "FORM_JS_MIN_LENGTH": "Ce champ doit compter au moins {{minLength}} caractères.",
    "FORM_JS_MAX_LENGTH": "Ce champ doit compter au plus {{maxLength}} caractères.",
    "FORM_JS_PATTERN": "La valeur doit suivre le modèle {{pattern}}.",
    "FORM_JS_EMAIL": "Ce champ doit contenir une adresse e-mail valide.",
    "FORM_JS_PHONE": "Ce champ doit contenir un numéro de téléphone international valide (par exemple +4930664040900).",
    "FORM_JS_NOT_A_NUMBER": "La valeur n’est pas un nombre.",
    "FORM_JS_INTEGER": "La valeur doit être un nombre entier.",
    "FORM_JS_DECIMAL_DIGIT": "La valeur doit avoir au plus {{digits}} décimale.",
    "FORM_JS_DECIMAL_DIGITS": "La valeur doit avoir au plus {{digits}} décimales.",
    "FORM_JS_STEP": "Choisissez une valeur valide : les deux valeurs valides les plus proches sont {{below}} et {{above}}.",

    "FORM_WORD_SELECT": "Choisir",
    "FORM_WORD_SEARCH": "Rechercher",
    "FORM_WORD_NO_RESULTS": "Aucun résultat",
    "FORM_WORD_ALL_SELECTED": "Toutes les valeurs sont choisies",
    "FORM_WORD_REMOVE_TAG": "Retirer",
    "FORM_WORD_REMOVE_ITEM": "Retirer l’élément {{number}} de la liste",
    "FORM_WORD_INCREMENT": "Augmenter",
    "FORM_WORD_DECREMENT": "Diminuer",
    "DATE_PICKER_MONTH": "Mois",
    "DATE_PICKER_YEAR": "Année",
    "DATE_PICKER_SCROLL": "Faites défiler pour augmenter",
    "DATE_PICKER_TOGGLE": "Cliquez pour basculer"
  }
}

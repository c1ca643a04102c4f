export default {
  "en": {
    "LANGUAGE_NAME": "English",
    "LANGUAGE": "Language",
    "CHOOSE_LANGUAGE": "Read the programme’s screens in {{language}} (kept with your user: mails follow it too)",
    "CHOICE_NOT_SAVED": "Your choice of language was not saved: try again in a moment."
  },
  "fr": {
    "LANGUAGE_NAME": "Français",
    "LANGUAGE": "Langue",
    "CHOOSE_LANGUAGE": "Lire les écrans du programme en {{language}} (choix gardé avec votre utilisateur : les e-mails le suivent aussi)",
    "CHOICE_NOT_SAVED": "Votre choix de langue n’a pas été enregistré : réessayez dans un instant."
  }
}

/*
 * Admin in the person's language (../../../city-grants/language.js: their choice stored with their
 * user, else their browser's), with the chooser "English" / "Français" beside the account menu.
 */
import {addChooserToHeader, followThePersonsLanguage} from '../../../city-grants/language.js';

followThePersonsLanguage('cam.admin');
addChooserToHeader('cam.admin');

/**
 * The toolbar popup: tenant switcher, sign-in state and the tab in a compact layout, plus the ways to the side panel,
 * a tab and the in-page drawer. Sign-in runs in the worker, because the popup closes when the sign-in window takes
 * focus (STYLE §9); adding and editing connections hand over to the side panel (C4-04).
 */
import '../shell/extension-shell.js';
import {followBrowserLanguage} from '../locale.js';
import {createShellServices} from '../shell/services.js';

void followBrowserLanguage();

const shell = document.querySelector('conga-extension-shell');
if (shell) shell.services = await createShellServices();

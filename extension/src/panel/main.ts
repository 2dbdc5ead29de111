/**
 * The full tab, in Chromium's side panel, Firefox's sidebar, a browser tab (`?surface=tab`) and the in-page drawer's
 * frame (`?surface=drawer`). This is where connections are added and edited, so a new secret is only ever shown in
 * an extension page (B4-05, C4-04).
 */
import '../shell/extension-shell.js';
import {surfaceOf} from '../pages.js';
import {followBrowserLanguage} from '../locale.js';
import {createShellServices} from '../shell/services.js';

void followBrowserLanguage();

const shell = document.querySelector('conga-extension-shell');
if (shell) {
  shell.surface = surfaceOf(location.search);
  shell.services = await createShellServices();
}

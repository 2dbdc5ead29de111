/**
 * The Promote page, opened in a tab from the popup, the side panel or the options page. It is a full extension page
 * (never the popup, which closes when it loses focus), because applying a promotion hands new secrets over (C4-04).
 */
import {followBrowserLanguage} from '../locale.js';
import {createShellServices} from '../shell/services.js';
import './promote-page.js';

void followBrowserLanguage();

const page = document.querySelector('conga-extension-promote');
if (page) page.services = await createShellServices();

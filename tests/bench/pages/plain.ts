/**
 * `/plain.html`: the built element on a plain page, signed in with a host session, the yardstick of the extension
 * popup's "opened → first rows". The page already loads the built module; the runner's init script sets the token.
 */
import {hostSession} from './host-session.js';

declare global {
  interface Window {
    congaBenchPlain?: {apiBaseUrl: string; accessToken: string};
  }
}

const config = window.congaBenchPlain;
if (!config) throw new Error('no bench configuration on this page');
const element = document.createElement('conga-api-connections');
Object.assign(element, {session: hostSession(config.accessToken)});
element.setAttribute('api-base-url', config.apiBaseUrl);
document.body.append(element);

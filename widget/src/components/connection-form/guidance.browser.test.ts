/**
 * Issue 12: the Add API To API Connection view says the platform recommends the Integration User flow, with a link
 * the host sets on the root (`integration-user-help-url` / `integrationUserHelpUrl`), and no link when unset.
 */
import {html} from 'lit';
import {ifDefined} from 'lit/directives/if-defined.js';
import {expect, fixture, waitUntil} from '@open-wc/testing';
import type {ConnectionType} from '@conga-connections/api-client';
import {createFakeApiClient, fakeSeed} from '@conga-connections/api-client/testing';
import {createFakeAuthSession} from '@conga-connections/auth/testing';
import '../api-connections/api-connections.js';
import type {CongaApiConnections} from '../api-connections/api-connections.js';
import './connection-form.js';
import type {CongaConnectionForm} from './connection-form.js';

const HELP = 'https://documentation.conga.com/en/adding-users';
const GUIDANCE =
  'Conga recommends the Integration User flow instead of an API-to-API connection for most integrations.';

async function open(options: {helpUrl?: string; type?: ConnectionType} = {}) {
  const root = await fixture<CongaApiConnections>(
    html`<conga-api-connections
      .apiClient=${createFakeApiClient(fakeSeed)}
      .session=${createFakeAuthSession()}
      integration-user-help-url=${ifDefined(options.helpUrl)}
    >
      <conga-connection-form
        mode="create"
        connection-type=${options.type ?? 'APItoAPI'}
        .integrations=${fakeSeed.integrations}
      ></conga-connection-form>
    </conga-api-connections>`,
  );
  const form = root.querySelector('conga-connection-form')!;
  await form.updateComplete;
  form.show();
  await waitUntil(() => form.shadowRoot?.querySelector('dialog')?.open, 'the form never opened');
  return {root, form};
}

function guidance(form: CongaConnectionForm): HTMLElement | null {
  return form.shadowRoot?.querySelector<HTMLElement>('[part="guidance"]') ?? null;
}

describe('<conga-connection-form> Integration User guidance', () => {
  it('is accessible with the link', async () => {
    const {form} = await open({helpUrl: HELP});
    await expect(form).to.be.accessible();
  });

  it('says so and links to the page the host set with the attribute', async () => {
    const {form} = await open({helpUrl: HELP});
    expect(guidance(form)?.textContent.replace(/\s+/g, ' ').trim()).to.equal(
      `${GUIDANCE} About the Integration User flow`,
    );
    const link = guidance(form)!.querySelector('a')!;
    expect(link.href).to.equal(HELP);
    expect(link.textContent.trim()).to.equal('About the Integration User flow');
    expect(link.rel).to.equal('noopener noreferrer');
  });

  it('follows the integrationUserHelpUrl property', async () => {
    const {root, form} = await open();
    expect(guidance(form)?.querySelector('a') ?? null).to.equal(null);
    root.integrationUserHelpUrl = `${HELP}?v=2`;
    await waitUntil(() => guidance(form)?.querySelector('a'), 'no link after setting the property');
    expect(guidance(form)!.querySelector('a')!.href).to.equal(`${HELP}?v=2`);
  });

  it('shows the recommendation without a link when none is set, or when it is not an http(s) URL', async () => {
    for (const helpUrl of [undefined, 'javascript:alert(1)']) {
      const {form} = await open({helpUrl});
      expect(guidance(form)?.textContent.replace(/\s+/g, ' ').trim()).to.equal(GUIDANCE);
      expect(guidance(form)!.querySelector('a')).to.equal(null);
    }
  });

  it('is not in the Add UI To API Connection view', async () => {
    const {form} = await open({helpUrl: HELP, type: 'UItoAPI'});
    expect(guidance(form)).to.equal(null);
  });
});

import {describe, expect, it} from 'vitest';
import {LIMITS} from './limits.js';
import {REASONS, reasonMessage, type ReasonCode} from './reasons.js';
import {checkCorsOrigin} from './cors-origins.js';
import {checkClientName, checkConnectionType, checkDescription, checkExternalIdentifier} from './fields.js';
import {checkListParams} from './list-params.js';
import {checkScopes} from './scopes.js';
import type {Finding} from './types.js';
import {checkBackChannelLogoutUri, checkFrontChannelLogoutUri, checkRedirectUri} from './urls.js';
import {validateConnection} from './validate-connection.js';

const entries = Object.entries(REASONS) as [ReasonCode, string][];

/**
 * Texts copied exactly from SECURITY-CASES.md that don't end with a full stop: two end with a URL (a full stop would
 * read as part of it) and two are short labels.
 */
const WITHOUT_FULL_STOP: Partial<Record<ReasonCode, string>> = {
  URL_NOT_ABSOLUTE: 'Enter a full URL starting with https://',
  ORIGIN_MISSING_SCHEME: 'Include the scheme, e.g. https://app.example.com',
  URL_DEVELOPMENT_ONLY: 'Development only',
  URL_PREFER_LOOPBACK_IP: 'Prefer 127.0.0.1',
};

describe('REASONS', () => {
  it.each(entries.filter(([code]) => !(code in WITHOUT_FULL_STOP)))('%s ends with a full stop', (_code, text) => {
    expect(text).toMatch(/\.$/);
  });

  it.each(Object.entries(WITHOUT_FULL_STOP))('%s keeps the exact text of SECURITY-CASES.md', (code, text) => {
    expect(REASONS[code as ReasonCode]).toBe(text);
  });

  it.each(entries)('%s is one trimmed line that starts with a capital letter or a quote', (_code, text) => {
    expect(text).toBe(text.trim());
    expect(text).not.toMatch(/[\n\r]/);
    expect(text).toMatch(/^[A-Z']/);
  });

  it.each(entries)('%s is an <AREA>_<CONDITION> code', (code) => {
    expect(code).toMatch(/^[A-Z]+(?:_[A-Z0-9]+)+$/);
  });

  it('fills every maximum from LIMITS', () => {
    expect(entries.filter(([, text]) => /\bN\b/.test(text))).toEqual([]);
    expect(REASONS.URL_TOO_LONG).toBe(`URL is too long (max ${LIMITS.urlLength} characters).`);
    expect(REASONS.REDIRECT_URIS_TOO_MANY).toBe(`Too many redirect URIs (max ${LIMITS.redirectUris}).`);
    expect(REASONS.CORS_ORIGINS_TOO_MANY).toBe(`Too many CORS origins (max ${LIMITS.corsOrigins}).`);
    expect(REASONS.SCOPES_TOO_MANY).toBe(`Too many scopes (max ${LIMITS.scopes}).`);
    expect(REASONS.SCOPE_TOO_LONG).toBe(`Scope is too long (max ${LIMITS.scopeLength} characters).`);
    expect(REASONS.NAME_TOO_LONG).toBe(`Name must be ${LIMITS.nameLength} characters or fewer.`);
    expect(REASONS.DESCRIPTION_TOO_LONG).toBe(`Description must be ${LIMITS.descriptionLength} characters or fewer.`);
    expect(REASONS.IDENTIFIER_TOO_LONG).toBe(
      `Identifier must be ${LIMITS.externalIdentifierLength} characters or fewer.`,
    );
    expect(REASONS.PAGE_SIZE_OUT_OF_RANGE).toBe(`Page size must be a whole number from 1 to ${LIMITS.pageSizeMax}.`);
  });

  it('keeps the literal "…" where SECURITY-CASES.md writes it', () => {
    expect(REASONS.REDIRECT_URI_FRAGMENT).toBe("Redirect URIs can't contain a fragment (#…).");
    expect(REASONS.URL_USERINFO).toBe('Remove the user-name/password part (…@) from the URL.');
    expect(REASONS.ORIGIN_USERINFO).toBe('Remove the user-name part (…@).');
  });
});

describe('reasonMessage', () => {
  it.each([
    ['ORIGIN_HAS_PATH', 'https://a.example', 'An origin has no path, query or trailing slash. Use https://a.example'],
    [
      'ORIGIN_NORMALIZED',
      'https://a.example',
      'Origins are saved in lower case, with xn-- host names and without the default port. Saved as https://a.example',
    ],
    [
      'URL_HOST_NOT_CANONICAL',
      'a.example',
      'Apps usually send this host in its standard form (lower case, xn--); the value your app sends must match exactly. Usual form: a.example',
    ],
  ] as const)('appends the suggested value to %s', (code, suggestion, message) => {
    expect(reasonMessage(code, suggestion)).toBe(message);
  });

  it('returns the plain text for a reason that shows no value', () => {
    expect(reasonMessage('NAME_REQUIRED', 'ignored')).toBe('Enter a name.');
    expect(reasonMessage('ORIGIN_HAS_PATH')).toBe(REASONS.ORIGIN_HAS_PATH);
  });
});

describe('messages never echo the input', () => {
  const payloads = [
    '<img src=x onerror=window.__pwned=1>',
    '"><svg onload=window.__pwned=1>',
    '${globalThis.__pwned=1}',
    '{{constructor.constructor("x")()}}',
    'Name\u202Egnp.exe',
    'javascript:alert(document.domain)',
    'https://<img src=x onerror=1>.example/cb',
    'https://app.example.com/<svg/onload=1>',
    'HTTPS://Bücher.Example/<b>x</b>',
    'https://App.Example.com/cb?q=%3Cscript%3E__pwned%3C/script%3E',
    'https://app.example.com/cb#<img src=x onerror=1>',
    'app.example.com/<script>',
    'https://u<script>@app.example.com',
  ];

  function allFindings(value: string): Finding[] {
    return [
      ...checkRedirectUri(value),
      ...checkCorsOrigin(value),
      ...checkBackChannelLogoutUri(value),
      ...checkFrontChannelLogoutUri(value, [value]),
      ...checkScopes([value]),
      ...checkClientName(value),
      ...checkDescription(value),
      ...checkExternalIdentifier(value),
      ...checkConnectionType(value),
      ...checkListParams({sortField: value, sortDirection: value, pageSize: value, pageNumber: value}),
      ...validateConnection(
        {
          ExternalIdentifier: value,
          ClientName: value,
          Description: value,
          RedirectURI: [value],
          CorsOrigins: [value],
          BackChannelLogoutURI: value,
          FrontChannelLogoutURI: value,
          AllowedScopes: [value],
        },
        {type: 'UItoAPI'},
      ).errors,
    ];
  }

  /** A suggestion is a host or an origin that the validator serialized from a parsed URL. */
  const SAFE_SUGGESTION = /^(?:https?:\/\/)?(?:[a-z0-9_.-]+|\[[0-9a-f:.]+\])(?::\d{1,5})?$/;

  it.each(payloads)('builds every message for %j from REASONS and parsed values only', (payload) => {
    const findings = allFindings(payload);
    expect(findings.length).toBeGreaterThan(0);
    for (const finding of findings) {
      const base = REASONS[finding.code];
      expect(finding.message.startsWith(base)).toBe(true);
      const suggestion = finding.message.slice(base.length).replace(/^ (?:Use|Saved as|Usual form:) /, '');
      if (suggestion !== '') expect(suggestion).toMatch(SAFE_SUGGESTION);
      expect(finding.message).not.toMatch(/[<>]|__pwned|onerror|\$\{|\{\{/);
    }
  });
});

/**
 * The reason catalogue that lit-localize extracts (reason-messages.ts) and the lookup the form uses (reason-text.ts)
 * agree with the validation package: the same English, the same ids, the same limit in each placeholder. A wording
 * change in REASONS without the catalogue fails here (its translations would no longer be found).
 */
import {readFileSync} from 'node:fs';
import {resolve} from 'node:path';
import {
  LIMITS,
  REASONS,
  SUGGESTION_LEADS,
  checkCorsOrigin,
  checkRedirectUri,
  type Finding,
} from '@conga-connections/validation';
import {describe, expect, it} from 'vitest';
import {leadCatalogue, reasonCatalogue} from './reason-messages.js';
import {REASON_LIMITS, reasonText} from './reason-text.js';

describe('the reason catalogue', () => {
  it('has every reason code, in English as REASONS writes it, and the leads as SUGGESTION_LEADS', () => {
    expect(reasonCatalogue()).toEqual(REASONS);
    expect(leadCatalogue()).toEqual(SUGGESTION_LEADS);
  });

  it('names the limit that reason-text.ts passes for each placeholder, and no other reason has one', () => {
    const source = readFileSync(resolve(import.meta.dirname, 'reason-messages.ts'), 'utf8');
    const placeholders = Object.fromEntries(
      [...source.matchAll(/(\w+): msg\(\s*str`[^`]*\$\{LIMITS\.(\w+)\}[^`]*`/g)].map(([, code, name]) => [
        code,
        LIMITS[name as keyof typeof LIMITS],
      ]),
    );
    expect(Object.keys(placeholders).length).toBeGreaterThan(5);
    expect(placeholders).toEqual(REASON_LIMITS);
  });
});

describe('reasonText', () => {
  const findings: Finding[] = [
    ...checkCorsOrigin('https://app.example.com/cb'),
    ...checkCorsOrigin('HTTPS://App.Example.COM'),
    ...checkRedirectUri('https://bücher.example/cb'),
    ...checkRedirectUri('https://app.example.com/cb#x'),
    ...checkRedirectUri(`https://app.example.com/${'a'.repeat(LIMITS.urlLength)}`),
  ];

  it('is, in English, the finding’s message: suggested value and limit included', () => {
    expect(findings.map((finding) => finding.code)).toEqual([
      'ORIGIN_HAS_PATH',
      'ORIGIN_NORMALIZED',
      'URL_HOST_NOT_CANONICAL',
      'REDIRECT_URI_FRAGMENT',
      'URL_TOO_LONG',
    ]);
    for (const finding of findings) expect(reasonText(finding)).toBe(finding.message);
  });

  it('appends a suggestion only after the reasons that show one', () => {
    expect(reasonText({code: 'ORIGIN_HAS_PATH', suggestion: 'https://a.example'})).toBe(
      `${REASONS.ORIGIN_HAS_PATH} Use https://a.example`,
    );
    expect(reasonText({code: 'NAME_REQUIRED', suggestion: 'ignored'})).toBe(REASONS.NAME_REQUIRED);
  });
});

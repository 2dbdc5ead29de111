/**
 * A validation finding's text in the admin's language (issue 17), for the form's fields, hints and error summary.
 * The validation package stays free of Lit: the emulator shares it and keeps answering in English
 * (`Errors[].Message`, D-01). Its English `REASONS` is in the form chunk already, so the translation is looked up by
 * the reason's id (`reasons.<CODE>`, extracted from reason-messages.ts) with that English as the fallback: the chunk
 * grows by this lookup, not by a second copy of the English.
 */
import {LIMITS, REASONS, SUGGESTION_LEADS, type Finding, type ReasonCode} from '@conga-connections/validation';
import {msg, str} from '../../localize.js';
import {formatCount} from '../../locale.js';

/** The limit each reason's one placeholder shows (`${LIMITS.…}` in reason-messages.ts; a test keeps them in step). */
export const REASON_LIMITS: Partial<Record<ReasonCode, number>> = {
  REDIRECT_URIS_TOO_MANY: LIMITS.redirectUris,
  URL_TOO_LONG: LIMITS.urlLength,
  CORS_ORIGINS_TOO_MANY: LIMITS.corsOrigins,
  SCOPES_TOO_MANY: LIMITS.scopes,
  SCOPE_TOO_LONG: LIMITS.scopeLength,
  NAME_TOO_LONG: LIMITS.nameLength,
  DESCRIPTION_TOO_LONG: LIMITS.descriptionLength,
  IDENTIFIER_TOO_LONG: LIMITS.externalIdentifierLength,
  PAGE_SIZE_OUT_OF_RANGE: LIMITS.pageSizeMax,
};

/**
 * `msg()` of an English text by id. A translation with a placeholder takes the limit from `values`; the English
 * fallback is the one string in `strings`, which already holds the limit (`REASONS` wrote it in).
 */
function translate(english: string, id: string, limit?: number): string {
  if (limit === undefined) return msg(english, {id});
  return msg(str(Object.assign([english], {raw: [english]}), formatCount(limit)), {id});
}

/** A reason in the current locale. */
export function reasonMessage(code: ReasonCode): string {
  return translate(REASONS[code], `reasons.${code}`, REASON_LIMITS[code]);
}

/**
 * A finding's text in the current locale: its reason, then the suggested value after its lead where the reason
 * shows one, as the validation package's `reasonMessage` builds the English `finding.message`.
 */
export function reasonText(finding: Pick<Finding, 'code' | 'suggestion'>): string {
  const lead = SUGGESTION_LEADS[finding.code];
  const text = reasonMessage(finding.code);
  if (lead === undefined || finding.suggestion === undefined) return text;
  return `${text} ${translate(lead, `reasons.${finding.code}.lead`)} ${finding.suggestion}`;
}

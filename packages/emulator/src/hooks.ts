/**
 * Test hooks: scripted faults and a request log. Off unless the emulator is started with `testHooks: true`
 * (or `--test-hooks`), because a fault hook on a shared server would be a way to break other people's work.
 */

/** One scripted fault: what to match and what to do instead of (or after) answering normally. */
export interface FaultRule {
  /** Matches the request method; any when absent. */
  method?: string;
  /** Matches the path: a string is a prefix of the pathname, a RegExp is tested against pathname + search. */
  path: string | RegExp;
  /** Answers with this status instead of the real handler (the body defaults to the platform's envelope). */
  status?: number;
  headers?: Record<string, string>;
  /** A string is sent as is (e.g. an HTML proxy page or truncated JSON); anything else as JSON. */
  body?: unknown;
  /** Waits this long before doing anything. */
  delayMs?: number;
  /**
   * `before`: close the connection without an answer and without running the handler.
   * `after-commit`: run the handler (the write happens) and then close the connection instead of answering (C4-03).
   * `hang`: never answer (C3-02); the socket is closed when the emulator closes.
   */
  drop?: 'before' | 'after-commit' | 'hang';
  /** How many matching requests this rule applies to; 1 when absent. */
  times?: number;
}

/** One request as the log keeps it: no bodies, no credentials (SECURITY-CASES "nothing lost" check 3). */
export interface LoggedRequest {
  method: string;
  path: string;
  /** The query with credential-bearing parameters redacted. */
  query: string;
  status: number;
  origin: string | null;
  /** `Bearer [redacted]`, `Basic [redacted]` or null: the scheme is useful to tests, the value never. */
  authorization: string | null;
  time: number;
  /** The fault rule that handled it, if any. */
  fault?: FaultRule['drop'] | 'status' | 'delay';
}

const SECRET_PARAMS = new Set([
  'client_secret',
  'code',
  'code_verifier',
  'refresh_token',
  'access_token',
  'id_token',
  'id_token_hint',
  'token',
  'password',
  'logout_token',
]);

/** Redacts credential-bearing query parameters, so the log can be printed and asserted on safely. */
export function redactQuery(search: URLSearchParams): string {
  const copy = new URLSearchParams();
  for (const [key, value] of search) copy.append(key, SECRET_PARAMS.has(key) ? '[redacted]' : value);
  const text = copy.toString();
  return text ? `?${text}` : '';
}

/** Keeps the fault rules and consumes them as requests match. */
export class FaultList {
  readonly #rules: {rule: FaultRule; remaining: number}[] = [];

  /** Adds a rule; returns a function that removes it. */
  add(rule: FaultRule): () => void {
    const entry = {rule, remaining: rule.times ?? 1};
    this.#rules.push(entry);
    return () => {
      const index = this.#rules.indexOf(entry);
      if (index >= 0) this.#rules.splice(index, 1);
    };
  }

  /** Removes every rule. */
  clear(): void {
    this.#rules.length = 0;
  }

  /** The first rule matching this request, consumed by one use. */
  take(method: string, pathname: string, search: string): FaultRule | undefined {
    const entry = this.#rules.find(
      ({rule, remaining}) =>
        remaining > 0 &&
        (rule.method === undefined || rule.method.toUpperCase() === method) &&
        (typeof rule.path === 'string' ? pathname.startsWith(rule.path) : rule.path.test(pathname + search)),
    );
    if (!entry) return undefined;
    entry.remaining -= 1;
    if (entry.remaining === 0) this.#rules.splice(this.#rules.indexOf(entry), 1);
    return entry.rule;
  }
}

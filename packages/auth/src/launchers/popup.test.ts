import {describe, expect, it} from 'vitest';
import type {LauncherKind} from '../transaction-store.js';
import {createFrameLauncher, createPopupLauncher, SILENT_FRAME_POLL_MS, SILENT_SIGN_IN_TIMEOUT_MS} from './popup.js';
import {
  AUTH_RESPONSE_MESSAGE,
  createBrowserPage,
  createRedirectLauncher,
  POPUP_NAME,
  relayTarget,
  SILENT_FRAME_NAME,
  type RelayFacts,
} from './redirect.js';

const ORIGIN = 'https://app.example.test';
const REDIRECT_URI = `${ORIGIN}/admin/`;
const ANSWER = `${REDIRECT_URI}?code=c&state=s&iss=https%3A%2F%2Flogin.example.test`;

/** A DOM element stand-in that records what the launchers do with it. */
interface FakeElement {
  tag: string;
  removed: boolean;
  attributes: Record<string, string>;
  /** Listeners added with addEventListener, by event type. */
  listeners: Map<string, Set<() => void>>;
  [property: string]: unknown;
}

/** A browser window stand-in: messages, timers on a clock of its own, popups and the DOM calls the launchers make. */
function fakeWindow(options: {blockPopups?: boolean} = {}) {
  const listeners = new Set<(event: MessageEvent) => void>();
  const documentListeners = new Map<string, Set<(event: Event) => void>>();
  let now = 0;
  const timers = new Map<number, {callback: () => void; at: number; every?: number}>();
  let nextTimer = 1;
  const opened: {url: string; name: string}[] = [];
  const body: FakeElement[] = [];
  const assigned: string[] = [];
  const popup = {
    closed: false,
    replaced: [] as string[],
    close() {
      this.closed = true;
    },
    location: {
      replace(url: string) {
        popup.replaced.push(url);
      },
    },
  };
  const element = (tag: string): FakeElement => {
    const created: FakeElement = {
      tag,
      removed: false,
      attributes: {},
      listeners: new Map(),
      contentWindow: {},
      contentDocument: null,
      remove() {
        created.removed = true;
      },
      setAttribute(name: string, value: string) {
        created.attributes[name] = value;
      },
      addEventListener(type: string, listener: () => void) {
        created.listeners.set(type, (created.listeners.get(type) ?? new Set()).add(listener));
      },
      removeEventListener(type: string, listener: () => void) {
        created.listeners.get(type)?.delete(listener);
      },
    };
    return created;
  };
  const schedule = (callback: () => void, delay = 0): number => {
    timers.set(nextTimer, {callback, at: now + delay});
    return nextTimer++;
  };
  const repeat = (callback: () => void, delay = 0): number => {
    timers.set(nextTimer, {callback, at: now + delay, every: Math.max(delay, 1)});
    return nextTimer++;
  };
  const window = {
    location: {
      origin: ORIGIN,
      assign(url: string) {
        assigned.push(url);
      },
    },
    open(url: string, name: string) {
      opened.push({url, name});
      return options.blockPopups === true ? null : popup;
    },
    addEventListener(_type: string, listener: (event: MessageEvent) => void) {
      listeners.add(listener);
    },
    removeEventListener(_type: string, listener: (event: MessageEvent) => void) {
      listeners.delete(listener);
    },
    setInterval: repeat,
    clearInterval(id: number) {
      timers.delete(id);
    },
    setTimeout: schedule,
    clearTimeout(id: number) {
      timers.delete(id);
    },
    document: {
      createElement: element,
      addEventListener(type: string, listener: (event: Event) => void) {
        documentListeners.set(type, (documentListeners.get(type) ?? new Set()).add(listener));
      },
      removeEventListener(type: string, listener: (event: Event) => void) {
        documentListeners.get(type)?.delete(listener);
      },
      body: {
        append(child: FakeElement) {
          body.push(child);
        },
      },
    },
  };
  return {
    window: window as unknown as Window,
    popup,
    opened,
    body,
    assigned,
    listeners,
    timers,
    /** How many document listeners are still attached. */
    documentListenerCount: () => [...documentListeners.values()].reduce((count, set) => count + set.size, 0),
    /** Runs every pending timer callback once, as the clock reaching them would. */
    tick() {
      for (const {callback} of [...timers.values()]) callback();
    },
    /** Moves the clock on by `ms` and runs the timers that come due, in order; intervals come due again. */
    advance(ms: number) {
      const end = now + ms;
      for (;;) {
        const due = [...timers].filter(([, timer]) => timer.at <= end).sort(([, a], [, b]) => a.at - b.at)[0];
        if (due === undefined) break;
        const [id, timer] = due;
        now = timer.at;
        if (timer.every === undefined) timers.delete(id);
        else timer.at += timer.every;
        timer.callback();
      }
      now = end;
    },
    /** Delivers a message event to the page. */
    post(data: unknown, from: {origin?: string; source: unknown}) {
      const event = {data, origin: from.origin ?? ORIGIN, source: from.source} as MessageEvent;
      for (const listener of [...listeners]) listener(event);
    },
    /** Fires a `securitypolicyviolation` event at the document, as a browser enforcing its policy does. */
    violate(fields: Partial<SecurityPolicyViolationEvent>) {
      const event = {effectiveDirective: 'frame-src', disposition: 'enforce', blockedURI: '', ...fields};
      for (const listener of [...(documentListeners.get('securitypolicyviolation') ?? [])]) {
        listener(event as unknown as Event);
      }
    },
    /** Finishes loading a document in `frame`: `null` is one of another origin, as `contentDocument` reports it. */
    load(frame: FakeElement | undefined, document: {URL: string} | null) {
      if (frame === undefined) throw new Error('no frame');
      frame.contentDocument = document;
      for (const listener of [...(frame.listeners.get('load') ?? [])]) listener();
    },
  };
}

/** Resolves with where a promise stands after the queued microtasks ran. */
async function settled<T>(promise: Promise<T>): Promise<'pending' | {value: T} | {error: unknown}> {
  const marker = Symbol('pending');
  const result = await Promise.race([
    promise.then(
      (value) => ({value}),
      (error: unknown) => ({error}),
    ),
    new Promise<typeof marker>((resolve) => {
      setImmediate(() => {
        resolve(marker);
      });
    }),
  ]);
  return result === marker ? 'pending' : result;
}

const navigationTo = (url: string): Promise<string> => Promise.resolve(url);

describe('createPopupLauncher', () => {
  it("B2-10 ignores messages from another origin, another window or in another shape, and accepts the popup's answer", async () => {
    const fake = fakeWindow();
    const answer = createPopupLauncher(fake.window).launch(navigationTo('https://login.example.test/authorize'), {
      redirectUri: REDIRECT_URI,
    });
    await settled(answer);
    fake.post({type: AUTH_RESPONSE_MESSAGE, url: ANSWER}, {origin: 'https://evil.example', source: fake.popup});
    fake.post({type: AUTH_RESPONSE_MESSAGE, url: ANSWER}, {source: {}});
    fake.post({type: AUTH_RESPONSE_MESSAGE, url: ANSWER}, {source: null});
    fake.post(ANSWER, {source: fake.popup});
    fake.post({type: 'other', url: ANSWER}, {source: fake.popup});
    fake.post({type: AUTH_RESPONSE_MESSAGE, url: 42}, {source: fake.popup});
    fake.post({type: AUTH_RESPONSE_MESSAGE, url: 'https://evil.example/admin/?code=c'}, {source: fake.popup});
    fake.post({type: AUTH_RESPONSE_MESSAGE, url: `${ORIGIN}/elsewhere?code=c`}, {source: fake.popup});
    expect(await settled(answer)).toBe('pending');
    expect(fake.popup.closed).toBe(false);
    fake.post({type: AUTH_RESPONSE_MESSAGE, url: ANSWER}, {source: fake.popup});
    expect(await settled(answer)).toEqual({value: ANSWER});
    expect(fake.popup.closed).toBe(true);
    expect(fake.listeners.size).toBe(0);
    expect(fake.timers.size).toBe(0);
  });

  it('opens the popup synchronously, then sends it to the authorization URL once it is known', async () => {
    const fake = fakeWindow();
    let resolveNavigation: (url: string) => void = () => undefined;
    const navigation = new Promise<string>((resolve) => {
      resolveNavigation = resolve;
    });
    void createPopupLauncher(fake.window).launch(navigation, {redirectUri: REDIRECT_URI});
    expect(fake.opened).toEqual([{url: 'about:blank', name: 'conga-sign-in'}]);
    expect(fake.popup.replaced).toEqual([]);
    resolveNavigation('https://login.example.test/authorize?x=1');
    await settled(navigation);
    expect(fake.popup.replaced).toEqual(['https://login.example.test/authorize?x=1']);
  });

  it('rejects with AUTH_POPUP_CLOSED when the user closes the popup, and stops listening', async () => {
    const fake = fakeWindow();
    const answer = createPopupLauncher(fake.window).launch(navigationTo('https://login.example.test/authorize'), {
      redirectUri: REDIRECT_URI,
    });
    fake.tick();
    expect(await settled(answer)).toBe('pending');
    fake.popup.closed = true;
    fake.tick();
    expect(await settled(answer)).toEqual({error: expect.objectContaining({code: 'AUTH_POPUP_CLOSED'}) as unknown});
    expect(fake.listeners.size).toBe(0);
    expect(fake.timers.size).toBe(0);
  });

  it('rejects with AUTH_POPUP_BLOCKED when the browser blocks the popup', async () => {
    const fake = fakeWindow({blockPopups: true});
    const answer = createPopupLauncher(fake.window).launch(navigationTo('https://login.example.test/authorize'), {
      redirectUri: REDIRECT_URI,
    });
    await expect(answer).rejects.toMatchObject({
      code: 'AUTH_POPUP_BLOCKED',
      message: 'The sign-in window was blocked. Allow pop-ups for this site, or sign in on this page instead.',
    });
  });

  it('closes the popup and passes the error on when the authorization URL cannot be built', async () => {
    const fake = fakeWindow();
    const failure = new Error('discovery failed');
    const answer = createPopupLauncher(fake.window).launch(Promise.reject(failure), {redirectUri: REDIRECT_URI});
    await expect(answer).rejects.toBe(failure);
    expect(fake.popup.closed).toBe(true);
  });

  it('rejects with AUTH_TIMED_OUT and closes the popup when no answer comes within timeoutMs', async () => {
    const fake = fakeWindow();
    const answer = createPopupLauncher(fake.window, {timeoutMs: 120_000}).launch(
      navigationTo('https://login.example.test/authorize'),
      {redirectUri: REDIRECT_URI},
    );
    expect(await settled(answer)).toBe('pending');
    fake.tick();
    expect(await settled(answer)).toEqual({error: expect.objectContaining({code: 'AUTH_TIMED_OUT'}) as unknown});
    expect(fake.popup.closed).toBe(true);
    expect(fake.listeners.size).toBe(0);
    expect(fake.timers.size).toBe(0);
  });

  it('refuses a redirect URI on another origin, where the answer could never be posted back', () => {
    const fake = fakeWindow();
    expect(() =>
      createPopupLauncher(fake.window).launch(navigationTo('https://login.example.test/authorize'), {
        redirectUri: 'https://other.example.test/cb',
      }),
    ).toThrow(TypeError);
  });
});

describe('createFrameLauncher', () => {
  const AUTHORIZE = 'https://login.example.test/authorize?prompt=none';

  /** Launches a silent attempt and lets the frame be created. */
  async function launchSilent(fake: ReturnType<typeof fakeWindow>, navigation = navigationTo(AUTHORIZE)) {
    const answer = createFrameLauncher(fake.window).launch(navigation, {redirectUri: REDIRECT_URI});
    await settled(answer);
    // Wrapped: an async function that returned the promise itself would wait for it.
    return {answer};
  }

  /** Asserts that the attempt ended with AUTH_LOGIN_REQUIRED and left nothing behind. */
  async function expectStopped(fake: ReturnType<typeof fakeWindow>, answer: Promise<string | undefined>) {
    expect(await settled(answer)).toEqual({error: expect.objectContaining({code: 'AUTH_LOGIN_REQUIRED'}) as unknown});
    for (const frame of fake.body) expect(frame.removed).toBe(true);
    expect(fake.listeners.size).toBe(0);
    expect(fake.documentListenerCount()).toBe(0);
    expect(fake.timers.size).toBe(0);
  }

  it("B2-10 runs the silent request in a hidden named frame and accepts only that frame's answer", async () => {
    const fake = fakeWindow();
    const {answer} = await launchSilent(fake);
    const frame = fake.body[0];
    expect(frame).toMatchObject({tag: 'iframe', name: SILENT_FRAME_NAME, hidden: true, src: AUTHORIZE});
    fake.post({type: AUTH_RESPONSE_MESSAGE, url: ANSWER}, {source: fake.popup});
    fake.post(
      {type: AUTH_RESPONSE_MESSAGE, url: ANSWER},
      {origin: 'https://evil.example', source: frame?.contentWindow},
    );
    expect(await settled(answer)).toBe('pending');
    fake.post({type: AUTH_RESPONSE_MESSAGE, url: ANSWER}, {source: frame?.contentWindow});
    expect(await settled(answer)).toEqual({value: ANSWER});
    expect(frame?.removed).toBe(true);
    expect(fake.listeners.size).toBe(0);
    expect(fake.documentListenerCount()).toBe(0);
    expect(fake.timers.size).toBe(0);
  });

  it('stops a provider that never answers after SILENT_SIGN_IN_TIMEOUT_MS (4 s), not before', async () => {
    expect(SILENT_SIGN_IN_TIMEOUT_MS).toBe(4_000);
    const fake = fakeWindow();
    const {answer} = await launchSilent(fake);
    fake.advance(3_999);
    expect(await settled(answer)).toBe('pending');
    expect(fake.body[0]?.removed).toBe(false);
    fake.advance(1);
    await expectStopped(fake, answer);
  });

  it('counts the time from launch(), so a discovery that hangs is stopped too, and no frame comes afterwards', async () => {
    const fake = fakeWindow();
    let resolveNavigation: (url: string) => void = () => undefined;
    const navigation = new Promise<string>((resolve) => {
      resolveNavigation = resolve;
    });
    const {answer} = await launchSilent(fake, navigation);
    fake.advance(SILENT_SIGN_IN_TIMEOUT_MS);
    await expectStopped(fake, answer);
    resolveNavigation(AUTHORIZE);
    await settled(navigation);
    expect(fake.body).toEqual([]);
  });

  it('keeps a custom timeoutMs', async () => {
    const fake = fakeWindow();
    const answer = createFrameLauncher(fake.window, {timeoutMs: 1_500}).launch(navigationTo(AUTHORIZE), {
      redirectUri: REDIRECT_URI,
    });
    fake.advance(1_499);
    expect(await settled(answer)).toBe('pending');
    fake.advance(1);
    await expectStopped(fake, answer);
  });

  it.each([
    ['its origin', 'https://login.example.test'],
    ['its full URL', AUTHORIZE],
  ])(
    "stops at once when the page's policy refuses the frame (a frame-src violation naming %s)",
    async (_name, blockedURI) => {
      const fake = fakeWindow();
      const {answer} = await launchSilent(fake);
      fake.violate({effectiveDirective: 'frame-src', blockedURI});
      await expectStopped(fake, answer);
    },
  );

  it('ignores violations that are not the refusal of this frame', async () => {
    const fake = fakeWindow();
    const {answer} = await launchSilent(fake);
    fake.violate({effectiveDirective: 'img-src', blockedURI: 'https://login.example.test/logo.png'});
    fake.violate({effectiveDirective: 'frame-src', blockedURI: 'https://ads.example.test'});
    fake.violate({effectiveDirective: 'frame-src', blockedURI: 'https://login.example.test', disposition: 'report'});
    fake.violate({effectiveDirective: 'frame-src', blockedURI: 'inline'});
    expect(await settled(answer)).toBe('pending');
    expect(fake.body[0]?.removed).toBe(false);
  });

  it('stops at once when the frame loads a document of another origin (framing refused, or a page for the user)', async () => {
    const fake = fakeWindow();
    const {answer} = await launchSilent(fake);
    fake.load(fake.body[0], null);
    await expectStopped(fake, answer);
  });

  it("waits for the message when the frame's page at the redirect URI already took the answer out of its address", async () => {
    const fake = fakeWindow();
    const {answer} = await launchSilent(fake);
    const frame = fake.body[0];
    fake.load(frame, {URL: REDIRECT_URI});
    fake.advance(3_000);
    expect(await settled(answer)).toBe('pending');
    fake.post({type: AUTH_RESPONSE_MESSAGE, url: ANSWER}, {source: frame?.contentWindow});
    expect(await settled(answer)).toEqual({value: ANSWER});
  });

  it('reads the answer from the frame as soon as its page of this origin holds it, without waiting for the load', async () => {
    const fake = fakeWindow();
    const {answer} = await launchSilent(fake);
    const frame = fake.body[0];
    if (frame === undefined) throw new Error('no frame');
    // The frame's initial blank document, then the provider (another origin, still loading): nothing yet.
    frame.contentDocument = {URL: 'about:blank'};
    fake.advance(SILENT_FRAME_POLL_MS);
    frame.contentDocument = null;
    fake.advance(SILENT_FRAME_POLL_MS);
    // A page of this origin elsewhere than the redirect URI, or at it without an answer: nothing either.
    frame.contentDocument = {URL: `${ORIGIN}/elsewhere?code=c&state=s`};
    fake.advance(SILENT_FRAME_POLL_MS);
    frame.contentDocument = {URL: REDIRECT_URI};
    fake.advance(SILENT_FRAME_POLL_MS);
    expect(await settled(answer)).toBe('pending');
    frame.contentDocument = {URL: ANSWER};
    fake.advance(SILENT_FRAME_POLL_MS);
    expect(await settled(answer)).toEqual({value: ANSWER});
    expect(frame.removed).toBe(true);
    expect(fake.timers.size).toBe(0);
    expect(fake.documentListenerCount()).toBe(0);
  });

  it("reads a login_required answer from the frame's address just the same", async () => {
    const fake = fakeWindow();
    const {answer} = await launchSilent(fake);
    const loginRequired = `${REDIRECT_URI}?error=login_required&state=s&iss=https%3A%2F%2Flogin.example.test`;
    fake.load(fake.body[0], {URL: loginRequired});
    expect(await settled(answer)).toEqual({value: loginRequired});
  });

  it('before the frame exists, ignores violations and answers nothing', async () => {
    const fake = fakeWindow();
    const answer = createFrameLauncher(fake.window).launch(new Promise<string>(() => undefined), {
      redirectUri: REDIRECT_URI,
    });
    fake.violate({effectiveDirective: 'frame-src', blockedURI: 'https://login.example.test'});
    expect(await settled(answer)).toBe('pending');
  });
});

describe('relayTarget', () => {
  const base: RelayFacts = {startedBy: undefined, name: '', opener: 'none', parent: 'none'};

  it.each<[string, Partial<RelayFacts>, 'opener' | 'parent' | undefined]>([
    ['the sign-in popup, known by its name', {name: POPUP_NAME, opener: 'same-origin'}, 'opener'],
    ['the sign-in popup, known by its stored attempt', {startedBy: 'popup', opener: 'same-origin'}, 'opener'],
    ['the silent frame, known by its name', {name: SILENT_FRAME_NAME, parent: 'same-origin'}, 'parent'],
    ['the silent frame, known by its stored attempt', {startedBy: 'frame', parent: 'same-origin'}, 'parent'],
    ['a top-level page with no opener', {}, undefined],
    ['a page opened by another origin', {opener: 'other-origin'}, undefined],
    ['a page opened by another origin under the popup name', {name: POPUP_NAME, opener: 'other-origin'}, undefined],
    ['a page opened by a page of this origin', {opener: 'same-origin'}, undefined],
    ['a redirect sign-in in a window opened by this origin', {startedBy: 'redirect', opener: 'same-origin'}, undefined],
    [
      'a redirect sign-in even under the popup name',
      {startedBy: 'redirect', name: POPUP_NAME, opener: 'same-origin'},
      undefined,
    ],
    ['a redirect sign-in in a frame of this origin', {startedBy: 'redirect', parent: 'same-origin'}, undefined],
    ['a frame of this origin that is no silent frame', {name: 'host-portal', parent: 'same-origin'}, undefined],
    [
      'a frame named like the silent frame in another origin',
      {name: SILENT_FRAME_NAME, parent: 'other-origin'},
      undefined,
    ],
  ])('%s', (_name, facts, expected) => {
    expect(relayTarget({...base, ...facts})).toBe(expected);
  });
});

describe('createBrowserPage', () => {
  /** `same` is a window of this origin; `other` one of another origin, whose location throws as a browser's does. */
  function pageWindow(options: {opener?: 'same' | 'other'; name?: string; framed?: 'same' | 'other'}) {
    const posted: {to: string; message: unknown; targetOrigin: string}[] = [];
    const windowOf = (kind: 'same' | 'other', role: string) => ({
      get location(): {origin: string} {
        if (kind === 'other')
          throw new DOMException('Blocked a frame from accessing a cross-origin frame.', 'SecurityError');
        return {origin: ORIGIN};
      },
      postMessage(message: unknown, targetOrigin: string) {
        posted.push({to: role, message, targetOrigin});
      },
    });
    const history: string[] = [];
    const self: Record<string, unknown> = {
      location: {origin: ORIGIN, href: ANSWER},
      name: options.name ?? '',
      opener: options.opener === undefined ? null : windowOf(options.opener, 'opener'),
      history: {
        state: null,
        replaceState(_state: unknown, _title: string, url: string) {
          history.push(url);
        },
      },
    };
    self.parent = options.framed === undefined ? self : windowOf(options.framed, 'parent');
    return {window: self as unknown as Window, posted, history};
  }

  it('B2-10 relays the answer from a sign-in popup to its opener with this origin as the explicit target origin', () => {
    const {window, posted} = pageWindow({opener: 'same', name: POPUP_NAME});
    expect(createBrowserPage(window).relay(ANSWER)).toBe(true);
    expect(posted).toEqual([{to: 'opener', message: {type: AUTH_RESPONSE_MESSAGE, url: ANSWER}, targetOrigin: ORIGIN}]);
  });

  it('B2-10 relays the answer from the silent frame to its parent', () => {
    const {window, posted} = pageWindow({name: SILENT_FRAME_NAME, framed: 'same'});
    expect(createBrowserPage(window).relay(ANSWER, 'frame')).toBe(true);
    expect(posted).toEqual([{to: 'parent', message: {type: AUTH_RESPONSE_MESSAGE, url: ANSWER}, targetOrigin: ORIGIN}]);
  });

  it.each<[string, Parameters<typeof pageWindow>[0], LauncherKind | undefined]>([
    ['a top-level page', {}, undefined],
    ['a frame that is not the silent sign-in frame', {framed: 'same', name: 'host-portal'}, undefined],
    ['a window opened by another origin', {opener: 'other'}, undefined],
    ['a window opened by another origin, for its redirect sign-in', {opener: 'other'}, 'redirect'],
    ['a window opened by another origin under the popup name', {opener: 'other', name: POPUP_NAME}, undefined],
    ['a window opened by a page of this origin', {opener: 'same'}, undefined],
    ['a window opened by a page of this origin, for its redirect sign-in', {opener: 'same'}, 'redirect'],
    ['a silent frame inside another origin', {framed: 'other', name: SILENT_FRAME_NAME}, undefined],
  ])('relays nothing from %s: the page redeems the answer itself', (_name, options, startedBy) => {
    const {window, posted} = pageWindow(options);
    expect(createBrowserPage(window).relay(ANSWER, startedBy)).toBe(false);
    expect(posted).toEqual([]);
  });

  it('B2-08 replaces the address bar entry with history.replaceState', () => {
    const {window, history} = pageWindow({});
    const page = createBrowserPage(window);
    expect(page.href).toBe(ANSWER);
    page.replace(REDIRECT_URI);
    expect(history).toEqual([REDIRECT_URI]);
  });
});

describe('createRedirectLauncher', () => {
  it('sends the whole page to the authorization URL and resolves undefined', async () => {
    const fake = fakeWindow();
    await expect(
      createRedirectLauncher(fake.window).launch(navigationTo('https://login.example.test/authorize'), {
        redirectUri: REDIRECT_URI,
      }),
    ).resolves.toBeUndefined();
    expect(fake.assigned).toEqual(['https://login.example.test/authorize']);
  });

  it('B2-03 navigates nowhere when the authorization URL cannot be built', async () => {
    const fake = fakeWindow();
    await expect(
      createRedirectLauncher(fake.window).launch(Promise.reject(new Error('mismatch')), {redirectUri: REDIRECT_URI}),
    ).rejects.toThrow('mismatch');
    expect(fake.assigned).toEqual([]);
  });
});

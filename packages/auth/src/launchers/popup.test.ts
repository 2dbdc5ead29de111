import {describe, expect, it} from 'vitest';
import {createFrameLauncher, createPopupLauncher} from './popup.js';
import {AUTH_RESPONSE_MESSAGE, createBrowserPage, createRedirectLauncher, SILENT_FRAME_NAME} from './redirect.js';

const ORIGIN = 'https://app.example.test';
const REDIRECT_URI = `${ORIGIN}/admin/`;
const ANSWER = `${REDIRECT_URI}?code=c&state=s&iss=https%3A%2F%2Flogin.example.test`;

/** A DOM element stand-in that records what the launchers do with it. */
interface FakeElement {
  tag: string;
  removed: boolean;
  attributes: Record<string, string>;
  [property: string]: unknown;
}

/** A browser window stand-in: messages, timers, popups and the few DOM calls the launchers make. */
function fakeWindow(options: {blockPopups?: boolean} = {}) {
  const listeners = new Set<(event: MessageEvent) => void>();
  const timers = new Map<number, () => void>();
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
      contentWindow: {},
      remove() {
        created.removed = true;
      },
      setAttribute(name: string, value: string) {
        created.attributes[name] = value;
      },
    };
    return created;
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
    setInterval(callback: () => void) {
      timers.set(nextTimer, callback);
      return nextTimer++;
    },
    clearInterval(id: number) {
      timers.delete(id);
    },
    setTimeout(callback: () => void) {
      timers.set(nextTimer, callback);
      return nextTimer++;
    },
    clearTimeout(id: number) {
      timers.delete(id);
    },
    document: {
      createElement: element,
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
    /** Runs every pending timer callback once, as the clock reaching them would. */
    tick() {
      for (const callback of [...timers.values()]) callback();
    },
    /** Delivers a message event to the page. */
    post(data: unknown, from: {origin?: string; source: unknown}) {
      const event = {data, origin: from.origin ?? ORIGIN, source: from.source} as MessageEvent;
      for (const listener of [...listeners]) listener(event);
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
  it("B2-10 runs the silent request in a hidden named frame and accepts only that frame's answer", async () => {
    const fake = fakeWindow();
    const answer = createFrameLauncher(fake.window).launch(
      navigationTo('https://login.example.test/authorize?prompt=none'),
      {redirectUri: REDIRECT_URI},
    );
    await settled(answer);
    const frame = fake.body[0];
    expect(frame).toMatchObject({
      tag: 'iframe',
      name: SILENT_FRAME_NAME,
      hidden: true,
      src: 'https://login.example.test/authorize?prompt=none',
    });
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
    expect(fake.timers.size).toBe(0);
  });

  it('gives up with AUTH_LOGIN_REQUIRED when the frame never answers', async () => {
    const fake = fakeWindow();
    const answer = createFrameLauncher(fake.window, {timeoutMs: 5_000}).launch(
      navigationTo('https://login.example.test/authorize?prompt=none'),
      {redirectUri: REDIRECT_URI},
    );
    await settled(answer);
    fake.tick();
    expect(await settled(answer)).toEqual({error: expect.objectContaining({code: 'AUTH_LOGIN_REQUIRED'}) as unknown});
    expect(fake.body[0]?.removed).toBe(true);
  });
});

describe('createBrowserPage', () => {
  function pageWindow(options: {opener?: unknown; name?: string; framed?: boolean}) {
    const posted: {message: unknown; targetOrigin: string}[] = [];
    const target = {
      postMessage(message: unknown, targetOrigin: string) {
        posted.push({message, targetOrigin});
      },
    };
    const history: string[] = [];
    const self: Record<string, unknown> = {
      location: {origin: ORIGIN, href: ANSWER},
      name: options.name ?? '',
      opener: options.opener === 'target' ? target : (options.opener ?? null),
      history: {
        state: null,
        replaceState(_state: unknown, _title: string, url: string) {
          history.push(url);
        },
      },
    };
    self.parent = options.framed === true ? target : self;
    return {window: self as unknown as Window, posted, history};
  }

  it('B2-10 relays the answer from a sign-in popup to its opener with this origin as the explicit target origin', () => {
    const {window, posted} = pageWindow({opener: 'target'});
    expect(createBrowserPage(window).relay(ANSWER)).toBe(true);
    expect(posted).toEqual([{message: {type: AUTH_RESPONSE_MESSAGE, url: ANSWER}, targetOrigin: ORIGIN}]);
  });

  it('B2-10 relays the answer from the silent frame to its parent', () => {
    const {window, posted} = pageWindow({name: SILENT_FRAME_NAME, framed: true});
    expect(createBrowserPage(window).relay(ANSWER)).toBe(true);
    expect(posted).toEqual([{message: {type: AUTH_RESPONSE_MESSAGE, url: ANSWER}, targetOrigin: ORIGIN}]);
  });

  it('relays nothing from a top-level page or from a frame that is not the silent sign-in frame', () => {
    for (const options of [{}, {framed: true, name: 'host-portal'}]) {
      const {window, posted} = pageWindow(options);
      expect(createBrowserPage(window).relay(ANSWER)).toBe(false);
      expect(posted).toEqual([]);
    }
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

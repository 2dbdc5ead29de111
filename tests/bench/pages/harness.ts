/**
 * The page side of `npm run bench` (bundled by tests/bench/builds.ts, loaded by `/bench.html`): mounts either the built
 * `<conga-api-connections>` or the bench's reference table against the emulator, and times what the user sees.
 *
 * Every timing ends when a frame has been rendered: `afterFrame()` waits for a `requestAnimationFrame` callback and
 * then for a message posted from it, which runs once that frame's style, layout and paint are done. Interactions
 * (a sort click, one keystroke of a search) are started at the beginning of a frame, inside its rAF callback, so the
 * figure is the main-thread time the interaction costs until the frame that shows its result is rendered, with no
 * wait for the display's next vsync mixed in.
 */
import {hostSession} from './host-session.js';

/** What the runner passes to `bench.mount()`. */
export interface MountOptions {
  readonly implementation: 'element' | 'reference';
  /** The module that defines the implementation's element (the built widget, or the reference table). */
  readonly moduleUrl: string;
  readonly apiBaseUrl: string;
  readonly accessToken: string;
}

/** One measured interaction. */
export interface Timing {
  readonly milliseconds: number;
}

/** The mount: first rows painted, and every connection in (the element shows its first page before the rest). */
export interface MountTiming extends Timing {
  readonly allLoaded: number;
}

/** When the list's API requests ran, relative to the attach: how much of "first rows" was the network's. */
export interface ApiWindow {
  readonly firstRequest?: number;
  readonly lastResponse?: number;
  readonly requests?: number;
}

function apiWindow(since: number): ApiWindow {
  const entries = (performance.getEntriesByType('resource') as PerformanceResourceTiming[]).filter(
    (entry) => entry.startTime >= since && entry.name.includes('/api-connections'),
  );
  if (!entries.length) return {};
  return {
    firstRequest: Math.min(...entries.map((entry) => entry.startTime)) - since,
    lastResponse: Math.max(...entries.map((entry) => entry.responseEnd)) - since,
    requests: entries.length,
  };
}

interface Memory {
  readonly usedJSHeapSize: number;
}

const MAX_FRAME_WAIT = 120_000;

/** Resolves once the next frame has been rendered, with the time it was done. */
export function afterFrame(): Promise<number> {
  return new Promise((resolve) => {
    requestAnimationFrame(() => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => {
        channel.port1.close();
        resolve(performance.now());
      };
      channel.port2.postMessage(null);
    });
  });
}

/** Runs `action` at the start of a frame and resolves with the time until that frame has been rendered. */
function timeFrame(action: () => void): Promise<number> {
  return new Promise((resolve) => {
    requestAnimationFrame(() => {
      const started = performance.now();
      action();
      const channel = new MessageChannel();
      channel.port1.onmessage = () => {
        channel.port1.close();
        resolve(performance.now() - started);
      };
      channel.port2.postMessage(null);
    });
  });
}

/** `performance.memory` (Chromium; precise with `--enable-precise-memory-info`). */
function heapNow(): number {
  return (performance as Performance & {memory?: Memory}).memory?.usedJSHeapSize ?? 0;
}

/**
 * The highest JS heap seen: sampled at every frame while the list loads and after each measured interaction, never
 * inside a measured frame (reading precise memory info costs a fraction of a millisecond).
 */
let peakHeap = 0;
function sampleHeap(): void {
  peakHeap = Math.max(peakHeap, heapNow());
}

/** The shadow root that holds the table: the list's inside the element, the reference table's own. */
let tableRoot: () => ShadowRoot | null | undefined = () => undefined;
/** Whether every connection is in: the list's `loading` custom state is off (the reference shows rows only then). */
let allLoaded: () => boolean = () => true;

function query(selector: string): HTMLElement {
  const found = tableRoot()?.querySelector<HTMLElement>(selector);
  if (!found) throw new Error(`nothing matches ${selector}`);
  return found;
}

const bench = {
  /**
   * Loads the implementation's module, attaches its element and resolves with the time from the attach to the
   * first frame that shows table rows.
   */
  async mount(options: MountOptions): Promise<MountTiming & ApiWindow> {
    await import(/* @vite-ignore */ options.moduleUrl);
    let element: HTMLElement;
    if (options.implementation === 'element') {
      element = document.createElement('conga-api-connections');
      Object.assign(element, {session: hostSession(options.accessToken)});
      element.setAttribute('api-base-url', options.apiBaseUrl);
      tableRoot = () => element.shadowRoot?.querySelector('conga-connection-list')?.shadowRoot;
      allLoaded = () => {
        const list = element.shadowRoot?.querySelector('conga-connection-list');
        return Boolean(list && !list.matches(':state(loading)'));
      };
    } else {
      element = document.createElement('bench-reference-table');
      Object.assign(element, {apiBaseUrl: options.apiBaseUrl, accessToken: options.accessToken});
      tableRoot = () => element.shadowRoot;
    }
    await afterFrame();
    const started = performance.now();
    document.body.append(element);
    let firstRows: number | undefined;
    for (;;) {
      const rendered = await afterFrame();
      sampleHeap();
      // Rows present when this frame started were painted by it.
      if (firstRows === undefined && tableRoot()?.querySelector('tbody tr')) firstRows = rendered - started;
      // Sorts and searches are measured over every connection, so the mount waits for the rest of the pages too.
      if (firstRows !== undefined && allLoaded()) {
        return {milliseconds: firstRows, allLoaded: rendered - started, ...apiWindow(started)};
      }
      if (rendered - started > MAX_FRAME_WAIT) throw new Error('not loaded after two minutes');
    }
  },

  /** Clicks a column's sort button at the start of a frame; resolves with the frame time. */
  async sort(column: string): Promise<Timing> {
    const button = query(`button.sort[data-column="${column}"]`);
    const milliseconds = await timeFrame(() => {
      button.click();
    });
    sampleHeap();
    return {milliseconds};
  },

  /** Types one more letter into the search box at the start of a frame; resolves with the frame time. */
  async type(letter: string): Promise<Timing> {
    const input = query('#search') as HTMLInputElement;
    const milliseconds = await timeFrame(() => {
      input.value += letter;
      input.dispatchEvent(
        new InputEvent('input', {bubbles: true, composed: true, data: letter, inputType: 'insertText'}),
      );
    });
    sampleHeap();
    return {milliseconds};
  },

  /** Table rows in the DOM (the list must never render one per connection). */
  rows(): number {
    return tableRoot()?.querySelectorAll('tbody tr').length ?? 0;
  },

  /** The highest JS heap sampled so far, and the heap now. */
  heap(): {peak: number; now: number} {
    sampleHeap();
    return {peak: peakHeap, now: heapNow()};
  },
};

declare global {
  interface Window {
    bench: typeof bench;
  }
}

window.bench = bench;

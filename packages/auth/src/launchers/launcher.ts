/**
 * What a launcher is and what the page at the redirect URI offers: the two interfaces the session drives and the
 * launchers implement. Their own module, so the session can import the launchers and the launchers these types
 * without importing each other.
 */
import type {LauncherKind} from '../transaction-store.js';

/** Opens authorization and end-session requests and brings the provider's answer back. */
export interface AuthLauncher {
  /** What kind of window it opens; stored with the attempt, so the page at the redirect URI knows whose answer it holds. */
  readonly kind?: LauncherKind;
  /**
   * Opens `url` once it resolves (`undefined`: nothing to open). Called synchronously by `signIn()`, so a popup can
   * open while the click's user activation lasts. Resolves with the URL the provider redirected to, or with
   * `undefined` when the whole page navigates away and the answer comes with the next page load.
   */
  launch(url: Promise<string | undefined>, options: {redirectUri: string}): Promise<string | undefined>;
}

/** The page at the redirect URI: its address bar, and the way back to the page that opened it as a popup or frame. */
export interface AuthPage {
  /** The current address. */
  readonly href: string;
  /** Replaces the address bar entry without loading anything (`history.replaceState`). */
  replace(url: string): void;
  /**
   * In a sign-in popup or silent frame, posts `url` to the page that opened it and returns true; else false.
   * `startedBy` is how the attempt was launched, when this page's transaction store knows it.
   */
  relay(url: string, startedBy?: LauncherKind): boolean;
}

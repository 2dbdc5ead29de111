import {useSyncExternalStore} from 'react';
import type {AuthSession} from '@conga-connections/widget';

/** The signed-in user's name, or undefined: host state that follows the session it shares with the element. */
export function useSessionUser(session: AuthSession): string | undefined {
  const state = useSyncExternalStore(
    (onChange) => session.subscribe(onChange),
    () => session.state,
  );
  return state.status === 'signed-in' ? (state.user.name ?? state.user.sub) : undefined;
}

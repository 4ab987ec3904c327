import { createContext, useContext } from 'react';
import type { Session } from '../lib/roles';

export interface SessionState {
  session: Session | null;
  signIn: (session: Session) => void;
  signOut: () => void;
}

export const SessionContext = createContext<SessionState>({
  session: null,
  signIn: () => undefined,
  signOut: () => undefined,
});

export function useSession(): SessionState {
  return useContext(SessionContext);
}

/** The signed-in session; only used below <RequireSession/>. */
export function useCaller(): Session {
  const { session } = useSession();
  if (!session) throw new Error('not signed in');
  return session;
}

import { useQueryClient } from '@tanstack/react-query';
import { useMemo, useState, type ReactNode } from 'react';
import type { Session } from '../lib/roles';
import { clearSession, currentSession, saveSession } from './session';
import { SessionContext } from './session-context';

export function SessionProvider({ children }: { children: ReactNode }) {
  const [session, setSession] = useState<Session | null>(() => currentSession());
  const client = useQueryClient();
  const value = useMemo(
    () => ({
      session,
      signIn: (next: Session) => {
        saveSession(next);
        client.clear();
        setSession(next);
      },
      signOut: () => {
        clearSession();
        client.clear();
        setSession(null);
      },
    }),
    [session, client],
  );
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

/** One step of an aggregate's history: who moved it, from where to where, and when. */
export interface TransitionRecord<S extends string> {
  action: string;
  from: S | null;
  to: S;
  by: string;
  role: string;
  at: Date;
  reason?: string;
}

export function record<S extends string>(
  action: string,
  from: S | null,
  to: S,
  actor: { userId: string; role: string },
  at: Date,
  reason?: string,
): TransitionRecord<S> {
  return {
    action,
    from,
    to,
    by: actor.userId,
    role: actor.role,
    at,
    ...(reason !== undefined ? { reason } : {}),
  };
}

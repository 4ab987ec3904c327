/** Who did something: the token's subject and role. Domain steps record both (R-AS-2). */
export interface Actor {
  id: string;
  role: string;
}

export const AFTERSALES_ROLES = ['aftersales', 'aftersales-lead'] as const;

export function isAftersalesStaff(actor: Actor): boolean {
  return (AFTERSALES_ROLES as readonly string[]).includes(actor.role);
}

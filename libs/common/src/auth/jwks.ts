import { createPublicKey, type JsonWebKey } from 'node:crypto';

/** Algorithms verified against the identity provider's key set. */
export const JWKS_ALGORITHMS = ['RS256', 'ES256'] as const;
export type JwksAlgorithm = (typeof JWKS_ALGORITHMS)[number];

interface Jwk extends JsonWebKey {
  kid?: string;
  alg?: string;
  use?: string;
}

/**
 * The public keys of the identity provider, fetched from its JWKS URL and kept as PEM by `kid`.
 * A token signed with a key not seen yet (the provider rotated) makes one refetch, at most once
 * per `minRefreshMs`, so a stream of tokens with made-up kids cannot hammer the provider.
 */
export class JwksKeySet {
  private keys = new Map<string, { alg: JwksAlgorithm; pem: string }>();
  private fetchedAt = 0;
  private refreshing?: Promise<void>;

  constructor(
    private readonly url: string,
    private readonly minRefreshMs = 30_000,
    private readonly timeoutMs = 5_000,
  ) {}

  /** The PEM of the key that signed a token with this header; throws when there is none. */
  async keyFor(kid: string | undefined, alg: string): Promise<string> {
    let key = this.find(kid, alg);
    if (!key && (this.fetchedAt === 0 || Date.now() - this.fetchedAt >= this.minRefreshMs)) {
      await this.refresh();
      key = this.find(kid, alg);
    }
    if (!key)
      throw new Error(`no ${alg} key ${kid ?? '(without kid)'} in the identity provider's key set`);
    return key;
  }

  private find(kid: string | undefined, alg: string): string | undefined {
    if (kid !== undefined) {
      const key = this.keys.get(kid);
      return key && key.alg === alg ? key.pem : undefined;
    }
    const candidates = [...this.keys.values()].filter((k) => k.alg === alg);
    return candidates.length === 1 ? candidates[0].pem : undefined;
  }

  private refresh(): Promise<void> {
    this.refreshing ??= this.load().finally(() => (this.refreshing = undefined));
    return this.refreshing;
  }

  private async load(): Promise<void> {
    this.fetchedAt = Date.now();
    const response = await fetch(this.url, { signal: AbortSignal.timeout(this.timeoutMs) });
    if (!response.ok) throw new Error(`the key set answered HTTP ${response.status}`);
    const body = (await response.json()) as { keys?: Jwk[] };
    const next = new Map<string, { alg: JwksAlgorithm; pem: string }>();
    for (const [i, jwk] of (body.keys ?? []).entries()) {
      const alg = algorithmOf(jwk);
      if (!alg || (jwk.use !== undefined && jwk.use !== 'sig')) continue;
      const pem = createPublicKey({ key: jwk, format: 'jwk' })
        .export({ type: 'spki', format: 'pem' })
        .toString();
      next.set(jwk.kid ?? `#${i}`, { alg, pem });
    }
    this.keys = next;
  }
}

function algorithmOf(jwk: Jwk): JwksAlgorithm | undefined {
  if (jwk.kty === 'RSA' && (jwk.alg === undefined || jwk.alg === 'RS256')) return 'RS256';
  if (jwk.kty === 'EC' && jwk.crv === 'P-256' && (jwk.alg === undefined || jwk.alg === 'ES256'))
    return 'ES256';
  return undefined;
}

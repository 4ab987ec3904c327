import { DEV_TOKEN_TTL_SECONDS, signToken } from './token';

describe('development tokens (issue 12, finding 2)', () => {
  const payloadOf = (token: string) =>
    JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString()) as {
      iat: number;
      exp: number;
    };

  it('expire after one hour unless asked otherwise', () => {
    const { iat, exp } = payloadOf(signToken({ sub: 'u', role: 'chef' }, 'a-secret-of-16-chars'));
    expect(DEV_TOKEN_TTL_SECONDS).toBe(3600);
    expect(exp - iat).toBe(3600);
    const short = payloadOf(signToken({ sub: 'u', role: 'chef' }, 'a-secret-of-16-chars', 60));
    expect(short.exp - short.iat).toBe(60);
  });
});

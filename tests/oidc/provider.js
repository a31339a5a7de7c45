// A real OpenID Connect provider on loopback for the end-to-end tests: the npm package
// `oidc-provider` with its development login and consent pages. `cargo xtask test` starts it
// with the server's callback address and a client id and secret, then points the server's
// PÄIJÄTHA organisation identification at it. It prints `issuer <url>` once it listens.
//
// Its accounts stand for staff of that organisation: the login name is the account. The
// names go into the ID token (conformIdTokenClaims off), as the relying party reads them there.
import http from 'node:http';
import Provider from 'oidc-provider';

const redirectUri = process.env.OIDC_REDIRECT_URI;
const clientId = process.env.OIDC_CLIENT_ID;
const clientSecret = process.env.OIDC_CLIENT_SECRET;
if (!redirectUri || !clientId || !clientSecret) {
  console.error('set OIDC_REDIRECT_URI, OIDC_CLIENT_ID and OIDC_CLIENT_SECRET');
  process.exit(2);
}

const ACCOUNTS = {
  'mikko.heikkinen': { given_name: 'Mikko', family_name: 'Heikkinen' },
};

const server = http.createServer();
server.listen(0, '127.0.0.1', () => {
  const { port } = server.address();
  const issuer = `http://127.0.0.1:${port}`;
  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: clientId,
        client_secret: clientSecret,
        redirect_uris: [redirectUri],
        grant_types: ['authorization_code'],
        response_types: ['code'],
        token_endpoint_auth_method: 'client_secret_basic',
      },
    ],
    // The relying party must use PKCE (S256) with this confidential client too.
    pkce: { required: () => true },
    claims: { openid: ['sub'], profile: ['given_name', 'family_name'] },
    conformIdTokenClaims: false,
    cookies: { keys: ['end-to-end-tests-only'] },
    features: { devInteractions: { enabled: true } },
    async findAccount(ctx, id) {
      const account = ACCOUNTS[id];
      if (!account) {
        return undefined;
      }
      return {
        accountId: id,
        async claims() {
          return { sub: id, ...account };
        },
      };
    },
  });
  server.on('request', provider.callback());
  console.log(`issuer ${issuer}`);
});

for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => server.close(() => process.exit(0)));
}

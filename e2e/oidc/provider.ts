/**
 * A real OpenID Connect provider (panva's oidc-provider, the certified implementation) for the
 * single sign-on browser test. Any login and password sign in; each account's claims (name,
 * email_verified, groups) are read from OIDC_TEST_CLAIMS at every sign-in, so a test can change
 * someone's groups "at the provider" between two sign-ins.
 */
import fs from "node:fs";
import Provider from "oidc-provider";

const port = Number(process.env.OIDC_TEST_PORT);
const appOrigin = process.env.OIDC_TEST_APP_ORIGIN!;
const claimsFile = process.env.OIDC_TEST_CLAIMS!;

interface Claims {
  name?: string;
  email_verified?: boolean;
  groups?: string[];
}

const provider = new Provider(`http://127.0.0.1:${port}`, {
  clients: [
    {
      client_id: "groundwork",
      client_secret: "groundwork-test-secret",
      redirect_uris: [`${appOrigin}/api/auth/callback/oidc`],
      grant_types: ["authorization_code"],
      response_types: ["code"],
    },
  ],
  claims: { openid: ["sub"], email: ["email", "email_verified"], profile: ["name"], groups: ["groups"] },
  scopes: ["openid", "email", "profile", "groups"],
  // Every claim in the ID token, as Okta and Entra ID can be configured to do for groups.
  conformIdTokenClaims: false,
  cookies: { keys: ["oidc-test-cookie-key"] },
  features: { devInteractions: { enabled: true } },
  async findAccount(_ctx, id) {
    return {
      accountId: id,
      async claims() {
        const all = fs.existsSync(claimsFile) ? (JSON.parse(fs.readFileSync(claimsFile, "utf8")) as Record<string, Claims>) : {};
        const mine = all[id] ?? {};
        return { sub: id, email: id, email_verified: mine.email_verified ?? true, name: mine.name ?? id, groups: mine.groups ?? [] };
      },
    };
  },
  // A first-party application: consent is implied, so no consent screen.
  async loadExistingGrant(ctx) {
    const existing = ctx.oidc.result?.consent?.grantId ?? ctx.oidc.session!.grantIdFor(ctx.oidc.client!.clientId);
    if (existing) return ctx.oidc.provider.Grant.find(existing);
    const grant = new ctx.oidc.provider.Grant({ clientId: ctx.oidc.client!.clientId, accountId: ctx.oidc.session!.accountId });
    grant.addOIDCScope("openid email profile groups");
    await grant.save();
    return grant;
  },
});

provider.listen(port, () => console.log(`test OpenID Connect provider on http://127.0.0.1:${port}`));
// Why a sign-in failed, in the test's output.
provider.on("grant.error", (ctx, err) => console.error(`oidc-provider grant.error: ${err.message} (redirect_uri ${String(ctx.oidc.params?.redirect_uri)})`));
provider.on("authorization.error", (ctx, err) => console.error(`oidc-provider authorization.error: ${err.message} (redirect_uri ${String(ctx.oidc.params?.redirect_uri)})`));

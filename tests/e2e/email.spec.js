// Email end to end, through the API (the administration's pages come with their own tests):
// the server under test sends through the real SMTP server `cargo xtask test` started
// (tests/smtp/server.js), and the invitation's link is read from what that server received.
// With the SMTP server stopped, the invitation is queued and nothing is lost; once it is
// back, the email arrives once.
import { test, expect } from '@playwright/test';
import { signIn } from './support.js';
import { messagesTo, setSmtpListening, waitForMessageTo, linkIn } from './smtp.js';

// A JSON API call from the page with the app's CSRF header: status and body.
async function call(page, method, path, body) {
  return page.evaluate(
    async ({ method, path, body }) => {
      const answer = await fetch(path, {
        method,
        headers: { 'Content-Type': 'application/json', 'X-MTT-CSRF': '1' },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      return { status: answer.status, body: await answer.json().catch(() => null) };
    },
    { method, path, body },
  );
}

// A page of its own, signed in as the development provider's Suomi.fi identity `name`, once the
// sign-in has landed (the app may be loading there: the calls run after it).
async function signedIn(browser, name) {
  const page = await (await browser.newContext()).newPage();
  await signIn(page, name, 'suomifi');
  await page.waitForURL((url) => !url.pathname.startsWith('/auth/'));
  await page.waitForLoadState('load');
  return page;
}

async function ownAccount(page) {
  const me = await call(page, 'GET', '/api/admin/me');
  expect(me.status).toBe(200);
  return me.body.accounts[0].id;
}

async function deliveryOf(page, account, address) {
  const users = await call(page, 'GET', `/api/admin/accounts/${account}/users`);
  return users.body.invitations.find((invitation) => invitation.email === address)?.delivery;
}

const unique = () => `${Date.now()}-${Math.floor(Math.random() * 1e6)}`;

test.afterEach(async () => {
  // Whatever a test did, the next finds the SMTP server listening.
  await setSmtpListening(true);
});

test('an invitation arrives by email and its link is accepted once', async ({ browser, baseURL }) => {
  const admin = await signedIn(browser, 'Pia Parviainen');
  const account = await ownAccount(admin);
  const address = `e2e-${unique()}@esimerkki.fi`;
  const invited = await call(admin, 'POST', `/api/admin/accounts/${account}/invitations`, {
    invitation_email: address,
    language: 'fi',
  });
  expect(invited.status).toBe(201);

  const message = await waitForMessageTo(address);
  expect(message.subject).toBe('Kutsu asiakastilille: Esimerkki Terveyspalvelut Oy');
  expect(message.text).toContain('Pia Parviainen');
  const link = linkIn(message, '/hallinta/kutsu?token=');
  expect(link.startsWith(`${baseURL}/hallinta/kutsu?token=`)).toBe(true);
  const token = new URL(link).searchParams.get('token');
  await expect.poll(() => deliveryOf(admin, account, address)).toBe('sent');

  const person = await signedIn(browser, 'Iida Ilmarinen');
  const lookup = await call(person, 'GET', `/api/admin/invitations/lookup?token=${token}`);
  expect(lookup.status).toBe(200);
  expect(lookup.body.account_name).toBe('Esimerkki Terveyspalvelut Oy');
  const accepted = await call(person, 'POST', '/api/admin/invitations/acceptance', { token });
  expect(accepted.status).toBe(200);
  const again = await call(person, 'POST', '/api/admin/invitations/acceptance', { token });
  expect(again.status).toBe(409);
  expect(again.body.code).toBe('invitation_used');
});

test('with the SMTP server stopped the invitation is queued, and delivered once it is back', async ({ browser }) => {
  const admin = await signedIn(browser, 'Pia Parviainen');
  const account = await ownAccount(admin);
  const address = `e2e-down-${unique()}@esimerkki.fi`;
  await setSmtpListening(false);
  const invited = await call(admin, 'POST', `/api/admin/accounts/${account}/invitations`, {
    invitation_email: address,
    language: 'sv',
  });
  expect(invited.status).toBe(201);
  expect(invited.body.delivery).toBe('queued');
  // The worker tried and failed (it retries after 5 s); the list still says queued.
  await admin.waitForTimeout(1500);
  expect(await deliveryOf(admin, account, address)).toBe('queued');
  expect(await messagesTo(address)).toEqual([]);

  await setSmtpListening(true);
  const message = await waitForMessageTo(address, 20000);
  expect(message.subject).toBe('Inbjudan till kundkontot: Esimerkki Terveyspalvelut Oy');
  await expect.poll(() => deliveryOf(admin, account, address), { timeout: 10000 }).toBe('sent');
  await admin.waitForTimeout(2500);
  expect(await messagesTo(address)).toHaveLength(1);
});

// Playwright against the real built app and server. `cargo xtask test` builds both, starts the
// server on a free loopback port with a throw-away database, and passes its address in
// MTT_BASE_URL. Chromium is Debian's (/usr/bin/chromium): Playwright never downloads a browser.
import { defineConfig } from '@playwright/test';

const baseURL = process.env.MTT_BASE_URL;
if (!baseURL) {
  throw new Error('MTT_BASE_URL is not set: run the end-to-end tests with `cargo xtask test`.');
}

export default defineConfig({
  testDir: './e2e',
  fullyParallel: false,
  forbidOnly: true,
  retries: 0,
  workers: 1,
  reporter: [['list']],
  timeout: 30_000,
  use: {
    baseURL,
    locale: 'fi-FI',
    trace: 'off',
    launchOptions: {
      executablePath: process.env.MTT_CHROMIUM ?? '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
  },
});

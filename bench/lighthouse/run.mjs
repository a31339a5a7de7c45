// Lighthouse, mobile preset (simulated slow 4G and a mid-range phone's CPU), against pages of a
// running server. Prints each page's performance and accessibility scores, CLS, LCP, TBT and
// the bytes transferred. Usage: node run.mjs http://127.0.0.1:8080 [path …]
import lighthouse from 'lighthouse';
import * as chromeLauncher from 'chrome-launcher';

const base = process.argv[2] ?? 'http://127.0.0.1:8080';
const paths = process.argv.length > 3 ? process.argv.slice(3) : ['/', '/tunnistautuminen'];

const chrome = await chromeLauncher.launch({
  chromePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
  chromeFlags: [
    '--headless=new',
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
  ],
});
let failed = false;
try {
  for (const path of paths) {
    const result = await lighthouse(`${base}${path}`, {
      port: chrome.port,
      output: 'json',
      logLevel: 'error',
      onlyCategories: ['performance', 'accessibility'],
    });
    const { categories, audits } = result.lhr;
    const figure = (id) => audits[id]?.numericValue;
    console.log(
      [
        `lighthouse ${path}`,
        `performance ${categories.performance.score}`,
        `accessibility ${categories.accessibility.score}`,
        `CLS ${figure('cumulative-layout-shift')?.toFixed(3)}`,
        `LCP ${Math.round(figure('largest-contentful-paint'))} ms`,
        `TBT ${Math.round(figure('total-blocking-time'))} ms`,
        `transferred ${(figure('total-byte-weight') / 1024).toFixed(1)} KB`,
      ].join(' | '),
    );
    const failedAudits = Object.values(audits)
      .filter((audit) => audit.score !== null && audit.score < 1 && audit.scoreDisplayMode === 'binary')
      .map((audit) => audit.id);
    if (failedAudits.length > 0) {
      console.log(`  audits below full score: ${failedAudits.join(', ')}`);
    }
  }
} catch (error) {
  failed = true;
  console.error(error);
} finally {
  await chrome.kill();
}
process.exit(failed ? 1 : 0);

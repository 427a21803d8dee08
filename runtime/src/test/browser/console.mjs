// Headless Chromium walk through the haca Web Console pages (run by ConsoleBrowserIT, or by hand):
//   BASE_URL=http://localhost:8080 PASSWORD=... MODEL_FILE=mlp.onnx OUT_DIR=target/screenshots node console.mjs
// Logs in with the node's admin password, opens every haca page, uploads a model, runs a TEE inference and
// follows it to the verification and economics pages; a wrong password must get 401 and change nothing.
import { chromium } from 'playwright-core';
import { mkdirSync } from 'node:fs';
import { basename } from 'node:path';

const base = process.env.BASE_URL ?? 'http://localhost:8080';
const password = process.env.PASSWORD;
const modelFile = process.env.MODEL_FILE;
const outDir = process.env.OUT_DIR ?? 'target/screenshots';
const user = process.env.ADMIN_USER ?? 'admin';
const pluginFile = process.env.PLUGIN_FILE; // optional: a plugin bundle to install, swap in and uninstall
if (!password || !modelFile) {
  console.error('PASSWORD and MODEL_FILE are required');
  process.exit(2);
}
mkdirSync(outDir, { recursive: true });
const console_ = `${base}/system/console`;
const pages = ['haca-node', 'haca-models', 'haca-plugins', 'haca-verification', 'haca-economics'];

function check(cond, message) {
  if (!cond) {
    throw new Error(message);
  }
  console.log(`ok - ${message}`);
}

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
});
try {
  // wrong password: refused, and a model upload with it changes nothing
  const bad = await browser.newContext({ httpCredentials: { username: user, password: password + 'x' } });
  for (const p of pages) {
    const r = await bad.request.get(`${console_}/${p}`, { maxRedirects: 0 });
    check(r.status() === 401, `wrong password gets 401 on ${p}`);
  }
  // in the browser itself the failed login ends the navigation (Chromium reports the refused credentials)
  const badPage = await bad.newPage();
  const refused = await badPage.goto(`${console_}/haca-models`).then((r) => r.status(), (e) => String(e));
  check(refused === 401 || /ERR_HTTP_RESPONSE_CODE_FAILURE|ERR_INVALID_AUTH_CREDENTIALS/.test(String(refused)),
    `browser login with a wrong password is refused (${String(refused).split("\n")[0]})`);
  const badUpload = await bad.request.post(`${console_}/haca-models?action=upload&name=intruder.onnx`, {
    headers: { 'Content-Type': 'application/octet-stream' }, data: Buffer.from('not a model'), maxRedirects: 0,
  });
  check(badUpload.status() === 401, 'upload with a wrong password gets 401');
  await bad.close();

  const ctx = await browser.newContext({
    httpCredentials: { username: user, password }, viewport: { width: 1400, height: 1000 },
  });
  const page = await ctx.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));

  for (const p of pages) {
    const r = await page.goto(`${console_}/${p}`);
    check(r.status() === 200, `${p} answers 200`);
    check(await page.locator(`a[href="/system/console/${p}"]`).count() > 0, `${p} is in the console navigation`);
  }
  await page.goto(`${console_}/haca-node`);
  check((await page.locator('#haca-health').innerText()).includes('OK'), 'node page reports health OK');
  check((await page.locator('#haca-node').innerText()).includes('dev-node'), 'node page shows the role');
  await page.screenshot({ path: `${outDir}/01-node.png`, fullPage: true });

  await page.goto(`${console_}/haca-plugins`);
  const plugins = await page.locator('#haca-proofs').innerText();
  check(plugins.includes('tee.simulated.v1'), 'plugins page lists the simulated TEE proof system');
  check((await page.locator('#haca-engines').innerText()).includes('solo'), 'plugins page lists the solo engine');
  await page.screenshot({ path: `${outDir}/02-plugins.png`, fullPage: true });

  // upload the model through the form
  await page.goto(`${console_}/haca-models`);
  await page.screenshot({ path: `${outDir}/03-models-empty.png`, fullPage: true });
  await page.setInputFiles('#haca-upload input[type=file]', modelFile);
  await Promise.all([page.waitForURL(/msg=stored/), page.click('#haca-upload button')]);
  const models = await page.locator('#haca-models').innerText();
  check(models.includes(basename(modelFile)), 'uploaded model is listed');
  await page.screenshot({ path: `${outDir}/04-models-uploaded.png`, fullPage: true });

  // test inference in TEE mode
  await page.selectOption('#haca-infer-run select[name=mode]', 'TEE');
  await Promise.all([page.waitForURL(/result=/), page.click('#haca-infer-run button[type=submit]')]);
  const result = await page.locator('#haca-result').innerText();
  check(result.includes('tee.simulated.v1'), 'inference result shows the TEE proof summary');
  check((await page.locator('#haca-outputs').innerText()).includes('FLOAT32'), 'inference output is shown');
  const requestId = new URL(page.url()).searchParams.get('result');
  await page.screenshot({ path: `${outDir}/05-inference-result.png`, fullPage: true });

  // follow it to the verification page until verified
  let status = '';
  for (let i = 0; i < 60 && !/VERIFIED|SETTLED/.test(status); i++) {
    await page.goto(`${console_}/haca-verification`);
    status = await page.locator('#haca-tracked').innerText();
    if (!/VERIFIED|SETTLED/.test(status)) {
      await page.waitForTimeout(500);
    }
  }
  check(status.includes(requestId), 'verification page tracks the request');
  check(/VERIFIED|SETTLED/.test(status), 'verification page shows the verdict');
  check((await page.locator('#haca-verdicts').innerText()).includes('tee.simulated.v1'), 'verdict counts per scheme');
  await page.screenshot({ path: `${outDir}/06-verification.png`, fullPage: true });

  await page.goto(`${console_}/haca-economics`);
  check(await page.locator('svg#haca-supply-chart rect').count() === 4, 'supply chart has four bars');
  check((await page.locator('#haca-fees').innerText()).includes(requestId), 'economics page lists the inference fee');
  await page.screenshot({ path: `${outDir}/07-economics.png`, fullPage: true });

  await page.goto(`${console_}/haca-verification`);
  check(await page.locator('svg#haca-verification-history polyline').count() === 3
    || await page.locator('#haca-verification-history-empty').count() === 1, 'verification history chart or its empty state');

  if (pluginFile) {
    page.on('dialog', (d) => d.accept());
    // a file that is no bundle is refused and nothing is installed
    await page.goto(`${console_}/haca-plugins`);
    await page.setInputFiles('#haca-plugin-upload input[type=file]', modelFile);
    await Promise.all([page.waitForURL(/error=/), page.click('#haca-plugin-upload button')]);
    check((await page.locator('.haca-msg').innerText()).includes('nothing installed'), 'a non-bundle upload is refused');
    // install a proof-system plugin: its scheme appears
    await page.setInputFiles('#haca-plugin-upload input[type=file]', pluginFile);
    await Promise.all([page.waitForURL(/msg=installed/), page.click('#haca-plugin-upload button')]);
    let proofs = '';
    for (let i = 0; i < 20 && !proofs.includes('contrib.hashcommit.v1'); i++) {
      await page.goto(`${console_}/haca-plugins`);
      proofs = await page.locator('#haca-proofs').innerText();
    }
    check(proofs.includes('contrib.hashcommit.v1'), 'installed plugin shows its proof system');
    // same jar again: an update of the same bundle (hot swap)
    await page.setInputFiles('#haca-plugin-upload input[type=file]', pluginFile);
    await Promise.all([page.waitForURL(/msg=updated/), page.click('#haca-plugin-upload button')]);
    check((await page.locator('#haca-history').innerText()).includes('UPDATED'), 'swap history shows the update');
    await page.screenshot({ path: `${outDir}/08-plugins-installed.png`, fullPage: true });
    // uninstall from its row
    const row = page.locator('#haca-proofs tr', { hasText: 'contrib.hashcommit.v1' });
    await Promise.all([page.waitForURL(/msg=uninstall/), row.locator('button', { hasText: 'uninstall' }).click()]);
    check(!(await page.locator('#haca-proofs').innerText()).includes('contrib.hashcommit.v1'), 'uninstalled plugin is gone');
    check((await page.locator('#haca-history').innerText()).includes('UNINSTALLED'), 'swap history shows the uninstall');
    await page.screenshot({ path: `${outDir}/09-plugins-uninstalled.png`, fullPage: true });
  }

  check(errors.length === 0, `no script errors (${errors.join('; ')})`);
  console.log('ALL PASSED');
} finally {
  await browser.close();
}

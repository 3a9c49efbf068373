// Swagger UI's Authorize button, proven in a real browser: Debian's chromium (headless), driven
// by npm playwright-core, against the pet store with its development authorization server.
//
//   node browser_authorize.mjs <petstore-binary> <screenshot-folder> [chromium]
//
// Starts the pet store on a free port with a config of its own, then, as a person would:
//   1. opens /docs, Authorizes with clientCredentials, "Try it out" on GET /pets → 200 with pets;
//   2. logs out, Authorizes with authorizationCode + PKCE through the sign-in and consent page
//      and /docs/oauth2-redirect, adds a pet (POST /pets) → 201;
//   3. removes a pet (DELETE /pets/1), which needs the admin scope it was not given → 403.
// Each step is saved as a PNG in <screenshot-folder>. Exits 0 when every step saw what it
// expected; otherwise prints what it saw and exits 1.

import { spawn } from 'node:child_process';
import { mkdirSync, writeFileSync, mkdtempSync, rmSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';

const [petstore, shots, browserPath = '/usr/bin/chromium'] = process.argv.slice(2);
if (!petstore || !shots) {
  console.error('usage: node browser_authorize.mjs <petstore> <screenshot-folder> [chromium]');
  process.exit(2);
}
if (!existsSync(browserPath)) {
  console.error(`${browserPath} is missing: install Debian's chromium (./run deps test)`);
  process.exit(1);
}
mkdirSync(shots, { recursive: true });

const secret = 'browser-test-secret';
const password = 'browser-test-password';
const folder = mkdtempSync(join(tmpdir(), 'oaskit-browser-'));
const config = join(folder, 'devauth.yaml');
writeFileSync(config, `clients:
  - client_id: service
    client_secret: ${secret}
    grant_types: [client_credentials]
    scope: pets:read
  - client_id: docs
    client_name: The pet store's docs page
    token_endpoint_auth_method: none
    grant_types: [authorization_code, refresh_token]
    redirect_uris: [http://127.0.0.1/docs/oauth2-redirect]
    scope: pets:read pets:write
users:
  - {username: alice, password: ${password}}
`);

// The pet store, and its URL once it prints it.
const server = spawn(petstore, ['--port', '0', '--dev-auth', config, '--quiet'],
                     { stdio: ['ignore', 'pipe', 'inherit'] });
const url = await new Promise((resolve, reject) => {
  let out = '';
  const timer = setTimeout(() => reject(new Error(`no URL from the pet store: ${out}`)), 20000);
  server.stdout.on('data', (chunk) => {
    out += chunk;
    const match = out.match(/Pet store on (http:\/\/[^ ]+\/)/);
    if (match) { clearTimeout(timer); resolve(match[1]); }
  });
  server.on('exit', (code) => reject(new Error(`the pet store exited (${code}): ${out}`)));
});

let failed = false;
const browser = await chromium.launch({
  executablePath: browserPath,
  headless: true,
  args: ['--no-sandbox', '--disable-dev-shm-usage', '--disable-gpu'],
});
const page = await browser.newPage({ viewport: { width: 1280, height: 1000 } });
page.setDefaultTimeout(15000);
let shot = 0;
async function snap(name) {
  shot += 1;
  const file = join(shots, `${String(shot).padStart(2, '0')}-${name}.png`);
  await page.screenshot({ path: file, fullPage: false });
  console.log(`screenshot ${file}`);
}
async function check(name, run) {
  try {
    await run();
    console.log(`ok   ${name}`);
  } catch (error) {
    failed = true;
    console.log(`FAIL ${name}: ${error.message}`);
    await snap(`failed-${name.replace(/[^a-z0-9]+/gi, '-')}`).catch(() => {});
    throw error;
  }
}

// The Authorize dialog's section for one flow of the `oauth` scheme.
const flowSection = (flow) =>
  page.locator('.auth-container').filter({ hasText: `Flow: ${flow}` });

async function openAuthorize() {
  await page.locator('.auth-wrapper .btn.authorize').click();
  await page.locator('.modal-ux').waitFor();
}
async function closeAuthorize() {
  await page.locator('.modal-ux .close-modal').click();
  await page.locator('.modal-ux').waitFor({ state: 'detached' });
}
async function tick(section, scope) {
  const box = section.locator(`input[data-value="${scope}"]`);
  if (!(await box.isChecked())) await section.locator(`label[for="${await box.getAttribute('id')}"]`).click();
}
async function untick(section, scope) {
  const box = section.locator(`input[data-value="${scope}"]`);
  if (await box.isChecked()) await section.locator(`label[for="${await box.getAttribute('id')}"]`).click();
}
// Expands an operation, presses Try it out, fills `fields`, executes; returns the status shown.
async function tryItOut(operationId, fields = {}, body = null) {
  const op = page.locator(`[id$="-${operationId}"]`).first();
  await op.locator('.opblock-summary').first().click();
  await op.locator('.try-out__btn').click();
  for (const [name, value] of Object.entries(fields)) {
    await op.locator(`tr[data-param-name="${name}"] input`).fill(value);
  }
  if (body !== null) await op.locator('textarea.body-param__text').fill(body);
  await op.locator('.execute').click();
  const status = op.locator('.live-responses-table tbody .response-col_status').first();
  await status.waitFor();
  return { op, status: (await status.innerText()).trim().split(/\s+/)[0] };
}

try {
  await check('the docs page renders the pet store', async () => {
    await page.goto(`${url}docs`);
    await page.locator('.swagger-ui .info .title').waitFor();
    await snap('docs');
  });

  await check('Authorize with clientCredentials', async () => {
    await openAuthorize();
    const section = flowSection('clientCredentials');
    await section.locator('input[id^="client_id"]').fill('service');
    await section.locator('input[id^="client_secret"]').fill(secret);
    await tick(section, 'pets:read');
    await untick(section, 'pets:write');
    await section.locator('button.authorize').click();
    await section.getByRole('button', { name: 'Logout' }).or(section.locator('button', { hasText: 'Logout' })).first().waitFor();
    await snap('client-credentials-authorized');
    await closeAuthorize();
  });

  await check('Try it out: GET /pets answers 200 with pets', async () => {
    const { op, status } = await tryItOut('listPets');
    if (status !== '200') throw new Error(`status ${status}`);
    const body = await op.locator('.live-responses-table tbody .response-col_description pre').first().innerText();
    if (!body.includes('Rex')) throw new Error(`body ${body}`);
    await snap('list-pets-200');
  });

  await check('log out', async () => {
    await openAuthorize();
    const section = flowSection('clientCredentials');
    await section.locator('button', { hasText: 'Logout' }).first().click();
    await section.locator('input[id^="client_id"]').waitFor();
    await closeAuthorize();
  });

  await check('Authorize with authorizationCode + PKCE through the sign-in page', async () => {
    await openAuthorize();
    const section = flowSection('authorizationCode');
    await section.locator('input[id^="client_id"]').fill('docs');
    await tick(section, 'pets:read');
    await tick(section, 'pets:write');
    const [popup] = await Promise.all([
      page.waitForEvent('popup'),
      section.locator('button.authorize').click(),
    ]);
    await popup.waitForLoadState();
    await popup.locator('#username').waitFor();
    const scopes = await popup.locator('#scopes').innerText();
    if (!scopes.includes('Add, change and remove pets')) throw new Error(`scopes shown: ${scopes}`);
    await popup.setViewportSize({ width: 800, height: 700 });
    await popup.screenshot({ path: join(shots, `${String(++shot).padStart(2, '0')}-sign-in.png`) });
    await popup.locator('#username').fill('alice');
    await popup.locator('#password').fill(password);
    await Promise.all([popup.waitForEvent('close'), popup.locator('#allow').click()]);
    await section.locator('button', { hasText: 'Logout' }).first().waitFor();
    await snap('authorization-code-authorized');
    await closeAuthorize();
  });

  await check('Try it out: POST /pets with the signed-in token answers 201', async () => {
    const { status } = await tryItOut('createPet', {}, '{"name": "Kit", "tag": "cat"}');
    if (status !== '201') throw new Error(`status ${status}`);
    await snap('create-pet-201');
  });

  await check('Try it out: DELETE /pets/1 needs admin, not granted: 403', async () => {
    const { op, status } = await tryItOut('deletePet', { petId: '1' });
    if (status !== '403') throw new Error(`status ${status}`);
    await op.scrollIntoViewIfNeeded();
    await snap('delete-pet-403');
  });
} catch {
  failed = true;
} finally {
  await browser.close();
  server.kill('SIGTERM');
  rmSync(folder, { recursive: true, force: true });
}
console.log(failed ? 'browser test: FAILED' : 'browser test: every step passed');
process.exit(failed ? 1 : 0);

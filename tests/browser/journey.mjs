// journey.mjs — an HR user's journey in a real browser (design.md, "Tests":
// each user journey in Chromium, axe-core on every page; product.md: WCAG 2.1
// A and AA, bokmål and nynorsk). Starts evne on a demo database, logs in as
// HR, visits home, /units, a unit, /people with an æøå search, a person,
// edits the person's job title, switches to nynorsk and logs out. Every page
// gets an axe check (wcag2a, wcag2aa, wcag21a, wcag21aa) and a screenshot in
// build/test-logs/screens/. Prints TAP: one line per step and per axe check.
//
// Env: EVNE (default build/evne), CHROMIUM (default /usr/bin/chromium),
//      JOURNEY_KEEP=1 keeps the temporary database.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
  LOGS, SCREENS, STEP_TIMEOUT, SUBMIT, checkPage, diag, evne, failed, launch, n, ok, out, serve, server, step,
} from './lib.mjs';

const PASSWORD = 'Nettlesar-test-2026!';
const HR_EMAIL = 'journey-hr@test.evne.example';
const NEW_TITLE = 'Kompetanserådgjevar for æøå-test';

async function main() {
  fs.mkdirSync(SCREENS, { recursive: true });
  for (const f of fs.readdirSync(SCREENS)) if (f.endsWith('.png')) fs.rmSync(path.join(SCREENS, f));
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'evne-journey-'));
  const db = path.join(tmp, 'journey.db');
  let browser = null;
  const serverLog = fs.openSync(path.join(LOGS, 'browser-server.log'), 'w');
  try {
    let r = evne(['init', '--db', db]);
    if (!ok(r.code === 0, 'evne init', r.out + r.err)) return;
    r = evne(['demo', '--db', db, '--units', '12', '--people', '60', '--seed', '7']);
    ok(r.code === 0, 'evne demo builds a demo organisation', (r.out + r.err).slice(-1500));
    r = evne(['user', 'add', '--db', db, '--email', HR_EMAIL, '--name', 'Hanne Rådgjevar', '--role', 'hr'],
      PASSWORD + '\n');
    if (!ok(r.code === 0, 'evne user add --role hr', r.out + r.err)) return;

    const base = await serve(db, serverLog);
    if (!base) return;

    browser = await launch();
    const context = await browser.newContext({ locale: 'nb-NO', viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    page.setDefaultTimeout(STEP_TIMEOUT);
    const consoleErrors = [];
    page.on('console', (m) => {
      if (m.type() !== 'error') return;
      const src = m.location() && m.location().url ? ` [${m.location().url}]` : '';
      consoleErrors.push(`${page.url()}: ${m.text()}${src}`);
    });
    page.on('pageerror', (e) => consoleErrors.push(`${page.url()}: ${e.message}`));
    const failedRequests = [];
    page.on('response', (resp) => {
      if (resp.status() >= 400) failedRequests.push(`${resp.status()} ${resp.url()}`);
    });

    // Log in as HR.
    await step('the log-in page loads', async () => {
      const resp = await page.goto(base + '/');
      return resp && new URL(page.url()).pathname === '/login';
    });
    await checkPage(page, 'login');
    const login = async () => {
      await page.fill('input[name="email"]', HR_EMAIL);
      await page.fill('input[name="password"]', PASSWORD);
      await Promise.all([page.waitForNavigation(), page.locator(`form[action="/login"] :is(${SUBMIT})`).first().click()]);
      const where = new URL(page.url()).pathname;
      const logout = await page.locator('form[action="/logout"]').count();
      if (where === '/login' || logout === 0) {
        throw new Error(`after log-in: at ${page.url()}, ${logout} log-out forms\n` +
          (await page.locator('main').innerText().catch(() => '')).slice(0, 400));
      }
      return true;
    };
    let loggedIn = await step('HR logs in with e-mail and password', login);
    if (!loggedIn) {
      // Reported above as a failure. To still walk (and axe-check) the rest of
      // the journey, retry once the way a fixed product would behave: the
      // log-in form carrying the csrf the browser's cookie holds (the one of
      // the page's last-rendered form).
      await page.goto(base + '/login');
      const vals = await page.locator('input[name="csrf"]').evaluateAll((xs) => xs.map((x) => x.value));
      diag(`csrf values on /login: ${vals.join(', ')}`);
      if (vals.length > 1) {
        await page.locator('form[action="/login"] input[name="csrf"]').evaluate((el, v) => { el.value = v; },
          vals[vals.length - 1]);
      }
      loggedIn = await login().catch((e) => { diag(`the workaround log-in failed too: ${e.message}`); return false; });
      diag(loggedIn ? 'continuing the journey after the workaround log-in' : 'stopping: no session');
    }
    if (!loggedIn) return;
    await checkPage(page, 'home');

    // Units and one unit.
    let unitHref;
    await step('/units lists the units', async () => {
      await page.goto(base + '/units');
      unitHref = await page.locator('main a[href^="/units/"]').evaluateAll(
        (as) => as.map((a) => a.getAttribute('href')).find((h) => /^\/units\/\d+$/.test(h)));
      return !!unitHref;
    });
    await checkPage(page, 'units');
    if (unitHref) {
      await step(`a unit page opens (${unitHref})`, async () => {
        await page.click(`main a[href="${unitHref}"]`);
        await page.waitForURL((u) => u.pathname === unitHref);
        return (await page.locator('h1').count()) > 0;
      });
      await checkPage(page, 'unit');
    }

    // People, searched by an æøå name through the search form.
    let name;
    let query;
    await step('/people lists people, some with æ, ø or å in their names', async () => {
      await page.goto(base + '/people?limit=500');
      const names = await page.locator('main a[href^="/people/"]').allTextContents();
      name = names.map((s) => s.trim()).find((s) => /[æøåÆØÅ]/.test(s));
      if (!name) return false;
      const word = name.split(/\s+/).find((s) => /[æøåÆØÅ]/.test(s));
      const i = word.search(/[æøåÆØÅ]/);
      // a word start holding the letter, in upper case: search matches word
      // starts case-insensitively (store.h), e.g. "BJØ" for Bjørn
      query = word.slice(0, Math.max(3, i + 1)).toLocaleUpperCase('nb');
      return true;
    });
    await checkPage(page, 'people');
    let personHref;
    if (name) {
      await step(`searching people for "${query}" finds ${name} (case-insensitive, æøå)`, async () => {
        await page.goto(base + '/people');
        const q = page.locator('main form input[name="q"], form[role="search"] input[name="q"], input[name="q"]').first();
        await q.fill(query);
        await Promise.all([page.waitForNavigation(), q.press('Enter')]);
        const link = page.locator('main a[href^="/people/"]', { hasText: name }).first();
        if ((await link.count()) === 0) return false;
        personHref = await link.getAttribute('href');
        return new URL(page.url()).searchParams.get('q') !== null;
      });
      await checkPage(page, 'people-search');
    }
    if (personHref) {
      await step(`the person page opens (${personHref})`, async () => {
        await page.click(`main a[href="${personHref}"]`);
        await page.waitForURL((u) => u.pathname === personHref);
        return (await page.locator('h1', { hasText: name.split(/\s+/)[0] }).count()) > 0;
      });
      await checkPage(page, 'person');

      // Edit the job title and see the change.
      const edited = await step('HR edits the job title on /people/{id}/edit', async () => {
        await page.goto(base + personHref + '/edit');
        await page.fill('input[name="job_title"]', NEW_TITLE);
        await checkPage(page, 'person-edit');
        const form = page.locator('form:has(input[name="job_title"])');
        await Promise.all([page.waitForNavigation(), form.locator(SUBMIT).first().click()]);
        return new URL(page.url()).pathname !== personHref + '/edit';
      });
      if (edited) {
        await step('the person page shows the new job title', async () => {
          if (new URL(page.url()).pathname !== personHref) await page.goto(base + personHref);
          return (await page.locator('main', { hasText: NEW_TITLE }).count()) > 0;
        });
        await checkPage(page, 'person-after-edit');
        await step('the API agrees on the new job title', async () => {
          const id = personHref.split('/').pop();
          const resp = await page.request.get(`${base}/api/v1/people/${id}`);
          return resp.status() === 200 && (await resp.json()).job_title === NEW_TITLE;
        });
      }
    }

    // Nynorsk.
    await step('the language switcher turns the page into nynorsk (html[lang=nn])', async () => {
      await Promise.all([page.waitForNavigation(), page.locator('button[name="lang"][value="nn"]').first().click()]);
      const lang = await page.getAttribute('html', 'lang');
      if (lang !== 'nn') throw new Error(`html lang is ${lang}`);
      return true;
    });
    await checkPage(page, 'nynorsk');
    await step('nynorsk stays after moving to another page', async () => {
      await page.goto(base + '/units');
      return (await page.getAttribute('html', 'lang')) === 'nn';
    });

    // Log out.
    await step('HR logs out and lands on the log-in page', async () => {
      await Promise.all([page.waitForNavigation(), page.locator(`form[action="/logout"] :is(${SUBMIT})`).first().click()]);
      return new URL(page.url()).pathname === '/login';
    });
    await step('after log-out /people sends the browser to /login', async () => {
      await page.goto(base + '/people');
      return new URL(page.url()).pathname === '/login';
    });

    ok(consoleErrors.length === 0, 'no console errors or CSP violations on any page', consoleErrors.slice(0, 15).join('\n'));
    ok(failedRequests.length === 0, 'no request of any page failed (assets, styles, scripts)',
      failedRequests.slice(0, 15).join('\n'));
    await context.close();
  } finally {
    if (browser) await browser.close().catch(() => {});
    if (server && server.exitCode === null) {
      server.kill('SIGTERM');
      const code = await Promise.race([
        new Promise((r) => server.once('exit', (c, sig) => r(sig ? sig : c))),
        new Promise((r) => setTimeout(() => r('timeout'), 20000)),
      ]);
      if (code === 'timeout') server.kill('SIGKILL');
      ok(code === 0, 'evne serve exits 0 on SIGTERM', `exit ${code}`);
    }
    fs.closeSync(serverLog);
    if (process.env.JOURNEY_KEEP) diag(`kept ${tmp}`);
    else fs.rmSync(tmp, { recursive: true, force: true });
  }
}

const watchdog = setTimeout(() => {
  ok(false, 'the journey finished within 8 minutes');
  if (server && server.exitCode === null) server.kill('SIGKILL');
  out(`1..${n}`);
  process.exit(1);
}, 8 * 60 * 1000);
main().catch((e) => ok(false, 'the journey ran', e && e.stack)).finally(() => {
  clearTimeout(watchdog);
  out(`1..${n}`);
  process.exit(failed ? 1 : 0);
});

// phase1.mjs — phase 1 of the yearly cycle in a real browser, in nynorsk
// (issue 4, acceptance: "a 2027 cycle can be run through phase 1 entirely in
// the browser in nynorsk"; product.md, "1. Leader preparation"): HR creates
// the 2027 cycle, sets the phase dates and opens it, and adds a leader guide
// in Markdown; the leader ticks every checklist step, writes notes, adds a
// draft competence need, chooses the pack and sends it to the unit's
// employees; an employee finds it under reading and confirms; the leader's
// dashboard shows "1 av N". axe-core (wcag2a, wcag2aa, wcag21a, wcag21aa) on
// every page visited, each violation reported. Prints TAP.
//
// Env: EVNE (default build/evne), CHROMIUM (default /usr/bin/chromium).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
  LOGS, SCREENS, STEP_TIMEOUT, SUBMIT, checkPage, evne, failed, launch, n, ok, out, serve, server, step,
} from './lib.mjs';

function sqlite(db, q) {
  const r = spawnSync('sqlite3', [db, q], { encoding: 'utf8' });
  return (r.stdout || '').trim();
}

function iso(d) {
  return d.toISOString().slice(0, 10);
}

// The date shown in an <input type="date">, typed as the browser expects.
async function fillDate(page, name, value) {
  await page.locator(`input[name="${name}"]`).fill(value);
}

// Switches the page to nynorsk through the language form, when it is not.
async function nynorsk(page) {
  if ((await page.getAttribute('html', 'lang')) === 'nn') return true;
  await Promise.all([page.waitForNavigation(), page.locator('form[action="/lang"] button[value="nn"]').first().click()]);
  return (await page.getAttribute('html', 'lang')) === 'nn';
}

async function logIn(page, base, email, password) {
  await page.goto(base + '/login');
  await nynorsk(page);
  await page.fill('input[name="email"]', email);
  await page.fill('input[name="password"]', password);
  await Promise.all([page.waitForNavigation(), page.locator(`form[action="/login"] :is(${SUBMIT})`).first().click()]);
  if (new URL(page.url()).pathname === '/login') throw new Error('still at /login');
  return nynorsk(page);
}

async function submitForm(page, form) {
  await Promise.all([page.waitForNavigation(), form.locator(SUBMIT).first().click()]);
}

async function main() {
  fs.mkdirSync(SCREENS, { recursive: true });
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'evne-phase1-'));
  const db = path.join(tmp, 'phase1.db');
  let browser = null;
  const serverLog = fs.openSync(path.join(LOGS, 'browser-phase1-server.log'), 'w');
  try {
    let r = evne(['init', '--db', db]);
    if (!ok(r.code === 0, 'evne init', r.out + r.err)) return;
    r = evne(['demo', '--db', db, '--units', '12', '--people', '80', '--seed', '5', '--no-cycle']);
    if (!ok(r.code === 0, 'evne demo builds a demo organisation', (r.out + r.err).slice(-1500))) return;
    const pass = {};
    for (const line of r.out.split('\n')) {
      const m = line.trim().split(/\s+/);
      if (['admin', 'hr', 'leader', 'employee', 'representative'].includes(m[0])) pass[m[0]] = { email: m[1], password: m[2] };
    }
    // the unit the leader prepares: the demo employee's, which the leader leads (from above)
    const unit = sqlite(db, "SELECT p.unit_id FROM users u JOIN people p ON p.id = u.person_id WHERE u.email = '" +
      pass.employee.email + "'");
    const employees = sqlite(db, `SELECT count(*) FROM people p JOIN units u ON u.id = p.unit_id
      WHERE p.unit_id = ${unit} AND p.active = 1 AND p.id <> coalesce(u.leader_id, 0)`);
    const scopeEmployees = sqlite(db, `SELECT count(*) FROM people p JOIN units u ON u.id = p.unit_id
      WHERE p.active = 1 AND p.id <> coalesce(u.leader_id, 0) AND (u.id IN (SELECT id FROM units WHERE leader_id =
      (SELECT person_id FROM users WHERE email = '${pass.leader.email}')) OR u.parent_id IN (SELECT id FROM units
      WHERE leader_id = (SELECT person_id FROM users WHERE email = '${pass.leader.email}')))`);

    const base = await serve(db, serverLog);
    if (!base) return;

    browser = await launch();
    const newPage = async () => {
      const context = await browser.newContext({ locale: 'nn-NO', viewport: { width: 1280, height: 900 } });
      const page = await context.newPage();
      page.setDefaultTimeout(STEP_TIMEOUT);
      return page;
    };

    // ---- HR sets up the cycle ----
    const hr = await newPage();
    if (!await step('HR logs in and switches to nynorsk', () => logIn(hr, base, pass.hr.email, pass.hr.password))) return;
    await checkPage(hr, 'p1-home-hr');
    let cycleId;
    await step('HR creates the 2027 cycle', async () => {
      await hr.goto(base + '/cycles/new');
      await checkPage(hr, 'p1-cycle-new');
      await hr.fill('input[name="name"]', '2027');
      await submitForm(hr, hr.locator('form:has(input[name="name"])'));
      cycleId = sqlite(db, "SELECT id FROM cycles WHERE name = '2027'");
      return !!cycleId;
    });
    if (!cycleId) return;
    await step('HR sets the phase dates', async () => {
      await hr.goto(`${base}/cycles/${cycleId}/edit`);
      const day = 86400000;
      const t0 = Date.now() - 10 * day;
      const keys = ['leader_preparation', 'unit_discussion', 'compilation', 'conversations', 'implementation'];
      for (let k = 0; k < keys.length; k++) {
        await fillDate(hr, `phases.${keys[k]}.starts_on`, iso(new Date(t0 + k * 60 * day)));
        await fillDate(hr, `phases.${keys[k]}.ends_on`, iso(new Date(t0 + (k * 60 + 50) * day)));
      }
      await checkPage(hr, 'p1-cycle-edit');
      await submitForm(hr, hr.locator('form:has(input[name="name"])'));
      return sqlite(db, `SELECT count(*) FROM cycle_phases WHERE cycle_id = ${cycleId} AND starts_on IS NOT NULL`) === '5';
    });
    await step('HR opens the cycle', async () => {
      await hr.goto(`${base}/cycles/${cycleId}/open`);
      await checkPage(hr, 'p1-cycle-open');
      await submitForm(hr, hr.locator(`form[action="/cycles/${cycleId}/open"]`));
      return sqlite(db, `SELECT status FROM cycles WHERE id = ${cycleId}`) === 'open';
    });
    await checkPage(hr, 'p1-cycle');
    await step('HR adds a leader guide in Markdown', async () => {
      await hr.goto(base + '/documents/new');
      await checkPage(hr, 'p1-document-new');
      await hr.fill('input[name="title"]', 'Leiarrettleiing for kompetansedrøftingar');
      await hr.selectOption('select[name="kind"]', 'leader_guide');
      await hr.fill('textarea[name="body"]', '# Slik leier du drøftinga\n\nLes **strategien** først.');
      await submitForm(hr, hr.locator('form:has(input[name="title"])'));
      return sqlite(db, "SELECT latest_version FROM documents WHERE title = 'Leiarrettleiing for kompetansedrøftingar'") === '1';
    });
    await checkPage(hr, 'p1-document');

    // ---- the leader prepares ----
    const lead = await newPage();
    if (!await step('the leader logs in in nynorsk', () => logIn(lead, base, pass.leader.email, pass.leader.password))) return;
    const prep = `/cycles/${cycleId}/prepare/${unit}`;
    await step('the preparation list links the unit', async () => {
      await lead.goto(`${base}/cycles/${cycleId}/prepare`);
      return (await lead.locator(`main a[href="${prep}"]`).count()) === 1;
    });
    await checkPage(lead, 'p1-prepare-index');
    await step('the unit\'s preparation page opens with the key questions', async () => {
      await lead.click(`main a[href="${prep}"]`);
      await lead.waitForURL((u) => u.pathname === prep);
      return (await lead.locator('main', { hasText: 'Sentrale spørsmål' }).count()) === 1;
    });
    await checkPage(lead, 'p1-prepare-unit');
    await step('the leader ticks every checklist step', async () => {
      for (let i = 0; i < 20; i++) {
        const b = lead.locator(`form[action^="${prep}/steps/"]:has(input[name="ticked"][value="1"]) button`).first();
        if ((await b.count()) === 0) break;
        await Promise.all([lead.waitForNavigation(), b.click()]);
      }
      return (await lead.locator('main', { hasText: '4 av 4 punkt er kryssa av.' }).count()) === 1;
    });
    await checkPage(lead, 'p1-checklist');
    await step('the leader writes notes on the likely goals', async () => {
      await lead.fill('textarea[name="likely_goals"]', '# Truleg mål\n\n- Betre digitale tenester');
      await submitForm(lead, lead.locator(`form[action="${prep}/notes"]`));
      return (await lead.locator('main h3', { hasText: 'Truleg mål' }).count()) === 1;
    });
    await step('a draft need without a competence is refused with an error summary', async () => {
      await lead.fill('input[name="title"]', '');
      await submitForm(lead, lead.locator(`form[action="${prep}/needs"]`));
      return (await lead.locator('.ds-error-summary a[href="#f-title"]').count()) === 1;
    });
    await checkPage(lead, 'p1-need-refused');
    await step('the leader adds a draft competence need', async () => {
      await lead.fill('input[name="title"]', 'Tenestedesign');
      await lead.fill('textarea[name="description"]', 'Strategien krev betre digitale tenester.');
      await submitForm(lead, lead.locator(`form[action="${prep}/needs"]`));
      return (await lead.locator('main th[scope="row"]', { hasText: 'Tenestedesign' }).count()) === 1;
    });
    await step('the leader chooses the pack', async () => {
      const box = lead.locator('input[name="document"]').first();
      await box.check();
      await submitForm(lead, lead.locator(`form[action="${prep}/pack"]`));
      return (await lead.locator('input[name="document"]:checked').count()) === 1;
    });
    await checkPage(lead, 'p1-pack');
    await step(`the leader sends it to the unit's ${employees} employees`, async () => {
      await Promise.all([lead.waitForNavigation(), lead.locator(`main a[href="${prep}/send"]`).click()]);
      await checkPage(lead, 'p1-send');
      await submitForm(lead, lead.locator(`form[action="${prep}/send"]`));
      return sqlite(db, `SELECT count(*) FROM read_requests WHERE cycle_id = ${cycleId} AND unit_id = ${unit}`) === employees;
    });
    await checkPage(lead, 'p1-sent');

    // ---- an employee confirms ----
    const emp = await newPage();
    if (!await step('the employee logs in in nynorsk', () => logIn(emp, base, pass.employee.email, pass.employee.password))) return;
    await step('the employee sees the guide under reading', async () => {
      await emp.goto(base + '/reading');
      return (await emp.locator('main', { hasText: 'Leiarrettleiing for kompetansedrøftingar' }).count()) === 1;
    });
    await checkPage(emp, 'p1-reading');
    await step('the employee confirms reading it', async () => {
      let form = emp.locator('form[action^="/reading/"][action$="/confirm"]').first();
      if ((await form.count()) === 0) {
        await Promise.all([emp.waitForNavigation(),
          emp.locator('main a', { hasText: 'Leiarrettleiing for kompetansedrøftingar' }).first().click()]);
        await checkPage(emp, 'p1-reading-document');
        form = emp.locator('form[action^="/reading/"][action$="/confirm"]').first();
      }
      await submitForm(emp, form);
      return sqlite(db, `SELECT count(*) FROM read_requests WHERE cycle_id = ${cycleId} AND confirmed_version = 1`) === '1';
    });
    await checkPage(emp, 'p1-confirmed');

    // ---- the leader's dashboard ----
    await step(`the leader's dashboard shows 1 av ${scopeEmployees}`, async () => {
      await lead.goto(base + '/');
      return (await lead.locator('main table', { hasText: `1 av ${scopeEmployees}` }).count()) > 0;
    });
    await checkPage(lead, 'p1-dashboard-leader');
    await step('HR\'s dashboard shows the organisation and a row per unit', async () => {
      await hr.goto(base + '/');
      return (await hr.locator('main table caption', { hasText: 'per eining' }).count()) === 1;
    });
    await checkPage(hr, 'p1-dashboard-hr');

    // ---- HR's list of units to prepare, filtered by the leader's division and a state ----
    const division = sqlite(db, `SELECT id FROM units WHERE leader_id =
      (SELECT person_id FROM users WHERE email = '${pass.leader.email}') ORDER BY id LIMIT 1`);
    await step('HR filters the preparation list to the leader\'s division, prepared units', async () => {
      await hr.goto(`${base}/cycles/${cycleId}/prepare`);
      const form = hr.locator('main form.ind-filter');
      await form.locator('select[name="unit"]').selectOption(division);
      await form.locator('select[name="status"]').selectOption('prepared');
      await submitForm(hr, form);
      const u = new URL(hr.url());
      return u.searchParams.get('unit') === division && u.searchParams.get('status') === 'prepared' &&
        (await hr.locator(`main table a[href="${prep}"]`).count()) === 1 &&
        (await hr.locator('main table tbody tr').count()) === 1 &&
        (await hr.locator('main nav.ind-path strong[aria-current="location"]').count()) === 1;
    });
    await checkPage(hr, 'p1-prepare-index-hr');
  } finally {
    if (browser) await browser.close().catch(() => {});
    if (server) server.kill('SIGTERM');
    fs.rmSync(tmp, { recursive: true, force: true });
    out(`1..${n}`);
  }
}

main().then(() => process.exit(failed ? 1 : 0), (e) => {
  ok(false, 'the journey ran', String(e && e.stack));
  if (server) server.kill('SIGTERM');
  out(`1..${n}`);
  process.exit(1);
});

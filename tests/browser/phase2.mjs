// phase2.mjs — phase 2 and the decision in a real browser, on the demo
// organisation (issue 5, acceptance: "the whole of phase 2 and the decision
// can be done in the browser, and the published strategy shows for each
// decided need which units proposed it and which strategic goal it serves").
// Three units in the demo leader's division hold their discussions (the
// meeting, notes on an agenda item, attendance; an employee sends a
// suggestion) and submit proposals with two critical needs (one from the
// catalogue, one described freely) and a measure; HR compiles them side by
// side, reads the heat map, returns one proposal with a comment (the leader
// reads it, edits and submits again), merges two units' needs into one
// decided need, decides an overarching and a local measure, records the
// consultation with the union representatives and sends the decision for
// approval; top management approves it in English; HR publishes; the
// employee (in nynorsk), the leader, management and a representative read
// the published strategy, and the representative reads the compilation
// without any edit button. axe-core (wcag2a, wcag2aa, wcag21a, wcag21aa) on
// every page visited, each violation reported. Prints TAP.
//
// Env: EVNE (default build/evne), CHROMIUM (default /usr/bin/chromium).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
  LOGS, SCREENS, STEP_TIMEOUT, SUBMIT, checkPage, diag, evne, failed, launch, n, ok, out, serve, server, step,
} from './lib.mjs';

function sqlite(db, q) {
  const r = spawnSync('sqlite3', [db, q], { encoding: 'utf8' });
  return (r.stdout || '').trim();
}

function iso(d) {
  return d.toISOString().slice(0, 10);
}

// Norwegian date as the text fields expect it: dd.mm.yyyy.
function norwegian(d) {
  const s = iso(d);
  return `${s.slice(8, 10)}.${s.slice(5, 7)}.${s.slice(0, 4)}`;
}

// Switches the page's language through the language form, when it is not lang already.
async function language(page, lang) {
  if ((await page.getAttribute('html', 'lang')) === lang) return true;
  await Promise.all([page.waitForNavigation(),
    page.locator(`form[action="/lang"] button[value="${lang}"]`).first().click()]);
  return (await page.getAttribute('html', 'lang')) === lang;
}

async function logIn(page, base, who, lang) {
  await page.goto(base + '/login');
  await language(page, lang);
  await page.fill('input[name="email"]', who.email);
  await page.fill('input[name="password"]', who.password);
  await Promise.all([page.waitForNavigation(), page.locator(`form[action="/login"] :is(${SUBMIT})`).first().click()]);
  if (new URL(page.url()).pathname === '/login') throw new Error('still at /login');
  return language(page, lang);
}

async function submitForm(page, form) {
  await Promise.all([page.waitForNavigation(), form.locator(SUBMIT).first().click()]);
}

// Follows the first link in <main> whose href is href (path only), and waits for its page.
async function follow(page, href) {
  const link = page.locator(`main a[href="${href}"]`).first();
  await Promise.all([page.waitForNavigation(), link.click()]);
  return new URL(page.url()).pathname === href.split(/[?#]/)[0];
}

const pathOf = (page) => new URL(page.url()).pathname;
const clean = (s) => (s || '').replace(/\s+/g, ' ').trim();
const textOf = async (loc) => clean(await loc.textContent());
// The texts of a table row's cells, th and td in order.
const cellsOf = async (row) => (await row.locator('th, td').allTextContents()).map(clean);

async function main() {
  fs.mkdirSync(SCREENS, { recursive: true });
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'evne-phase2-'));
  const db = path.join(tmp, 'phase2.db');
  let browser = null;
  const serverLog = fs.openSync(path.join(LOGS, 'browser-phase2-server.log'), 'w');
  try {
    let r = evne(['init', '--db', db]);
    if (!ok(r.code === 0, 'evne init', r.out + r.err)) return;
    r = evne(['demo', '--db', db, '--seed', '7']);
    if (!ok(r.code === 0, 'evne demo builds a demo organisation with an open cycle', (r.out + r.err).slice(-1500))) return;
    const pass = {};
    for (const line of r.out.split('\n')) {
      const m = line.trim().split(/\s+/);
      if (['admin', 'hr', 'leader', 'employee', 'representative', 'management'].includes(m[0])) {
        pass[m[0]] = { email: m[1], password: m[2] };
      }
    }
    if (!ok(Object.keys(pass).length === 6, 'the demo prints the six log-ins, management among them',
      JSON.stringify(Object.keys(pass)))) return;
    const cm = r.out.match(/\/cycles\/(\d+)/);
    if (!ok(cm, 'the demo prints its open cycle', r.out.slice(-500))) return;
    const cycle = cm[1];
    const C = `/cycles/${cycle}`;

    // Three units in the leader's scope: the division the leader leads, the
    // demo employee's section in it, and one more section of the division.
    const leaderPerson = sqlite(db, `SELECT person_id FROM users WHERE email = '${pass.leader.email}'`);
    const own = sqlite(db, `SELECT id FROM units WHERE leader_id = ${leaderPerson} ORDER BY id LIMIT 1`);
    const empUnit = sqlite(db, `SELECT p.unit_id FROM users u JOIN people p ON p.id = u.person_id
      WHERE u.email = '${pass.employee.email}'`);
    const other = sqlite(db, `SELECT id FROM units WHERE parent_id = ${own} AND id <> ${empUnit || 0}
      ORDER BY id LIMIT 1`);
    if (!ok(own && other && sqlite(db, `SELECT parent_id FROM units WHERE id = ${empUnit}`) === own,
      `three units in the leader's division (${own}, ${empUnit}, ${other})`)) return;
    const unitName = (id) => sqlite(db, `SELECT name FROM units WHERE id = ${id}`);
    // What each unit proposes: a catalogue need (the first two the same, to be
    // merged), a need in its own words, and a measure.
    const units = [
      { id: own, competence: 'Informasjonssikkerhet', area: 'Digital kompetanse', own: 'Gevinstoppfølging i smidige prosjekter',
        kind: 'develop', measure: 'Kurs i sikker utvikling for hele avdelingen', cost: '85 000' },
      { id: empUnit, competence: 'Informasjonssikkerhet', area: 'Digital kompetanse', own: 'Universell utforming av selvbetjeningsløsninger',
        kind: 'acquire', measure: 'Rekruttere en sikkerhetsarkitekt', cost: '950 000',
        suggestion: 'Vi treng meir kunnskap om universell utforming før vi lagar nye skjema.' },
      { id: other, competence: 'Klart språk', area: 'Kommunikasjon', own: 'Beredskapsplanlegging for driftsavbrudd',
        kind: 'mobilise', measure: 'Språkombud i hver seksjon', cost: '20 000' },
    ];
    for (const u of units) u.name = unitName(u.id);
    const [A, E, O] = units;

    const base = await serve(db, serverLog);
    if (!base) return;

    browser = await launch();
    const newPage = async (locale) => {
      const context = await browser.newContext({ locale, viewport: { width: 1280, height: 900 } });
      const page = await context.newPage();
      page.setDefaultTimeout(STEP_TIMEOUT);
      return page;
    };

    // Everyone logs in at once (password hashing is slow on purpose): the
    // leader, HR and the representative in bokmål, the employee in nynorsk,
    // top management in English.
    const actors = [['leader', 'nb-NO', 'nb'], ['hr', 'nb-NO', 'nb'], ['employee', 'nn-NO', 'nn'],
      ['representative', 'nb-NO', 'nb'], ['management', 'en-GB', 'en']];
    const pages = await Promise.all(actors.map(([, locale]) => newPage(locale)));
    const logins = await Promise.all(actors.map(([who, , lang], k) =>
      logIn(pages[k], base, pass[who], lang).then((v) => v, (e) => e)));
    let all = true;
    for (const [k, [who, , lang]] of actors.entries()) {
      all = ok(logins[k] === true, `the ${who} logs in (${lang})`, logins[k] === true ? '' : String(logins[k])) && all;
    }
    if (!all) return;
    const [lead, hr, emp, rep, top] = pages;
    await checkPage(lead, 'p2-home-leader');

    // ---- the units' discussions and proposals ----
    const employee = {
      unit: empUnit,
      name: sqlite(db, `SELECT p.name FROM users u JOIN people p ON p.id = u.person_id WHERE u.email = '${pass.employee.email}'`),
    };
    const journey = { lead, emp, base, C, db, cycle, employee };

    let goal = null;         // the strategic goal the catalogue needs serve: its label as shown
    for (const [i, u] of units.entries()) {
      const prop = `${C}/proposals/${u.id}`;
      await discussion(journey, u, i);

      await step(`${u.name}: the proposal page opens as a draft`, async () => {
        await follow(lead, prop);
        return pathOf(lead) === prop && (await lead.locator(`main a[href="${prop}/needs/new"]`).count()) > 0;
      });
      if (i === 0) await checkPage(lead, 'p2-proposal-empty');

      await step(`${u.name}: a need from the catalogue (${u.competence}) with levels, horizon and goals`, async () => {
        await follow(lead, `${prop}/needs/new`);
        if (i === 0) await checkPage(lead, 'p2-need-new');
        await lead.selectOption('select[name="competence_id"]', { label: u.competence });
        await lead.check('input[name="criticality"][value="high"]');
        await lead.selectOption('select[name="required_level"]', '3');
        await lead.selectOption('select[name="current_level"]', '1');
        await lead.fill('input[name="people_affected"]', String(4 + i));
        await lead.check('input[name="horizon"][value="next_year"]');
        await lead.fill('textarea[name="rationale"]', `Strategien krever ${u.competence.toLowerCase()} i alt vi leverer.`);
        const goals = lead.locator('input[name="goal_ids"]');
        const box = goals.last();
        await box.check();
        goal = goal || await textOf(lead.locator(`label[for="${await box.getAttribute('id')}"]`));
        const unitGoal = lead.locator('input[name="unit_goal_ids"]').first();
        if ((await unitGoal.count()) > 0) await unitGoal.check();
        await submitForm(lead, lead.locator(`form[action="${prop}/needs"]`));
        return pathOf(lead) === prop &&
          (await lead.locator('main tr[id^="need-"] th[scope="row"]', { hasText: u.competence }).count()) === 1 &&
          (await lead.locator('main tr[id^="need-"]', { hasText: goal }).count()) === 1;
      });

      await step(`${u.name}: a critical need in the unit's own words`, async () => {
        await follow(lead, `${prop}/needs/new`);
        await lead.fill('input[name="title"]', u.own);
        await lead.check('input[name="criticality"][value="critical"]');
        await lead.selectOption('select[name="required_level"]', '2');
        await lead.check('input[name="horizon"][value="one_to_three_years"]');
        await lead.locator('input[name="goal_ids"]').first().check();
        await submitForm(lead, lead.locator(`form[action="${prop}/needs"]`));
        return (await lead.locator('main tr[id^="need-"] th[scope="row"]', { hasText: u.own }).count()) === 1;
      });

      await step(`${u.name}: a measure answering both needs`, async () => {
        await follow(lead, `${prop}/measures/new`);
        if (i === 0) await checkPage(lead, 'p2-measure-new');
        await lead.check(`input[name="kind"][value="${u.kind}"]`);
        await lead.fill('input[name="title"]', u.measure);
        await lead.fill('textarea[name="description"]', 'Foreslått i kompetansedrøftingen.');
        await lead.fill('input[name="suggested_owner"]', 'Seksjonsleder');
        await lead.fill('input[name="estimated_cost"]', u.cost);
        await lead.fill('input[name="timing"]', 'Vår 2027');
        const needs = lead.locator('input[name="need_ids"]');
        for (let k = 0; k < await needs.count(); k++) await needs.nth(k).check();
        await submitForm(lead, lead.locator(`form[action="${prop}/measures"]`));
        return (await lead.locator('main tr[id^="measure-"] th[scope="row"]', { hasText: u.measure }).count()) === 1 &&
          sqlite(db, `SELECT count(*) FROM measure_needs mn JOIN proposed_measures m ON m.id = mn.measure_id
            WHERE m.cycle_id = ${cycle} AND m.unit_id = ${u.id}`) === '2';
      });
      if (i === 0) await checkPage(lead, 'p2-proposal-full');

      await step(`${u.name}: the leader submits the proposal after a confirmation page`, async () => {
        await follow(lead, `${prop}/submit`);
        if (i === 0) await checkPage(lead, 'p2-submit-confirm');
        await submitForm(lead, lead.locator(`form[action="${prop}/submit"]`));
        return sqlite(db, `SELECT status FROM unit_discussions WHERE cycle_id = ${cycle} AND unit_id = ${u.id}`) === 'submitted';
      });
      if (i === 0) {
        await step('a submitted proposal offers no edit links', async () =>
          (await lead.locator(`main a[href^="${prop}/needs/"], main a[href^="${prop}/measures/"]`).count()) === 0);
        await checkPage(lead, 'p2-proposal-submitted');
        await step('the discussion of a submitted proposal keeps its notes and takes no changes', async () => {
          await follow(lead, `${C}/discussions/${u.id}`);
          return (await lead.locator('main', { hasText: u.own }).count()) > 0 &&
            (await lead.locator('main form[method="post"]').count()) === 0;
        });
        await checkPage(lead, 'p2-discussion-locked');
      }
    }
    diag(`goal linked: ${goal}`);

    // ---- HR compiles ----
    await step('HR sees the three submitted proposals side by side', async () => {
      await hr.goto(`${base}${C}/compilation`);
      const rows = hr.locator('main table:has(caption) tbody tr');
      for (const u of units) {
        const row = rows.filter({ has: hr.locator(`th[scope="row"] a[href="${C}/proposals/${u.id}"]`) });
        if ((await row.count()) !== 1) throw new Error(`no row for ${u.name}`);
        const cells = await cellsOf(row);
        if (!cells.includes('2')) throw new Error(`${u.name}: no need count 2 in ${cells.join(' | ')}`);
      }
      return true;
    });
    await checkPage(hr, 'p2-compilation');

    // The heat map: the division's row sums its units' needs; drilled down,
    // a row per unit. Every count is text in a table with a caption.
    const heatRows = async (page) => {
      const table = page.locator('main table:has(caption)');
      if ((await table.count()) !== 1) throw new Error('no heat map table with a caption');
      const heads = (await table.locator('thead th').allTextContents()).map(clean);
      const col = (h) => {
        const k = heads.indexOf(h);
        if (k < 0) throw new Error(`no column "${h}" in ${heads.join(' | ')}`);
        return k;
      };
      const rows = [];
      for (const tr of await table.locator('tbody tr, tfoot tr').all()) rows.push(await cellsOf(tr));
      const row = (name) => {
        const r = rows.find((c) => c[0] === name || c[0].startsWith(name + ' ('));
        if (!r) throw new Error(`no row "${name}" in ${rows.map((c) => c[0]).join(' | ')}`);
        return r;
      };
      return { col, row, num: (cell) => (cell.match(/\d+/) || [''])[0], rows };
    };
    const areaCount = (us, area) => String(us.filter((u) => u.area === area).length);
    await step('the heat map shows the division\'s counts per competence area as text', async () => {
      await follow(hr, `${C}/compilation/heatmap`);
      const h = await heatRows(hr);
      const r = h.row(A.name);
      const want = [[h.col('Sum'), '6'], [h.col('Ikke i katalogen'), '3'], [h.col(A.area), areaCount(units, A.area)],
        [h.col(O.area), areaCount(units, O.area)]];
      for (const [k, v] of want) if (h.num(r[k]) !== v) throw new Error(`${A.name}: ${r.join(' | ')}`);
      return true;
    });
    await checkPage(hr, 'p2-heatmap');
    await step('drilled down to the division, the heat map has a row per unit with its counts', async () => {
      const link = hr.locator('main table th[scope="row"] a', { hasText: A.name });
      await Promise.all([hr.waitForNavigation(), link.first().click()]);
      const h = await heatRows(hr);
      for (const u of units) {
        const r = h.row(u.name);
        if (h.num(r[h.col('Sum')]) !== '2' || h.num(r[h.col(u.area)]) !== '1' || h.num(r[h.col('Ikke i katalogen')]) !== '1') {
          throw new Error(`${u.name}: ${r.join(' | ')}`);
        }
      }
      return true;
    });
    await checkPage(hr, 'p2-heatmap-division');

    // HR returns the employee's unit's proposal; the leader reads the comment, edits, submits again.
    const comment = 'Oppgi hvor mange som berøres av behovet for universell utforming.';
    const propE = `${C}/proposals/${E.id}`;
    await step(`HR returns the proposal of ${E.name} with a comment`, async () => {
      await follow(hr, `${C}/compilation`);
      await follow(hr, propE);
      await checkPage(hr, 'p2-proposal-hr');
      await follow(hr, `${propE}/return`);
      await checkPage(hr, 'p2-return');
      await hr.fill('textarea[name="comment"]', comment);
      await submitForm(hr, hr.locator(`form[action="${propE}/return"]`));
      return sqlite(db, `SELECT status FROM unit_discussions WHERE cycle_id = ${cycle} AND unit_id = ${E.id}`) === 'returned';
    });
    await step('the leader sees HR\'s comment on the returned proposal', async () => {
      await lead.goto(base + propE);
      return (await lead.locator('main', { hasText: comment }).count()) === 1;
    });
    await checkPage(lead, 'p2-proposal-returned');
    await step('the leader edits the need and submits the proposal again', async () => {
      const edit = lead.locator(`main tr[id^="need-"]:has(th:has-text("${E.own}")) a[href$="/edit"]`);
      const href = await edit.getAttribute('href');
      await follow(lead, href);
      await checkPage(lead, 'p2-need-edit');
      await lead.fill('input[name="people_affected"]', '12');
      await submitForm(lead, lead.locator(`form[action="${href.replace(/\/edit$/, '')}"]`));
      const cells = await cellsOf(lead.locator('main tr[id^="need-"]', { hasText: E.own }));
      if (!cells.includes('12')) throw new Error(`the row reads ${cells.join(' | ')}`);
      await follow(lead, `${propE}/submit`);
      await submitForm(lead, lead.locator(`form[action="${propE}/submit"]`));
      return sqlite(db, `SELECT status FROM unit_discussions WHERE cycle_id = ${cycle} AND unit_id = ${E.id}`) === 'submitted';
    });

    // The merge: the catalogue needs of two units into one decided need.
    let decidedNeed = null;
    await step(`HR merges the ${A.competence} needs of ${A.name} and ${E.name} into one decided need`, async () => {
      await hr.goto(`${base}${C}/compilation`);
      await Promise.all([hr.waitForNavigation(), hr.getByRole('link', { name: A.competence, exact: true }).first().click()]);
      await checkPage(hr, 'p2-compilation-competence');
      for (const u of [A, E]) {
        const row = hr.locator('main form[action$="/compilation/needs/new"] tbody tr')
          .filter({ has: hr.locator('th[scope="row"]', { hasText: u.competence }) })
          .filter({ hasText: u.name });
        await row.locator('input[name="from"]').check();
      }
      await submitForm(hr, hr.locator(`main form[action="${C}/compilation/needs/new"]`));
      await checkPage(hr, 'p2-decided-need-new');
      const sources = hr.locator('input[name="sources"]:checked');
      if ((await sources.count()) !== 2) throw new Error(`${await sources.count()} sources ticked`);
      const g = hr.locator('input[name="goals"]:checked');
      const gl = await textOf(hr.locator(`label[for="${await g.first().getAttribute('id')}"]`));
      if ((await g.count()) < 1 || gl !== goal) throw new Error(`the goals ticked: ${gl}`);
      await hr.fill('input[name="title"]', 'Informasjonssikkerhet i utvikling og drift');
      await hr.fill('textarea[name="description"]', 'Slått sammen fra forslagene til to enheter.');
      await hr.selectOption('select[name="criticality"]', 'critical');
      await hr.selectOption('select[name="scope"]', 'organisation');
      await submitForm(hr, hr.locator(`form[action="${C}/compilation/needs"]`));
      const m = pathOf(hr).match(/\/compilation\/needs\/(\d+)$/);
      if (!m) throw new Error(`landed on ${hr.url()}`);
      decidedNeed = m[1];
      const main = hr.locator('main');
      return (await main.filter({ hasText: A.name }).count()) === 1 && (await main.filter({ hasText: E.name }).count()) === 1 &&
        sqlite(db, `SELECT count(*) FROM decided_need_sources WHERE decided_need_id = ${decidedNeed}`) === '2';
    });
    await checkPage(hr, 'p2-decided-need');

    await step('HR decides an overarching measure from a proposed one, answering the decided need', async () => {
      await hr.goto(`${base}${C}/compilation`);
      await Promise.all([hr.waitForNavigation(), hr.getByRole('link', { name: 'Utvikle', exact: true }).first().click()]);
      await checkPage(hr, 'p2-compilation-measures');
      const row = hr.locator('main form[action$="/compilation/measures/new"] tbody tr').filter({ hasText: A.measure });
      await row.locator('input[name="from"]').check();
      await submitForm(hr, hr.locator(`main form[action="${C}/compilation/measures/new"]`));
      await checkPage(hr, 'p2-decided-measure-new');
      await hr.selectOption('select[name="kind"]', 'develop');
      await hr.selectOption('select[name="scope"]', 'overarching');
      await hr.fill('input[name="owner"]', 'HR-direktør');
      await hr.fill('input[name="deadline"]', norwegian(new Date(Date.UTC(new Date().getUTCFullYear() + 1, 5, 30))));
      await hr.fill('input[name="budget"]', '150 000');
      await hr.locator(`input[name="needs"][value="${decidedNeed}"], input[type="checkbox"][value="${decidedNeed}"]:not([name="sources"])`).first().check();
      await submitForm(hr, hr.locator(`form[action="${C}/compilation/measures"]`));
      return /\/compilation\/measures\/\d+$/.test(pathOf(hr)) &&
        sqlite(db, `SELECT scope || ' ' || budget FROM decided_measures WHERE cycle_id = ${cycle} AND title = '${A.measure}'`) === 'overarching 150000';
    });
    await checkPage(hr, 'p2-decided-measure');

    await step(`HR decides a local measure for ${O.name}`, async () => {
      await hr.goto(`${base}${C}/compilation`);
      await Promise.all([hr.waitForNavigation(), hr.getByRole('link', { name: 'Mobilisere', exact: true }).first().click()]);
      const row = hr.locator('main form[action$="/compilation/measures/new"] tbody tr').filter({ hasText: O.measure });
      await row.locator('input[name="from"]').check();
      await submitForm(hr, hr.locator(`main form[action="${C}/compilation/measures/new"]`));
      await hr.selectOption('select[name="kind"]', 'mobilise');
      await hr.selectOption('select[name="scope"]', 'local');
      await hr.selectOption('select[name="unit_id"]', O.id);
      await hr.fill('input[name="owner"]', 'Seksjonslederen');
      await hr.fill('input[name="deadline"]', norwegian(new Date(Date.UTC(new Date().getUTCFullYear() + 1, 8, 1))));
      await submitForm(hr, hr.locator(`form[action="${C}/compilation/measures"]`));
      return /\/compilation\/measures\/\d+$/.test(pathOf(hr)) &&
        sqlite(db, `SELECT scope || ' ' || unit_id FROM decided_measures WHERE cycle_id = ${cycle} AND title = '${O.measure}'`) === `local ${O.id}`;
    });

    // A representative reads the compilation but has nothing to edit.
    const editing = `main a[href$="/new"], main a[href$="/edit"], main a[href$="/delete"], main a[href$="/return"],
      main form[method="post"], main form[action$="/new"], main input[name="from"]`;
    await step('the representative reads the compilation; HR sees edit controls there, the representative none', async () => {
      await hr.goto(`${base}${C}/compilation`);
      await rep.goto(`${base}${C}/compilation`);
      const hrEdits = await hr.locator(editing).count();
      const repEdits = await rep.locator(editing).count();
      diag(`edit controls on the compilation: HR ${hrEdits}, representative ${repEdits}`);
      return (await rep.locator(`main a[href="${C}/proposals/${A.id}"]`).count()) > 0 && hrEdits > 0 && repEdits === 0;
    });
    await checkPage(rep, 'p2-compilation-representative');
    await step(`the representative opens the ${A.competence} needs: no boxes to tick, no merge`, async () => {
      await Promise.all([rep.waitForNavigation(), rep.getByRole('link', { name: A.competence, exact: true }).first().click()]);
      return (await rep.locator('main tbody tr', { hasText: E.name }).count()) > 0 && (await rep.locator(editing).count()) === 0;
    });
    await checkPage(rep, 'p2-compilation-competence-representative');
    await step('the representative reads the decided need and its lineage without edit links', async () => {
      await rep.goto(`${base}${C}/compilation`);
      await follow(rep, `${C}/compilation/needs/${decidedNeed}`);
      return (await rep.locator('main', { hasText: E.name }).count()) === 1 && (await rep.locator(editing).count()) === 0;
    });
    await checkPage(rep, 'p2-decided-need-representative');

    // ---- the consultation and the decision ----
    await step('HR records the consultation with the union representatives', async () => {
      await hr.goto(`${base}${C}/decision`);
      await checkPage(hr, 'p2-decision-compiling');
      await follow(hr, `${C}/consultations/new`);
      await checkPage(hr, 'p2-consultation-new');
      const held = new Date(Date.now() - 86400000);
      const input = hr.locator('input[name="held_on"]');
      await input.fill((await input.getAttribute('type')) === 'date' ? iso(held) : norwegian(held));
      await hr.fill('textarea[name="participants"]', 'Helene Mathisen (tillitsvalgt)\nRandi Nærland (HR)');
      await hr.fill('textarea[name="minutes"]', '# Drøftingsmøte\n\n* Partene er enige om de kritiske behovene.');
      await submitForm(hr, hr.locator(`form[action="${C}/consultations"]`));
      return /\/consultations\/\d+$/.test(pathOf(hr)) && (await hr.locator('main h1, main h2').filter({ hasText: 'Drøftingsmøte' }).count()) > 0;
    });
    await checkPage(hr, 'p2-consultation');
    await step('HR attaches the minutes as a PDF', async () => {
      const pdf = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n' +
        '2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');
      await hr.setInputFiles('input[name="file"]', { name: 'referat.pdf', mimeType: 'application/pdf', buffer: pdf });
      await submitForm(hr, hr.locator('form[action$="/files"]'));
      return (await hr.locator('main a', { hasText: 'referat.pdf' }).count()) > 0;
    });
    await step('HR sends the decision for approval after a confirmation page', async () => {
      await hr.goto(`${base}${C}/decision`);
      await follow(hr, `${C}/decision/send`);
      await checkPage(hr, 'p2-decision-send');
      await submitForm(hr, hr.locator(`form[action="${C}/decision/send"]`));
      return sqlite(db, `SELECT status FROM decisions WHERE cycle_id = ${cycle}`) === 'awaiting_approval';
    });
    await checkPage(hr, 'p2-decision-awaiting');

    // ---- top management approves, in English ----
    const approval = 'Approved by the management group; the budget is within the frame.';
    await step('management opens the decision and approves it with a comment', async () => {
      await top.goto(`${base}${C}/decision`);
      await checkPage(top, 'p2-decision-management');
      await follow(top, `${C}/decision/approve`);
      await checkPage(top, 'p2-approve');
      await top.fill('textarea[name="comment"]', approval);
      await submitForm(top, top.locator(`form[action="${C}/decision/approve"]`));
      return sqlite(db, `SELECT status FROM decisions WHERE cycle_id = ${cycle}`) === 'approved';
    });
    await checkPage(top, 'p2-approved');
    await step('HR sees the decision approved, with management\'s comment', async () => {
      await hr.goto(`${base}${C}/decision`);
      return (await hr.locator('main', { hasText: approval }).count()) === 1 &&
        (await hr.locator(`main a[href="${C}/decision/publish"]`).count()) === 1;
    });

    // ---- HR publishes ----
    await step('HR publishes the decided strategy after a confirmation page with a preview', async () => {
      await follow(hr, `${C}/decision/publish`);
      await checkPage(hr, 'p2-publish');
      await hr.fill('textarea[name="note"]', 'Første vedtatte kompetansestrategi for 2027.');
      await submitForm(hr, hr.locator(`form[action="${C}/decision/publish"]`));
      return sqlite(db, `SELECT count(*) FROM decided_versions WHERE cycle_id = ${cycle} AND number = 1`) === '1';
    });
    await checkPage(hr, 'p2-published-hr');
    await step('the published version shows management\'s approval comment', async () =>
      (await hr.locator('main', { hasText: approval }).count()) === 1);

    // ---- everyone reads the published strategy ----
    const readers = [['employee', emp, 'nn'], ['leader', lead, 'nb'], ['management', top, 'en'], ['representative', rep, 'nb']];
    for (const [who, page, lang] of readers) {
      await step(`the ${who} (${lang}) sees the decided need, the units that proposed it and the goal it serves`, async () => {
        await page.goto(base + '/');
        const link = page.locator(`a[href="${C}/competence-strategy"]`).first();
        await Promise.all([page.waitForNavigation(), link.click()]);
        const need = page.locator('main section')
          .filter({ has: page.locator('h2, h3, h4', { hasText: 'Informasjonssikkerhet i utvikling og drift' }) });
        if ((await need.count()) === 0) throw new Error('the decided need is not on the page');
        const t = await textOf(need);
        for (const s of [A.name, E.name, goal]) if (!t.includes(s)) throw new Error(`"${s}" missing in: ${t.slice(0, 400)}`);
        if (t.includes(O.name)) throw new Error(`${O.name} did not propose it: ${t.slice(0, 400)}`);
        return true;
      });
      await checkPage(page, `p2-strategy-${who}`);
    }
    await step('the published strategy is version 1 and lists the overarching and the local measure', async () =>
      (await emp.locator(`main a[href="${C}/competence-strategy/versions/1"]`).count()) > 0 &&
      (await emp.locator('main', { hasText: A.measure }).count()) === 1 &&
      (await emp.locator('main', { hasText: O.measure }).count()) === 1);
    await step('the representative reads the consultation record and its attachment, without edit links', async () => {
      await rep.goto(`${base}${C}/decision`);
      await checkPage(rep, 'p2-decision-representative');
      const link = rep.locator(`main a[href^="${C}/consultations/"]`).first();
      await Promise.all([rep.waitForNavigation(), link.click()]);
      await checkPage(rep, 'p2-consultation-representative');
      return (await rep.locator('main', { hasText: 'Helene Mathisen (tillitsvalgt)' }).count()) === 1 &&
        (await rep.locator('main a', { hasText: 'referat.pdf' }).count()) > 0 &&
        (await rep.locator('main a[href$="/edit"], main a[href$="/delete"], main form[method="post"]').count()) === 0;
    });
  } finally {
    if (browser) await browser.close().catch(() => {});
    if (server) server.kill('SIGTERM');
    fs.rmSync(tmp, { recursive: true, force: true });
    out(`1..${n}`);
  }
}

// The unit's discussion meeting (i: which of the three units): the leader
// finds it from the home page and the list of the units they lead (the
// first time), schedules it, writes notes on the agenda's mapping item and
// ticks attendance; in the employee's unit the employee first sends a
// suggestion from their home page, which the leader then sees. Ends on the
// discussion page.
async function discussion(t, u, i) {
  const { lead, emp, base, C, db, cycle, employee } = t;
  const disc = `${C}/discussions/${u.id}`;
  const row = `cycle_id = ${cycle} AND unit_id = ${u.id}`;
  if (u.id === employee.unit) {
    await step(`${u.name}: the employee sends a suggestion before the meeting (nynorsk)`, async () => {
      await emp.goto(base + '/');
      await follow(emp, disc);
      await checkPage(emp, 'p2-discussion-employee');
      await emp.fill('textarea[name="body"]', u.suggestion);
      await submitForm(emp, emp.locator(`form[action="${disc}/suggestions"]`));
      return sqlite(db, `SELECT count(*) FROM discussion_suggestions WHERE ${row}`) === '1' &&
        (await emp.locator('main', { hasText: u.suggestion }).count()) === 1;
    });
    await checkPage(emp, 'p2-suggestion-sent');
  }
  await step(`${u.name}: the leader opens the unit's discussion meeting page`, async () => {
    if (i === 0) {
      await lead.goto(base + '/');
      await follow(lead, `${C}/discussions`);
      await checkPage(lead, 'p2-discussions');
    } else {
      await lead.goto(`${base}${C}/discussions`);
    }
    await follow(lead, disc);
    return pathOf(lead) === disc && (await lead.locator(`main form[action="${disc}/meeting"]`).count()) === 1;
  });
  if (i === 0) await checkPage(lead, 'p2-discussion');
  if (u.suggestion) {
    await step(`${u.name}: the leader sees the employee's suggestion and who sent it`, async () =>
      (await lead.locator('main', { hasText: u.suggestion }).count()) === 1 &&
      (await lead.locator('main', { hasText: employee.name }).count()) === 1);
  }
  await step(`${u.name}: the leader schedules the meeting`, async () => {
    const day = new Date(Date.now() + (14 + i) * 86400000);
    await lead.fill('input[name="meeting_on"]', norwegian(day));
    await lead.fill('input[name="meeting_at"]', '09:00');
    await lead.fill('input[name="location"]', `Møterom ${i + 1}, Fjordbygget`);
    await submitForm(lead, lead.locator(`form[action="${disc}/meeting"]`));
    return sqlite(db, `SELECT meeting_on || ' ' || meeting_at FROM unit_discussions WHERE ${row}`) === `${iso(day)} 09:00` &&
      (await lead.locator('main', { hasText: `Møterom ${i + 1}, Fjordbygget` }).count()) > 0;
  });
  await step(`${u.name}: the leader writes notes on the mapping of critical needs`, async () => {
    const notes = lead.locator(`form[action="${disc}/notes"] textarea`);
    if ((await notes.count()) < 3) throw new Error(`${await notes.count()} agenda items`);
    await notes.nth(2).fill(`Vi ble enige om to kritiske behov:\n\n* ${u.competence}\n* ${u.own}`);
    await submitForm(lead, lead.locator(`form[action="${disc}/notes"]`));
    return sqlite(db, `SELECT count(*) FROM discussion_notes WHERE ${row} AND item = 2 AND notes LIKE '%${u.own}%'`) === '1';
  });
  await step(`${u.name}: the leader ticks who attended`, async () => {
    const boxes = lead.locator(`form[action="${disc}/attendance"] input[type="checkbox"]`);
    const total = await boxes.count();
    if (total < 4) throw new Error(`${total} people to tick`);
    for (let k = 0; k < 3; k++) await boxes.nth(k).check();
    if (u.id === employee.unit) await lead.getByLabel(employee.name, { exact: false }).check();
    const want = await lead.locator(`form[action="${disc}/attendance"] input[type="checkbox"]:checked`).count();
    await submitForm(lead, lead.locator(`form[action="${disc}/attendance"]`));
    return sqlite(db, `SELECT count(*) FROM discussion_attendance WHERE ${row}`) === String(want) &&
      (await lead.locator('main', { hasText: `${want} av ${total} til stede` }).count()) === 1;
  });
  if (i === 0) await checkPage(lead, 'p2-discussion-held');
}

main().then(() => process.exit(failed ? 1 : 0), (e) => {
  ok(false, 'the journey ran', String(e && e.stack));
  if (server) server.kill('SIGTERM');
  out(`1..${n}`);
  process.exit(1);
});

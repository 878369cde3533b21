// lib.mjs — what the browser tests share: the paths and environment, TAP
// output (ok, step, diag), running the evne binary and `evne serve` on a free
// port, launching Chromium, and checkPage: a screenshot in
// build/test-logs/screens/ plus axe-core (wcag2a, wcag2aa, wcag21a, wcag21aa)
// and <html lang> on a page. n and failed count the TAP lines printed so far;
// server is the evne process serve started, for the tests to stop on every
// way out.
//
// Env: EVNE (default build/evne), CHROMIUM (default /usr/bin/chromium).
import { spawn, spawnSync } from 'node:child_process';
import net from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import AxeBuilder from '@axe-core/playwright';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const EVNE = path.resolve(ROOT, process.env.EVNE || 'build/evne');
export const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';
export const LOGS = path.join(ROOT, 'build', 'test-logs');
export const SCREENS = path.join(LOGS, 'screens');
export const STEP_TIMEOUT = 20000;
export const SUBMIT = 'button[type="submit"], input[type="submit"], button:not([type])';

export let n = 0;
export let failed = 0;
export let server = null;     // the evne process, killed on every way out
export const out = (s) => process.stdout.write(s + '\n');
export const diag = (s) => String(s).split('\n').forEach((l) => out('# ' + l));
export function ok(cond, name, detail) {
  n += 1;
  if (cond) out(`ok ${n} - ${name}`);
  else {
    failed += 1;
    out(`not ok ${n} - ${name}`);
    if (detail) diag(detail);
  }
  return !!cond;
}

function freePort() {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.unref();
    s.on('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });
}

export function evne(args, input) {
  const r = spawnSync(EVNE, args, { input, encoding: 'utf8', timeout: 300000 });
  return { code: r.status, out: r.stdout || '', err: (r.stderr || '') + (r.error ? String(r.error) : '') };
}

async function waitHealthy(base, proc, ms) {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    if (proc.exitCode !== null) return false;
    try {
      const r = await fetch(base + '/healthz', { signal: AbortSignal.timeout(2000) });
      if (r.status === 200 && (await r.text()).trim() === 'ok') return true;
    } catch { /* not up yet */ }
    await new Promise((r) => setTimeout(r, 100));
  }
  return false;
}

// Starts `evne serve` on db on a free port, its output to the file descriptor
// log; reports whether it answers /healthz and returns its base URL, or null.
export async function serve(db, log) {
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  server = spawn(EVNE, ['serve', '--db', db, '--listen', `127.0.0.1:${port}`, '--workers', '4'],
    { stdio: ['ignore', log, log] });
  return ok(await waitHealthy(base, server, 30000), 'evne serve answers /healthz') ? base : null;
}

// Headless Chromium without the network chatter of a desktop browser.
export function launch() {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

// One step: runs fn, reports ok / not ok with the error; returns fn's value or undefined.
export async function step(name, fn) {
  try {
    const v = await fn();
    ok(v !== false, name, v === false ? 'the check was false' : undefined);
    return v;
  } catch (e) {
    ok(false, name, (e && e.stack) ? e.stack.split('\n').slice(0, 6).join('\n') : String(e));
    return undefined;
  }
}

let shot = 0;
export async function checkPage(page, label) {
  shot += 1;
  const file = path.join(SCREENS, `${String(shot).padStart(2, '0')}-${label.replace(/[^a-z0-9æøå-]+/gi, '-')}.png`);
  try {
    await page.screenshot({ path: file, fullPage: true });
  } catch (e) {
    diag(`screenshot of ${label} failed: ${e}`);
  }
  try {
    const res = await new AxeBuilder({ page })
      .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
      .analyze();
    const v = res.violations;
    const detail = v.map((x) => `${x.id} (${x.impact}): ${x.help}\n  ` +
      x.nodes.slice(0, 5).map((nd) => nd.target.join(' ')).join('\n  ') +
      (x.nodes.length > 5 ? `\n  ... ${x.nodes.length} nodes` : '')).join('\n');
    ok(v.length === 0, `axe: ${label} (${page.url().replace(/^https?:\/\/[^/]+/, '')}) has no WCAG 2.1 A/AA violations`,
      detail);
  } catch (e) {
    ok(false, `axe: ${label} ran`, String(e));
  }
  const lang = await page.getAttribute('html', 'lang').catch(() => null);
  ok(['nb', 'nn', 'en'].includes(lang), `${label}: <html lang> is set (${lang})`);
}

// The editor's page in headless Chromium: paste and check a sample, the highlights and the evidence
// panel, keyboard activation, focus and contrast, the JSON download, a dropped file, and no request
// leaving the server.
// usage: node editor-page.mjs <pageUrl> <screenshot.png> <manuscript.docx>
//   pageUrl: the page's address, e.g. http://127.0.0.1:7071/api/ui (with ?code=KEY when the server wants a key)
//   manuscript.docx: a Word file holding the sample's sentences, opened through the page
//   env CHROMIUM_PATH: the browser (default /usr/bin/chromium)
import assert from 'node:assert/strict';
import { mkdtemp, rm, readFile, mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { chromium } from 'playwright-core';
import { sample } from './samples.mjs';

const [pageUrl, screenshotPath, docxPath] = process.argv.slice(2);
if (!pageUrl || !screenshotPath || !docxPath) {
  console.error('usage: node editor-page.mjs <pageUrl> <screenshot.png> <manuscript.docx>');
  process.exit(2);
}

const origin = new URL(pageUrl).origin;
const key = new URL(pageUrl).searchParams.get('code');
const userDataDir = await mkdtemp(join(tmpdir(), 'editor-page-chromium-'));
const context = await chromium.launchPersistentContext(userDataDir, {
  executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
  headless: true,
  acceptDownloads: true,
  viewport: { width: 1280, height: 900 },
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
    '--disable-component-update', '--disable-sync'],
});

const external = [];
const pageErrors = [];
// The key reaches the page once, in its own address; the page must send it in a header, never in a URL.
const keyInUrl = [];
await context.route('**/*', (route) => {
  const url = route.request().url();
  const isPage = url.startsWith(origin + '/api/ui');
  if (key && url.includes('code=') && !isPage) keyInUrl.push(url);
  if (key && url.startsWith(origin + '/api/') && !isPage && route.request().headers()['x-functions-key'] !== key) keyInUrl.push('no key header: ' + url);
  if (url.startsWith(origin + '/') || url.startsWith('blob:') || url.startsWith('data:')) return route.continue();
  external.push(url);
  return route.abort();
});

const results = [];
async function step(name, body) {
  try {
    await body();
    results.push([name, null]);
    console.log(`ok - ${name}`);
  } catch (error) {
    results.push([name, error]);
    console.log(`not ok - ${name}\n  ${String(error.stack || error).split('\n').join('\n  ')}`);
  }
}

const page = context.pages()[0] ?? await context.newPage();
page.on('pageerror', (error) => pageErrors.push(String(error)));
page.on('console', (message) => { if (message.type() === 'error') pageErrors.push(message.text()); });

// The reference: the checker's own report on the same text (the contract's POST /api/check).
async function reference(text) {
  const response = await fetch(`${origin}/api/check`, {
    method: 'POST', body: JSON.stringify({ text }),
    headers: { 'Content-Type': 'application/json', ...(key ? { 'x-functions-key': key } : {}) },
  });
  assert.equal(response.status, 200);
  return response.json();
}

// A textarea keeps line ends as LF, so pasted text is checked with LF; an opened file keeps its CRLF (below).
const pasted = sample.replace(/\r\n/g, '\n');
const report = await reference(pasted);
console.log(`claims in the sample: ${report.summary.claims}, flagged: ${report.summary.flagged}`);

await step('the page loads from the server alone', async () => {
  const response = await page.goto(pageUrl);
  assert.equal(response.status(), 200);
  assert.match(response.headers()['content-security-policy'], /default-src 'none'/);
  assert.equal(await page.title(), "Claim checker – editor's page");
});

await step('pasting and checking shows counts by status and the fact set', async () => {
  await page.fill('#text', pasted);
  await page.click('#check');
  await page.waitForSelector('#results:not([hidden])');
  await page.waitForFunction(() => /Checked:/.test(document.getElementById('status-line').textContent));
  for (const status of ['supported', 'disputed', 'imprecise', 'contradicted', 'unsupported', 'misattributed']) {
    assert.equal(await page.textContent(`[data-count="${status}"]`), String(report.summary[status]), `count of ${status}`);
  }
  assert.match(await page.textContent('#factset-line'), new RegExp(`version ${report.factSet.version.replace(/\./g, '\\.')}`));
});

await step('every claim is in the table, and each highlight covers its claim at the report\'s offsets', async () => {
  assert.equal(await page.locator('#claims-body tr').count(), report.claims.length);
  const highlights = await page.$$eval('#checked-text .claim', (buttons) => buttons.map((b) => ({
    index: Number(b.dataset.claimIndex), offset: Number(b.dataset.offset), length: Number(b.dataset.length),
    status: b.dataset.status, shown: b.querySelector('.claim-text').textContent, label: b.getAttribute('aria-label'),
    pressed: b.getAttribute('aria-pressed'), letter: b.querySelector('.badge').textContent,
  })));
  // Nested claims (a quotation inside its attribution) are reached from the table, not highlighted twice.
  const outer = report.claims.filter((c, i) => !report.claims.some((o, j) => j !== i && o.offset <= c.offset
    && o.offset + o.length >= c.offset + c.length && (o.offset < c.offset || o.length > c.length || j < i)));
  assert.ok(report.claims.length > 0, 'the sample holds claims; with none, no highlight would be tested');
  assert.equal(highlights.length, outer.length, 'one highlight per claim not inside another');
  for (const h of highlights) {
    const claim = report.claims[h.index];
    assert.equal(h.offset, claim.offset);
    assert.equal(h.shown, claim.text, 'the highlighted words are the claim');
    assert.equal(pasted.substring(h.offset, h.offset + h.length), claim.text);
    assert.equal(h.status, claim.status);
    assert.ok(h.label.includes(claim.text), 'aria-label names the claim');
    assert.equal(h.pressed, 'false');
    assert.match(h.letter, /^[CMIUDS]$/, 'status shown by a letter, not colour alone');
  }
  // The text around the highlights is the sample, character for character.
  const rendered = await page.$eval('#checked-text', (e) => {
    const clone = e.cloneNode(true);
    clone.querySelectorAll('.badge').forEach((b) => b.remove());
    return clone.textContent;
  });
  assert.equal(rendered, pasted);
});

await step('keyboard: Tab reaches the claims in text order, Enter and Space open the details', async () => {
  const count = await page.locator('#checked-text .claim').count();
  if (count === 0) return;
  await page.focus('#download-json');
  let focused = null;
  for (let i = 0; i < 10 && focused === null; i++) {
    await page.keyboard.press('Tab');
    focused = await page.evaluate(() => document.activeElement.classList.contains('claim') ? Number(document.activeElement.dataset.claimIndex) : null);
  }
  assert.notEqual(focused, null, 'a claim is reached by Tab');
  const first = await page.$eval('#checked-text .claim', (b) => Number(b.dataset.claimIndex));
  assert.equal(focused, first, 'the first claim in the text comes first');
  const outline = await page.evaluate(() => {
    const s = getComputedStyle(document.activeElement);
    return { style: s.outlineStyle, width: parseFloat(s.outlineWidth) };
  });
  assert.notEqual(outline.style, 'none', 'focus is visible');
  assert.ok(outline.width >= 2, 'focus outline at least 2px');

  await page.keyboard.press('Enter');
  const claim = report.claims[focused];
  await page.waitForSelector('#details-body:not([hidden])');
  assert.equal(await page.getAttribute(`#checked-text .claim[data-claim-index="${focused}"]`, 'aria-pressed'), 'true');
  assert.equal(await page.textContent('#details-claim'), claim.text);
  assert.equal(await page.textContent('#details-message'), claim.message);
  if (claim.suggestion) assert.equal(await page.textContent('#details-suggestion'), claim.suggestion);
  if (claim.evidence.length) {
    assert.equal(await page.locator('#details-evidence > li').count(), claim.evidence.length);
    const sources = await page.locator('#details-evidence ul.sources li').allTextContents();
    const expected = claim.evidence.flatMap((e) => e.sources);
    assert.equal(sources.length, expected.length);
    expected.forEach((s, i) => assert.ok(sources[i].includes(s.author) && sources[i].includes(s.title), 'source shown with author and title'));
  }
  assert.equal(await page.evaluate(() => document.activeElement.classList.contains('claim')), true, 'focus stays on the claim');
  assert.doesNotMatch(await page.textContent('#details-body'), /\b(null|undefined)\b/, 'no empty field shows as null');

  if (count > 1) {
    await page.keyboard.press('Tab');
    const second = await page.evaluate(() => Number(document.activeElement.dataset.claimIndex));
    await page.keyboard.press(' ');
    assert.equal(await page.textContent('#details-claim'), report.claims[second].text);
    assert.equal(await page.getAttribute(`#checked-text .claim[data-claim-index="${focused}"]`, 'aria-pressed'), 'false');
    assert.equal(await page.getAttribute(`#checked-text .claim[data-claim-index="${second}"]`, 'aria-pressed'), 'true');
  }
});

await step('text and badges meet 4.5:1 contrast', async () => {
  const ratios = await page.$$eval('#checked-text .claim, #checked-text .badge, .counts li, .counts .badge, button.action:not(:disabled), label.action, #details p',
    (elements) => {
      const rgb = (c) => c.match(/[\d.]+/g).slice(0, 3).map(Number);
      const lum = ([r, g, b]) => [r, g, b].map((v) => { v /= 255; return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; })
        .reduce((sum, v, i) => sum + v * [0.2126, 0.7152, 0.0722][i], 0);
      const background = (e) => {
        for (let n = e; n; n = n.parentElement) {
          const c = getComputedStyle(n).backgroundColor;
          if (c && !/rgba\(.*, 0\)$/.test(c) && c !== 'transparent') return c;
        }
        return 'rgb(255, 255, 255)';
      };
      return elements.map((e) => {
        const [a, b] = [lum(rgb(getComputedStyle(e).color)), lum(rgb(background(e)))];
        return { what: e.className || e.tagName, ratio: (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05) };
      });
    });
  for (const { what, ratio } of ratios) assert.ok(ratio >= 4.5, `${what}: contrast ${ratio.toFixed(2)} < 4.5`);
});

await step('the JSON report downloads', async () => {
  const [download] = await Promise.all([page.waitForEvent('download'), page.click('#download-json')]);
  const downloaded = JSON.parse(await readFile(await download.path(), 'utf8'));
  assert.deepEqual(downloaded.summary, report.summary);
  assert.ok(downloaded.claims.every((c) => !('decision' in c)), 'no decision before any is made');
  assert.match(download.suggestedFilename(), /\.report\.json$/);
});

await step('SARIF and HTML reports download from the server\'s writers', async () => {
  const [sarifDownload] = await Promise.all([page.waitForEvent('download'), page.click('#download-sarif')]);
  const sarif = JSON.parse(await readFile(await sarifDownload.path(), 'utf8'));
  assert.equal(sarif.version, '2.1.0');
  assert.equal(sarif.runs[0].results.length, report.summary.flagged, 'one SARIF result per flagged claim');
  assert.match(sarifDownload.suggestedFilename(), /\.sarif$/);
  const [htmlDownload] = await Promise.all([page.waitForEvent('download'), page.click('#download-html')]);
  const html = await readFile(await htmlDownload.path(), 'utf8');
  assert.match(html, /^<!DOCTYPE html>/);
  for (const claim of report.claims) assert.ok(html.includes(claim.text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/"/g, '&quot;')) || html.includes(claim.text), `HTML report names ${claim.text}`);
  assert.match(htmlDownload.suggestedFilename(), /\.report\.html$/);
});

await step('screenshot for the README', async () => {
  // Show the most telling claim: a contradicted one if there is one, else the first flagged one.
  const index = await page.evaluate(() => {
    const pick = (selector) => document.querySelector(selector)?.dataset.claimIndex ?? null;
    return pick('#checked-text .claim[data-status="contradicted"]') ?? pick('#checked-text .claim:not([data-status="supported"])')
      ?? pick('#checked-text .claim');
  });
  if (index !== null) await page.click(`#checked-text .claim[data-claim-index="${index}"]`);
  await mkdir(dirname(screenshotPath), { recursive: true });
  await page.screenshot({ path: screenshotPath, fullPage: true });
});

// Decisions: Dismiss (with a reason) and Restore on every claim, kept in the browser for the text, downloaded and
// loaded as the decisions file `check --decisions` reads.
const flaggedIndexes = report.claims.map((c, i) => [c, i]).filter(([c]) => c.status !== 'supported').map(([, i]) => i);
const openCount = async () => Number(await page.textContent('[data-count="open"]'));
const dismissedCount = async () => Number(await page.textContent('[data-count="dismissed"]'));
let decisionsFile = null;

await step('Dismiss with a reason and Restore on a claim; the counts follow and the status stays', async () => {
  assert.ok(flaggedIndexes.length > 1, 'the sample holds flagged claims');
  const index = flaggedIndexes[0];
  assert.equal(await openCount(), report.summary.flagged);
  await page.click(`#claims-body button[data-decide-index="${index}"]`);
  assert.equal(await page.evaluate(() => document.activeElement.id), 'decision-reason', 'Dismiss… puts the cursor in the reason');
  await page.keyboard.type('The source is in footnote 12.');
  await page.click('#decision-dismiss');
  assert.equal(await openCount(), report.summary.flagged - 1);
  assert.equal(await dismissedCount(), 1);
  assert.match(await page.textContent('#decision-summary'), /^Dismissed: The source is in footnote 12\./);
  assert.equal(await page.getAttribute(`#claims-body button[data-decide-index="${index}"]`, 'data-decision'), 'restore');
  assert.equal(await page.getAttribute(`#checked-text .claim[data-claim-index="${index}"]`, 'data-status'), report.claims[index].status);
  assert.match(await page.getAttribute(`#checked-text .claim[data-claim-index="${index}"]`, 'aria-label'), /\(dismissed\)$/);
  assert.equal(await page.evaluate(() => document.activeElement.id), 'decision-restore');
  await page.keyboard.press('Enter');
  assert.equal(await openCount(), report.summary.flagged);
  assert.equal(await dismissedCount(), 0);
  assert.equal(await page.getAttribute(`#claims-body button[data-decide-index="${index}"]`, 'data-decision'), 'dismiss');
  assert.equal(await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('repatriation-decisions:')).length), 0, 'nothing kept once restored');
});

await step('dismissing every flag leaves nothing open, kept for the text across a reload, and the SARIF download carries the suppressions', async () => {
  await page.fill('#editor-name', 'Test Editor');
  await page.dispatchEvent('#editor-name', 'change');
  for (const index of flaggedIndexes) {
    await page.click(`#claims-body button[data-decide-index="${index}"]`);
    await page.fill('#decision-reason', `checked (${index})`);
    await page.press('#decision-reason', 'Enter');
  }
  assert.equal(await openCount(), 0);
  assert.equal(await dismissedCount(), report.summary.flagged);
  const stored = await page.evaluate(() => Object.entries(localStorage).filter(([k]) => k.startsWith('repatriation-decisions:')));
  assert.equal(stored.length, 1, 'one entry, keyed by the text');
  assert.equal(JSON.parse(stored[0][1]).decisions.length, flaggedIndexes.length);

  await page.reload();
  await page.fill('#text', pasted);
  await page.click('#check');
  await page.waitForFunction(() => /Checked:.* 0 open\./.test(document.getElementById('status-line').textContent));
  assert.equal(await dismissedCount(), report.summary.flagged, 'the server applied the decisions the page sent');

  const [sarifDownload] = await Promise.all([page.waitForEvent('download'), page.click('#download-sarif')]);
  const sarif = JSON.parse(await readFile(await sarifDownload.path(), 'utf8'));
  assert.equal(sarif.runs[0].results.length, report.summary.flagged);
  for (const result of sarif.runs[0].results) {
    assert.equal(result.suppressions.length, 1);
    assert.equal(result.suppressions[0].kind, 'external');
    assert.equal(result.suppressions[0].status, 'accepted');
    assert.match(result.suppressions[0].justification, /^checked \(\d+\)$/);
  }

});

await step('decisions download as the decisions file, which check --decisions and the page both load', async () => {
  const [download] = await Promise.all([page.waitForEvent('download'), page.click('#download-decisions')]);
  const text = await readFile(await download.path(), 'utf8');
  decisionsFile = JSON.parse(text);
  assert.match(download.suggestedFilename(), /\.decisions\.json$/);
  assert.deepEqual(Object.keys(decisionsFile), ['decisions']);
  assert.equal(decisionsFile.decisions.length, flaggedIndexes.length);
  for (const d of decisionsFile.decisions) {
    assert.deepEqual(Object.keys(d).sort(), ['at', 'by', 'decision', 'id', 'reason']);
    assert.equal(d.decision, 'dismissed');
    assert.equal(d.by, 'Test Editor');
    assert.match(d.id, /^c_[0-9a-f]{16}$/);
    assert.ok(!Number.isNaN(Date.parse(d.at)));
  }
  // The server reads the same file (as POST /api/check "decisions").
  const response = await fetch(`${origin}/api/check`, {
    method: 'POST', body: JSON.stringify({ text: pasted, decisions: decisionsFile.decisions }),
    headers: { 'Content-Type': 'application/json', ...(key ? { 'x-functions-key': key } : {}) },
  });
  assert.equal(response.status, 200);
  const checked = await response.json();
  assert.equal(checked.summary.open, 0);
  assert.equal(checked.summary.dismissed, checked.summary.flagged);

  // A browser without them: everything open, until the file is loaded.
  await page.evaluate(() => localStorage.clear());
  await page.reload();
  await page.fill('#text', pasted);
  await page.click('#check');
  await page.waitForFunction(() => /^Checked:/.test(document.getElementById('status-line').textContent));
  assert.equal(await openCount(), report.summary.flagged);
  await page.setInputFiles('#decisions-file', { name: 'mine.decisions.json', mimeType: 'application/json', buffer: Buffer.from(text, 'utf8') });
  await page.waitForFunction(() => /^Loaded \d+ decisions? from mine\.decisions\.json/.test(document.getElementById('status-line').textContent));
  assert.equal(await openCount(), 0);
  assert.equal(await dismissedCount(), report.summary.flagged);

  // A broken file is refused with the server's reason, and the decisions in use stay. (Chromium logs the 400 it
  // asked for as a console error; that one is expected and taken out of the page's errors.)
  const errorsBefore = pageErrors.length;
  await page.setInputFiles('#decisions-file', { name: 'broken.json', mimeType: 'application/json', buffer: Buffer.from('{"decisions": [{"id": "x"}]}', 'utf8') });
  await page.waitForFunction(() => document.getElementById('status-line').classList.contains('error'));
  assert.match(await page.textContent('#status-line'), /400/);
  assert.match(await page.textContent('#status-line'), /decisions\[0\]/);
  assert.equal(await openCount(), 0);
  const expected400 = pageErrors.splice(errorsBefore).filter((e) => !/status of 400/.test(e));
  pageErrors.push(...expected400);

  // Leave the browser as the later steps expect it: no decisions.
  for (const index of flaggedIndexes) await page.click(`#claims-body button[data-decide-index="${index}"]`);
  assert.equal(await openCount(), report.summary.flagged);
});

await step('an opened file is read by the server and checked with its own CRLF offsets', async () => {
  const text = 'Draft 😀\r\n' + sample;
  await page.setInputFiles('#file', { name: 'draft.txt', mimeType: 'text/plain', buffer: Buffer.from(text, 'utf8') });
  await page.waitForFunction(() => /^Checked draft\.txt:/.test(document.getElementById('status-line').textContent));
  assert.equal(await page.inputValue('#text'), text.replace(/\r\n/g, '\n'), 'the box shows the text');
  const expected = await reference(text);
  assert.equal(await page.locator('#claims-body tr').count(), expected.claims.length);
  const offsets = await page.$$eval('#checked-text .claim', (b) => b.map((x) => [Number(x.dataset.claimIndex), Number(x.dataset.offset)]));
  for (const [index, offset] of offsets) assert.equal(offset, expected.claims[index].offset, 'offsets into the file as sent');
  const [download] = await Promise.all([page.waitForEvent('download'), page.click('#download-json')]);
  const downloaded = JSON.parse(await readFile(await download.path(), 'utf8'));
  assert.equal(download.suggestedFilename(), 'draft.report.json');
  assert.equal(downloaded.document.characters, text.length, 'the report is of the file\'s text, CRLF and all');
  assert.equal(downloaded.document.name, 'draft.txt');
});

await step('an opened .docx is read by the server and its claims highlighted', async () => {
  await page.setInputFiles('#file', docxPath);
  await page.waitForFunction(() => /^Checked manuscript\.docx:/.test(document.getElementById('status-line').textContent));
  const text = await page.inputValue('#text');
  assert.ok(text.includes('Between 1946 and 1948 several million civilians were forcibly repatriated.'), 'the paragraphs are in the box');
  const expected = await reference(text);
  assert.ok(expected.claims.length > 0);
  assert.equal(await page.locator('#claims-body tr').count(), expected.claims.length);
  const shown = await page.$$eval('#checked-text .claim .claim-text', (b) => b.map((x) => x.textContent));
  assert.ok(shown.includes(expected.claims[0].text));
});

await step('no request left the server, the key went in a header only, and the page logged no error', async () => {
  assert.deepEqual(external, []);
  assert.deepEqual(keyInUrl, []);
  assert.deepEqual(pageErrors, []);
});

await context.close();
await rm(userDataDir, { recursive: true, force: true });
const failed = results.filter(([, error]) => error).length;
console.log(`${results.length - failed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);

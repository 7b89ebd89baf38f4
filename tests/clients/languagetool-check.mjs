// Drives a LanguageTool-compatible server as a LanguageTool client would and checks what comes back.
// usage: node languagetool-check.mjs <baseUrl>   (baseUrl: the server root, e.g. http://127.0.0.1:7071)
// The LanguageTool server URL is <baseUrl>/api. The check report of POST <baseUrl>/api/check (the
// checker's own contract) is the reference the matches are compared with.
import assert from 'node:assert/strict';
import { LanguageToolClient, LanguageToolError, matchedText, contextText } from './languagetool-client.mjs';
import { sample } from './samples.mjs';

const baseUrl = (process.argv[2] || '').replace(/\/+$/, '');
if (!baseUrl) {
  console.error('usage: node languagetool-check.mjs <baseUrl>');
  process.exit(2);
}

const client = new LanguageToolClient(`${baseUrl}/api`);
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

async function report(text) {
  const response = await fetch(`${baseUrl}/api/check`, {
    method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ text }),
  });
  assert.equal(response.status, 200, 'POST /api/check');
  return response.json();
}

const flaggedOf = (r) => r.claims.filter((c) => c.status !== 'supported');
const string = (v, what) => assert.equal(typeof v, 'string', `${what} is a string`);
const integer = (v, what) => assert.ok(Number.isInteger(v), `${what} is an integer (${v})`);

// What LanguageTool clients read from a response, field by field.
function assertLanguageToolShape(response) {
  string(response.software.name, 'software.name');
  string(response.software.version, 'software.version');
  string(response.software.buildDate, 'software.buildDate');
  assert.equal(response.software.apiVersion, 1, 'software.apiVersion');
  assert.equal(response.software.premium, false, 'software.premium');
  string(response.software.status, 'software.status');
  assert.equal(response.warnings.incompleteResults, false, 'warnings.incompleteResults');
  string(response.language.name, 'language.name');
  string(response.language.code, 'language.code');
  string(response.language.detectedLanguage.name, 'language.detectedLanguage.name');
  string(response.language.detectedLanguage.code, 'language.detectedLanguage.code');
  assert.equal(typeof response.language.detectedLanguage.confidence, 'number');
  assert.ok(Array.isArray(response.matches), 'matches is an array');
  for (const m of response.matches) {
    string(m.message, 'match.message');
    string(m.shortMessage, 'match.shortMessage');
    assert.ok(Array.isArray(m.replacements), 'match.replacements is an array');
    for (const r of m.replacements) string(r.value, 'replacement.value');
    integer(m.offset, 'match.offset');
    integer(m.length, 'match.length');
    string(m.context.text, 'context.text');
    integer(m.context.offset, 'context.offset');
    integer(m.context.length, 'context.length');
    string(m.sentence, 'match.sentence');
    string(m.type.typeName, 'type.typeName');
    assert.match(m.rule.id, /^[A-Z][A-Z0-9_]+$/, 'rule.id is LanguageTool-shaped');
    string(m.rule.description, 'rule.description');
    string(m.rule.issueType, 'rule.issueType');
    assert.match(m.rule.category.id, /^[A-Z][A-Z0-9_]+$/, 'rule.category.id is LanguageTool-shaped');
    string(m.rule.category.name, 'rule.category.name');
    assert.equal(m.ignoreForIncompleteSentence, false);
    assert.equal(m.contextForSureMatch, 0);
  }
}

let flaggedInSample = 0;

await step('GET /v2/languages lists English variants', async () => {
  const languages = await client.languages();
  assert.ok(languages.some((l) => l.longCode === 'en-US' && l.code === 'en' && typeof l.name === 'string'));
  assert.ok(languages.some((l) => l.longCode === 'en-GB'));
});

await step('check: one match per flagged claim, at the report\'s UTF-16 offsets (after emoji, combining marks, CRLF)', async () => {
  const [response, reference] = await Promise.all([client.check({ text: sample, language: 'en-US' }), report(sample)]);
  assertLanguageToolShape(response);
  assert.equal(response.language.code, 'en-US');
  const flagged = flaggedOf(reference);
  flaggedInSample = flagged.length;
  assert.ok(flagged.length > 0, 'the sample holds claims the checker flags; with none, no offset would be tested');
  assert.equal(response.matches.length, flagged.length, 'matches = flagged claims');
  response.matches.forEach((m, i) => {
    const claim = flagged[i];
    assert.equal(m.offset, claim.offset, `match ${i} offset`);
    assert.equal(m.length, claim.length, `match ${i} length`);
    assert.equal(matchedText(sample, m), claim.text, `match ${i}: the text at its offset is the claim`);
    assert.equal(contextText(m), claim.text, `match ${i}: context`);
    assert.equal(m.rule.id, `REPATRIATION_${claim.status.toUpperCase()}_${claim.kind.toUpperCase()}`);
    assert.equal(m.rule.category.id, `REPATRIATION_${claim.status.toUpperCase()}`);
    assert.ok(m.message.startsWith(claim.message.trim().replace(/\.$/, '')), `match ${i}: message is the claim's`);
    if (claim.suggestion) assert.equal(m.replacements[0].value, claim.suggestion);
    for (const source of claim.evidence.flatMap((e) => e.sources).slice(0, 1)) {
      assert.ok(m.message.includes(source.author), `match ${i}: message names ${source.author}`);
    }
  });
});

await step('check with data: markup is skipped, offsets count it', async () => {
  const lines = sample.split('\r\n');
  const annotation = [{ markup: '<article>' }];
  for (const line of lines) annotation.push({ markup: '<p>' }, { text: line }, { markup: '</p>', interpretAs: '\n\n' });
  annotation.push({ markup: '</article>' });
  const original = annotation.map((a) => a.text ?? a.markup).join('');
  const readText = annotation.map((a) => a.text ?? a.interpretAs ?? '').join('');
  const [response, reference] = await Promise.all([client.check({ data: { annotation }, language: 'en' }), report(readText)]);
  assertLanguageToolShape(response);
  const flagged = flaggedOf(reference);
  assert.equal(response.matches.length, flagged.length);
  response.matches.forEach((m, i) => {
    assert.equal(matchedText(original, m), flagged[i].text, `match ${i} in the marked-up document`);
    assert.ok(m.offset > flagged[i].offset, `match ${i}: markup before it is counted`);
  });
});

await step('disabledCategories and enabledOnly filter matches by category and rule id', async () => {
  const all = await client.check({ text: sample, language: 'en-US' });
  const categories = [...new Set(all.matches.map((m) => m.rule.category.id))];
  const none = await client.check({ text: sample, language: 'en-US', disabledCategories: categories });
  assert.equal(none.matches.length, 0);
  if (all.matches.length > 0) {
    const rule = all.matches[0].rule.id;
    const only = await client.check({ text: sample, language: 'en-US', enabledOnly: true, enabledRules: [rule] });
    assert.ok(only.matches.length > 0 && only.matches.every((m) => m.rule.id === rule));
  }
});

await step('a language other than English is refused with 400', async () => {
  await assert.rejects(client.check({ text: 'Guten Tag.', language: 'de-DE' }),
    (e) => e instanceof LanguageToolError && e.status === 400 && /not a language this server checks/.test(e.body));
});

await step('missing text is refused with 400', async () => {
  await assert.rejects(client.check({ language: 'en-US' }), (e) => e instanceof LanguageToolError && e.status === 400);
});

const failed = results.filter(([, error]) => error).length;
console.log(`flagged claims in the sample: ${flaggedInSample}`);
console.log(`${results.length - failed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);

// A minimal LanguageTool HTTP API v2 client, written from LanguageTool's published API description
// (https://languagetool.org/http-api/) and nothing of this repository's code: it is what a writing
// tool with a "custom LanguageTool server URL" setting does. Node 18+ (global fetch).
//
// The npm package languagetool-api (1.1.2) was tried first: it hard-codes https://languagetool.org
// and sends GET requests through the deprecated `request` package, so it cannot be pointed at
// another server without changing it.

export class LanguageToolClient {
  /** @param {string} serverUrl e.g. "http://127.0.0.1:7071/api" (the part before /v2/...) */
  constructor(serverUrl, { headers = {} } = {}) {
    this.serverUrl = serverUrl.replace(/\/+$/, '');
    this.headers = headers;
  }

  /** GET /v2/languages -> [{ name, code, longCode }] */
  async languages() {
    const response = await fetch(`${this.serverUrl}/v2/languages`, { headers: { Accept: 'application/json', ...this.headers } });
    if (!response.ok) throw new LanguageToolError(response.status, await response.text());
    return response.json();
  }

  /**
   * POST /v2/check as application/x-www-form-urlencoded, the way LanguageTool's clients send it.
   * @param {{ text?: string, data?: object|string, language: string, enabledRules?: string[],
   *           disabledRules?: string[], enabledCategories?: string[], disabledCategories?: string[],
   *           enabledOnly?: boolean, level?: string, motherTongue?: string, preferredVariants?: string[] }} params
   */
  async check(params) {
    const form = new URLSearchParams();
    for (const [key, value] of Object.entries(params)) {
      if (value === undefined || value === null) continue;
      if (key === 'data' && typeof value !== 'string') form.set('data', JSON.stringify(value));
      else if (Array.isArray(value)) form.set(key, value.join(','));
      else form.set(key, String(value));
    }
    const response = await fetch(`${this.serverUrl}/v2/check`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', Accept: 'application/json', ...this.headers },
      body: form,
    });
    if (!response.ok) throw new LanguageToolError(response.status, await response.text());
    return response.json();
  }
}

export class LanguageToolError extends Error {
  constructor(status, body) {
    super(`LanguageTool server answered ${status}: ${body}`);
    this.status = status;
    this.body = body;
  }
}

/** The text a match covers, as LanguageTool clients cut it out of the checked text (UTF-16 offsets). */
export const matchedText = (text, match) => text.substring(match.offset, match.offset + match.length);

/** The part of a match's context the match covers (what clients underline in a preview). */
export const contextText = (match) => match.context.text.substr(match.context.offset, match.context.length);

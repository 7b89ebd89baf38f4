// Sample texts for the client tests: claims the checker is meant to flag (a date range, a vague
// quantity, a quotation ascribed to a named person, figures), placed after an emoji, another astral
// character, a combining accent and CRLF line ends, so wrong offset units would show.
export const sample =
  'Emigre\u0301s 😀 and 𝔸 remembered it differently.\r\n' +
  'Between 1946 and 1948 several million civilians were forcibly repatriated. ' +
  'Churchill wrote that "the Cossacks must be handed over at once" in May 1945.\r\n' +
  'About 50,000 Cossacks were handed over at Lienz in June 1945, and 2,272,000 Soviet citizens were returned by the Western Allies.\r\n';

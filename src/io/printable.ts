/**
 * Text that leaves the tool for a person's terminal or a one-line field. A control character from a data file
 * (ESC opening an ANSI/OSC sequence, NUL, CR, BEL, the 8-bit C1 controls such as CSI U+009B) would be interpreted
 * by the terminal: it can recolour or hide text, rewrite the window title, move the cursor over earlier lines, or
 * on some terminals write the clipboard. The bidirectional formatting characters (embeddings and overrides U+202A–U+202E,
 * isolates U+2066–U+2069, the marks U+200E, U+200F and U+061C) are the "Trojan Source" class (CVE-2021-42574): a
 * market name holding U+202E makes the rest of its table row display right to left, so `cloud 1.4` can read as
 * `4.1 duolc` and columns can appear swapped. Every such character is shown as U+FFFD instead.
 */

/** C0 controls, DEL, C1 controls and the bidirectional formatting characters: what a terminal may act on. */
const CONTROLS = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;
/** The same, minus the line feed and tab the tool writes itself to lay out text. */
const CONTROLS_BUT_LAYOUT = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;
/** The colour codes the table renderer writes (SGR 0 and foreground 30–37) and nothing else. */
const OWN_COLOUR = /\u001b\[(?:0|3[0-7])m/g;

/** One field on one line (an id, a name, a title, a problem's message): every control character becomes U+FFFD. */
export function printable(s: string): string {
  return s.replace(CONTROLS, '\ufffd');
}

/**
 * A whole text for the terminal (a table, an explanation, an error report): line feeds and tabs stay, every other
 * control character becomes U+FFFD. With `colour`, the renderer's own colour codes stay as well; the renderer
 * has already made every data cell printable, so none of them came from a file.
 */
export function terminalText(s: string, colour = false): string {
  const scrub = (t: string) => t.replace(CONTROLS_BUT_LAYOUT, '\ufffd');
  if (!colour) return scrub(s);
  let out = '';
  let last = 0;
  for (const m of s.matchAll(OWN_COLOUR)) {
    out += scrub(s.slice(last, m.index)) + m[0];
    last = m.index + m[0].length;
  }
  return out + scrub(s.slice(last));
}

/**
 * JSON for the terminal without changing a value: JSON.stringify escapes C0 controls but writes DEL and C1 (and the
 * JavaScript line separators U+2028/U+2029, and the bidirectional formatting characters) raw. Outside strings JSON
 * holds none of them, so escaping each as `\uXXXX` keeps the document valid and every value identical.
 */
export function terminalJson(json: string): string {
  return json.replace(/[\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/**
 * A value on one line, reversibly: backslash → `\\`, CR → `\r`, LF → `\n`, tab → `\t`, any other control character
 * → `\xNN`. Used for the `# key: value` provenance lines of a scorecard, where a raw line break would end the comment.
 */
export function escapeControls(s: string): string {
  return s.replace(/[\\\u0000-\u001f\u007f-\u009f]/g, (c) => {
    if (c === '\\') return '\\\\';
    if (c === '\r') return '\\r';
    if (c === '\n') return '\\n';
    if (c === '\t') return '\\t';
    return `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`;
  });
}

import type { ProblemList } from '../errors/problem';

/**
 * The one id check of every loader (markets, cells, tables, evidence, dictionary, scorecards, AHP matrices).
 *
 * Ids are compared after Unicode NFC normalisation: `café` typed on a Mac (NFD, e + U+0301) and on Windows (NFC,
 * U+00E9) is one market, not two. Zero-width characters (U+200B–U+200D, U+2060, U+FEFF) and control characters
 * (C0, DEL, C1) are refused outright: they make two ids look identical on screen while comparing different, and a
 * control character can drive the terminal the id is printed on.
 */
const INVISIBLE = /[\u0000-\u001f\u007f-\u009f\u200b-\u200d\u2060\ufeff]/;

export interface IdProblem {
  readonly code: string;
  readonly message: string;
  readonly hint: string;
}

/** `\u200b` style name of the first invisible character, so the message shows what cannot be seen. */
function codePoint(ch: string): string {
  return `U+${ch.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;
}

/** Returns the NFC form of `raw`, or a problem if it is blank or holds a zero-width or control character. */
export function checkId(raw: string, what = 'id'): string | IdProblem {
  if (raw.trim().length === 0) return { code: 'data.blank-id', message: `the ${what} is blank`, hint: `give every ${what} a non-blank value` };
  const bad = INVISIBLE.exec(raw);
  if (bad) {
    return {
      code: 'data.invisible-in-id',
      message: `${what} holds an invisible character ${codePoint(bad[0])} at position ${bad.index + 1}`,
      hint: 'retype the id; zero-width and control characters make ids that look alike compare different',
    };
  }
  // Below U+0300 every character is already NFC (no combining marks), so the common ASCII id costs no allocation.
  return MAY_NEED_NFC.test(raw) ? raw.normalize('NFC') : raw;
}

const MAY_NEED_NFC = /[^\u0000-\u02ff]/;

/** Where an id sits, for the problem that names it. */
export interface IdPlace {
  readonly line?: number;
  readonly column?: number;
  readonly path?: string;
}

/**
 * Checks ids one by one into a problem list: blank, invisible characters, and duplicates after normalisation. The
 * duplicate message says when two spellings differ only by normalisation, since they look identical on screen.
 */
export class UniqueIds {
  // id → line (0 when unknown): a number per id, since a 3,000,000-row file checks 3,000,000 ids.
  private readonly seen = new Map<string, number>();
  /** The raw spelling of ids that NFC changed; rare, so kept apart. */
  private readonly spelled = new Map<string, string>();
  constructor(private readonly problems: ProblemList, private readonly what = 'id', private readonly duplicateCode = 'data.duplicate-id') {}

  /** The normalised id, or undefined if a problem was reported. */
  add(raw: string, place: IdPlace): string | undefined {
    const id = checkId(raw, this.what);
    if (typeof id !== 'string') {
      this.problems.add({ ...id, ...place });
      return undefined;
    }
    const prevLine = this.seen.get(id);
    if (prevLine !== undefined) {
      const how = (this.spelled.get(id) ?? id) !== raw ? ` (the two differ only by Unicode normalisation: NFC and NFD forms)` : '';
      const where = prevLine > 0 ? ` also appears on line ${prevLine}` : ' appears twice';
      this.problems.add({ code: this.duplicateCode, ...place, message: `${this.what} '${id}'${where}${how}`, hint: `${this.what}s must be unique` });
      return undefined;
    }
    this.seen.set(id, place.line ?? 0);
    if (id !== raw) this.spelled.set(id, raw);
    return id;
  }

  has(id: string): boolean {
    return this.seen.has(id);
  }
}

/**
 * A number-to-text function memoised by value, bounded: the map is cleared when it reaches `max` entries. For texts
 * that are formatted hundreds of thousands of times over values that mostly recur (export's numbers and its rule
 * descriptions), where toPrecision was a large share of the time.
 */
export function memoised(format: (x: number) => string, max = 100_000): (x: number) => string {
  const seen = new Map<number, string>();
  return (x) => {
    let text = seen.get(x);
    if (text === undefined) {
      text = format(x);
      if (seen.size >= max) seen.clear();
      seen.set(x, text);
    }
    return text;
  };
}

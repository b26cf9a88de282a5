// A count in words: "1 derivative", "3 derivatives", in the app's number format. One copy for the statistics'
// sentences and the page's (a count of one read "1 derivatives ... are" in three places).

/** `n` with the noun phrase that agrees with it: `one` for 1, else `many` (the noun with an s by default). */
export function counted(n: number, one: string, many = `${one}s`): string {
  return `${n.toLocaleString('en')} ${n === 1 ? one : many}`;
}

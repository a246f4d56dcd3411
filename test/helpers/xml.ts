import { SaxesParser } from 'saxes';

/** What a strict, conforming XML parser says is wrong with a document: nothing, for a well-formed one. */
export function xmlErrors(xml: string): string[] {
  const errors: string[] = [];
  const parser = new SaxesParser({ xmlns: true });
  parser.on('error', (e) => errors.push(e.message));
  parser.write(xml).close();
  return errors;
}

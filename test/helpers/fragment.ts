import { type DefaultTreeAdapterTypes, parseFragment } from 'parse5';

// What a browser reads back from a piece of markup, by the HTML standard's parser.
export type Element = DefaultTreeAdapterTypes.Element;
type Child = DefaultTreeAdapterTypes.ChildNode;
const isElement = (n: Child): n is Element => 'tagName' in n;

/** The top-level elements of `html`. */
export const elements = (html: string): Element[] => parseFragment(html).childNodes.filter(isElement);
export const attributes = (e: Element): Record<string, string> => Object.fromEntries(e.attrs.map((a) => [a.name, a.value]));
/** The text of a node and everything in it. */
export const text = (node: Child): string => (node.nodeName === '#text' ? (node as DefaultTreeAdapterTypes.TextNode).value : isElement(node) ? node.childNodes.map(text).join('') : '');
/** The first element, the node itself or under it, that passes `test`. */
export const find = (node: Element, test: (e: Element) => boolean): Element | undefined => (test(node) ? node : node.childNodes.filter(isElement).map((c) => find(c, test)).find(Boolean));
/** Every element under `node` that passes `test`. */
export const findAll = (node: Element, test: (e: Element) => boolean): Element[] => node.childNodes.filter(isElement).flatMap((c) => [...(test(c) ? [c] : []), ...findAll(c, test)]);

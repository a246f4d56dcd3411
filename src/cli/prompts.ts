import * as clack from '@clack/prompts';

export interface Option<T extends string> {
  value: T;
  label: string;
  hint?: string;
}

/** The questions the CLI asks; tests answer them with a script instead of a terminal. */
export interface Prompter {
  text(o: { message: string; initialValue?: string; placeholder?: string; validate?: (v: string) => string | undefined }): Promise<string>;
  select<T extends string>(o: { message: string; options: Option<T>[]; initialValue?: T }): Promise<T>;
  multiselect<T extends string>(o: { message: string; options: Option<T>[]; required?: boolean; initialValues?: T[] }): Promise<T[]>;
  confirm(o: { message: string; initialValue?: boolean }): Promise<boolean>;
}

export class Cancelled extends Error {
  constructor() {
    super('Cancelled: nothing was written.');
  }
}

function answer<T>(v: T | symbol): T {
  if (clack.isCancel(v)) throw new Cancelled();
  return v as T;
}

/** Prompts in the terminal with @clack/prompts. */
export const terminalPrompter: Prompter = {
  text: async (o) => answer<string>(await clack.text({ message: o.message, ...(o.initialValue !== undefined ? { initialValue: o.initialValue } : {}), ...(o.placeholder !== undefined ? { placeholder: o.placeholder } : {}), ...(o.validate ? { validate: (v) => o.validate!(v ?? '') } : {}) })),
  select: async <T extends string>(o: { message: string; options: Option<T>[]; initialValue?: T }) =>
    answer(await clack.select<T>({ message: o.message, options: o.options as clack.Option<T>[], ...(o.initialValue !== undefined ? { initialValue: o.initialValue } : {}) })) as T,
  multiselect: async <T extends string>(o: { message: string; options: Option<T>[]; required?: boolean; initialValues?: T[] }) =>
    answer(await clack.multiselect<T>({ message: o.message, options: o.options as clack.Option<T>[], required: o.required ?? false, ...(o.initialValues ? { initialValues: o.initialValues } : {}) })) as T[],
  confirm: async (o) => answer<boolean>(await clack.confirm({ message: o.message, ...(o.initialValue !== undefined ? { initialValue: o.initialValue } : {}) })),
};

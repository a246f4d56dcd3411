import { defineCollection } from 'astro:content';
import { buildEnv } from './env.ts';
import { candorLoader } from './loader.ts';

export const collections = {
  entries: defineCollection({ loader: candorLoader(buildEnv) }),
};

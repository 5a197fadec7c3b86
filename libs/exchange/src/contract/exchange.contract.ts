import { describe } from 'vitest';
import type { EnvRef } from './contract-env.js';
import { foldersAndFeedContract } from './folders-feed.contract.js';
import { itemsContract } from './items.contract.js';
import { marksAndContentContract } from './marks-content.contract.js';
import { mimeContract } from './mime.contract.js';

/** The behaviour every ExchangePort implementation must show; run it with an environment per implementation. */
export function runExchangeContract(name: string, env: EnvRef): void {
  describe(`${name}: folders and change feed`, () => foldersAndFeedContract(env));
  describe(`${name}: items of every type`, () => itemsContract(env));
  describe(`${name}: conflicts, correlation, marks and content`, () => marksAndContentContract(env));
  describe(`${name}: MIME content`, () => mimeContract(env));
}

import { describe } from 'vitest';
import type { EnvRef } from './contract-env.test-support.js';
import { foldersAndFeedContract } from './folders-feed-contract.test-support.js';
import { itemsContract } from './items-contract.test-support.js';
import { marksAndContentContract } from './marks-content-contract.test-support.js';
import { mimeContract } from './mime-contract.test-support.js';

/** The behaviour every ExchangePort implementation must show; run it with an environment per implementation. */
export function runExchangeContract(name: string, env: EnvRef): void {
  describe(`${name}: folders and change feed`, () => foldersAndFeedContract(env));
  describe(`${name}: items of every type`, () => itemsContract(env));
  describe(`${name}: conflicts, correlation, marks and content`, () => marksAndContentContract(env));
  describe(`${name}: MIME content`, () => mimeContract(env));
}

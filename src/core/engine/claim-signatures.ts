/**
 * Claim signatures compiled for fast evaluation, and the test of one window of text
 * (a sentence, or two short adjacent ones) against them. Precision first: every `all` group
 * must be present, `minAny` of the `any` groups, unless a distinctive phrase is found.
 */
import type { Claim, Dataset } from '../dataset/schema.ts';
import { amountMatches, type Amount } from '../match/amounts.ts';
import { literalRefKey, type RefKey } from './term-index.ts';

interface AmountRef {
  readonly value: number;
  readonly unit: string;
}

type CompiledRef = RefKey | AmountRef;
type CompiledGroup = readonly CompiledRef[];

export interface CompiledClaim {
  readonly index: number;
  readonly claim: Claim;
  readonly all: readonly CompiledGroup[];
  readonly any: readonly CompiledGroup[];
  readonly minAny: number;
}

export interface ClaimSignatures {
  readonly claims: readonly CompiledClaim[];
  /** For each ref key, the claims whose `all` groups use it: the candidates a hit suggests. */
  readonly candidatesByRef: ReadonlyMap<RefKey, readonly number[]>;
  /** Claims whose `all` groups include an amount: candidates whenever a sentence has one. */
  readonly amountClaims: readonly number[];
}

function compileRef(ref: string): CompiledRef {
  if (ref.startsWith('t:')) return literalRefKey(ref.slice(2));
  if (ref.startsWith('n:')) {
    const [, value, unit] = ref.split(':');
    return { value: Number(value), unit: unit ?? '' };
  }
  return ref;
}

/** A claim's `all` and `any` groups as the engine tests them: literal terms folded, amounts parsed. Plain data. */
export interface ClaimRefs {
  readonly all: readonly CompiledGroup[];
  readonly any: readonly CompiledGroup[];
}

/** Folding the literal terms of 300 claims is 10 ms of a cold start, so the build does it once (engine-artifact.ts). */
export function compileClaimRefs(dataset: Dataset): ClaimRefs[] {
  return dataset.claims.map((claim) => ({ all: claim.match.all.map((group) => group.map(compileRef)), any: claim.match.any.map((group) => group.map(compileRef)) }));
}

/** `refs`: the claims' compiled groups, in the dataset's order (compiled here when not given). */
export function compileSignatures(dataset: Dataset, refs: readonly ClaimRefs[] = compileClaimRefs(dataset)): ClaimSignatures {
  if (refs.length !== dataset.claims.length) throw new Error(`claim signatures: ${refs.length} compiled claims for ${dataset.claims.length} claims`);
  const candidatesByRef = new Map<RefKey, number[]>();
  const amountClaims: number[] = [];
  const claims = dataset.claims.map((claim, index): CompiledClaim => {
    const { all, any } = refs[index]!;
    for (const group of all) {
      for (const ref of group) {
        if (typeof ref === 'string') {
          const list = candidatesByRef.get(ref) ?? [];
          if (list[list.length - 1] !== index) list.push(index);
          candidatesByRef.set(ref, list);
        } else if (amountClaims[amountClaims.length - 1] !== index) {
          amountClaims.push(index);
        }
      }
    }
    return { index, claim, all, any, minAny: claim.match.minAny };
  });
  return { claims, candidatesByRef, amountClaims };
}

export interface WindowEvidence {
  readonly refs: ReadonlySet<RefKey>;
  readonly amounts: readonly Amount[];
}

function groupPresent(group: CompiledGroup, evidence: WindowEvidence): boolean {
  return group.some((ref) => (typeof ref === 'string' ? evidence.refs.has(ref) : evidence.amounts.some((amount) => amountMatches(amount, ref.value, ref.unit))));
}

export interface SignatureResult {
  readonly allPresent: number;
  readonly anyPresent: number;
  readonly satisfied: boolean;
}

export function evaluateSignature(compiled: CompiledClaim, evidence: WindowEvidence): SignatureResult {
  let allPresent = 0;
  for (const group of compiled.all) if (groupPresent(group, evidence)) allPresent++;
  let anyPresent = 0;
  for (const group of compiled.any) if (groupPresent(group, evidence)) anyPresent++;
  const satisfied = compiled.all.length > 0 && allPresent === compiled.all.length && anyPresent >= compiled.minAny;
  return { allPresent, anyPresent, satisfied };
}

/**
 * How sure we are that a window states the claim: more required groups and more optional
 * detail raise it; a phrase (a quote) is near-certain; long sentences and two-sentence
 * windows lower it, because they satisfy loose signatures by accident more often.
 */
export function signatureConfidence(compiled: CompiledClaim, result: SignatureResult, windowLength: number, spansTwoSentences: boolean): number {
  let confidence = 0.45 + 0.1 * Math.min(compiled.all.length, 4) + 0.05 * Math.min(result.anyPresent, 2);
  if (windowLength > 400) confidence *= 0.9;
  if (spansTwoSentences) confidence *= 0.85;
  return Math.min(0.95, Math.round(confidence * 100) / 100);
}

export const PHRASE_CONFIDENCE = 0.97;

import { describe, expect, it } from 'vitest';
import { amountMatches, findAmounts } from '../../../src/core/match/amounts.ts';
import { foldTerm } from '../../../src/core/text/normalize.ts';

const amounts = (text: string) => findAmounts(foldTerm(text)).map(({ value, unit }) => [value, unit]);

describe('findAmounts', () => {
  it.each([
    ['a $40 billion deal', 40e9, 'USD'],
    ['worth 40bn dollars', 40e9, 'USD'],
    ['на 40 млрд долларов', 40e9, 'USD'],
    ['40 milliards de dollars', 40e9, 'USD'],
    ['۴۰ میلیارد دلار', 40e9, 'USD'],
    ['40 مليار دولار', 40e9, 'USD'],
    ['€1.3bn loan', 1.3e9, 'EUR'],
    ['1,3 Mrd. Euro', 1.3e9, 'EUR'],
    ['40 miliardi di dollari', 40e9, 'USD'],
  ])('reads %s', (text, value, unit) => {
    expect(amounts(text)).toContainEqual([value, unit]);
  });

  it('reads counts and thousands separators', () => {
    expect(amounts('about 400 missiles and 3,000 troops')).toEqual([[400, ''], [3000, '']]);
  });

  it('matches a signature amount only in the same unit and within 1%', () => {
    const [amount] = findAmounts(foldTerm('$40 billion'));
    expect(amountMatches(amount!, 40e9, 'USD')).toBe(true);
    expect(amountMatches(amount!, 40e9, 'EUR')).toBe(false);
    expect(amountMatches(amount!, 4e9, 'USD')).toBe(false);
    const [bare] = findAmounts(foldTerm('40 people'));
    expect(amountMatches(bare!, 40e9, 'USD')).toBe(false);
  });
});

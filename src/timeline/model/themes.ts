/**
 * The timeline's lanes. The dataset has no theme field (chapters are written by period, and
 * new chapters keep arriving), so each event's theme is derived here, deterministically, from
 * its English title and summary and the concepts its claims are matched by. Every event gets
 * exactly one theme: the one with the highest score; ties go to the more specific theme.
 */
import type { Claim, DatasetEvent } from '../../core/dataset/schema.ts';

/** Lane order, top to bottom. */
export const THEMES = ['diplomacy', 'military', 'nuclear', 'economy', 'space', 'sanctions', 'wars'] as const;
export type Theme = (typeof THEMES)[number];

export const isTheme = (value: string): value is Theme => (THEMES as readonly string[]).includes(value);

interface ThemeSignals {
  /** Word stems looked for in the title (weight 3) and the summary (weight 1), lower case. */
  readonly words: readonly string[];
  /** Lexicon concepts (`c:…` refs in the event's claims' signatures), weight 1 each. */
  readonly concepts: readonly string[];
  /** Words that name the subject outright: in the title they weigh double (a sanctions decision about drones is about sanctions). */
  readonly strong?: readonly string[];
}

const SIGNALS: Record<Theme, ThemeSignals> = {
  space: {
    words: ['satellite', 'soyuz', 'orbit', 'baikonur', 'vostochny', 'space'],
    concepts: ['satellite', 'rocket-launch', 'space'],
  },
  nuclear: {
    words: ['nuclear', 'bushehr', 'reactor', 'jcpoa', 'iaea', 'enrichment', 'rosatom', 'uranium', 'fordow', 'natanz'],
    concepts: ['nuclear', 'nuclear-deal', 'nuclear-fuel', 'nuclear-plant', 'reactor', 'uranium-enrichment'],
  },
  sanctions: {
    words: ['sanction', 'snapback', 'embargo', 'resolution 2231', 'un restrictions', 'security council'],
    concepts: ['sanctions', 'impose-sanctions'],
    strong: ['sanction', 'snapback'],
  },
  wars: {
    words: ['war', 'ukrain', 'kyiv', 'crimea', 'syria', 'assad', 'idlib', 'israel', 'air campaign', 'strike', 'astana'],
    concepts: ['war', 'invasion', 'kyiv', 'attack', 'airstrike', 'uav-attack', 'rebels', 'ceasefire'],
  },
  military: {
    words: ['drone', 'shahed', 'missile', 's-300', 'su-35', 'yak-130', 'jet', 'helicopter', 'air-defence', 'air defence', 'radar', 'naval', 'drill', 'defence', 'bomber', 'air base', 'arms', 'military', 'weapon'],
    concepts: ['drone', 'kamikaze-drone', 'missile', 'ballistic-missile', 'fighter-jet', 'trainer-jet', 'attack-helicopter', 'air-defence', 'air-base', 'military', 'weapon', 'ammunition', 'mutual-defence', 'troops'],
  },
  economy: {
    words: ['gas', 'oil', 'gazprom', 'energy', 'trade', 'rail', 'corridor', 'transit', 'cargo', 'bank', 'payment', 'mir ', 'shetab', 'rial', 'ruble', 'rouble', 'sepam', 'spfs', 'economic', 'billion'],
    concepts: ['gas', 'oil', 'oil-and-gas', 'energy', 'pipeline', 'trade', 'trade-volume', 'free-trade', 'tariff', 'railway', 'transport-corridor', 'north-south', 'port', 'bank', 'banking', 'payment-card', 'payment-system', 'national-currencies', 'currency', 'loan', 'finance', 'wheat', 'grain'],
  },
  diplomacy: {
    words: ['summit', 'visit', 'treaty', 'meet', 'talks', 'sco', 'brics', 'member', 'relations', 'partnership', 'convention', 'mourn', 'kremlin'],
    concepts: ['summit', 'visit', 'meet', 'talks', 'treaty', 'partnership', 'strategic', 'diplomacy', 'membership', 'full-member', 'join', 'ambassador', 'foreign-minister'],
  },
};

/** Ties go to the first theme here: the narrower subjects before the broad ones. */
const SPECIFICITY: readonly Theme[] = ['space', 'nuclear', 'sanctions', 'wars', 'military', 'economy', 'diplomacy'];

const TITLE_WEIGHT = 3;

function countWords(text: string, words: readonly string[]): number {
  return words.reduce((sum, word) => sum + (text.includes(word) ? 1 : 0), 0);
}

function conceptsOf(claims: readonly Claim[]): Set<string> {
  const concepts = new Set<string>();
  for (const claim of claims) {
    for (const group of [...claim.match.all, ...claim.match.any]) {
      for (const ref of group) if (ref.startsWith('c:')) concepts.add(ref.slice(2));
    }
  }
  return concepts;
}

/** The score of every theme for one event, for the theme choice and for tests that explain it. */
export function themeScores(event: DatasetEvent, claims: readonly Claim[]): Record<Theme, number> {
  // Padded with spaces so stems such as "mir " match whole words at the end too.
  const title = ` ${event.title.toLowerCase()} `;
  const summary = ` ${event.summary.toLowerCase()} `;
  const concepts = conceptsOf(claims);
  const scores = {} as Record<Theme, number>;
  for (const theme of THEMES) {
    const { words, concepts: themeConcepts, strong = [] } = SIGNALS[theme];
    scores[theme] =
      TITLE_WEIGHT * (countWords(title, words) + countWords(title, strong)) + countWords(summary, words) + themeConcepts.filter((concept) => concepts.has(concept)).length;
  }
  return scores;
}

export function themeOf(event: DatasetEvent, claims: readonly Claim[]): Theme {
  const scores = themeScores(event, claims);
  let best: Theme = 'diplomacy';
  let bestScore = 0;
  for (const theme of SPECIFICITY) {
    if (scores[theme] > bestScore) {
      best = theme;
      bestScore = scores[theme];
    }
  }
  return best;
}

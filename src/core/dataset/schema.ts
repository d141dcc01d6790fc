/**
 * Schemas of the dataset, each beside its inferred type. The format is documented for
 * authors in src/data/README.md; cross-references (unknown ids, duplicates, shared aliases)
 * are checked in validate-references.ts because zod sees one object at a time.
 */
import { z } from 'zod';
import { partialDatePrecision } from './dates.ts';
import { LANGUAGES } from './languages.ts';

export { LANGUAGES, type Language } from './languages.ts';
export const LanguageSchema = z.enum(LANGUAGES);

/** Every actor must be nameable in the languages of the two countries and in English. */
export const REQUIRED_NAME_LANGUAGES = ['en', 'ru', 'fa'] as const;

export const IdSchema = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'must be kebab-case: lowercase letters, digits and single hyphens');

const nonEmpty = z.string().trim().min(1, 'must not be empty');

export const PartialDateSchema = z
  .string()
  .refine((value) => partialDatePrecision(value) !== null, 'must be a real date written YYYY, YYYY-MM or YYYY-MM-DD');

export const DatePrecisionSchema = z.enum(['year', 'month', 'day']);

/** Why an office term ended: `term-ended` covers every ordinary end (end of term, replaced, moved to other work). */
export const RoleEndSchema = z.enum(['term-ended', 'dismissed', 'resigned', 'died', 'killed']);
export type RoleEnd = z.infer<typeof RoleEndSchema>;

export const RoleSchema = z
  .strictObject({
    title: nonEmpty,
    from: PartialDateSchema.optional(),
    to: PartialDateSchema.optional(),
    ended: RoleEndSchema.optional(),
  })
  .refine((role) => !role.from || !role.to || role.from.slice(0, role.to.length) <= role.to, {
    message: 'role ends before it starts',
    path: ['to'],
  })
  .refine((role) => !role.ended || Boolean(role.to), { message: 'a role that `ended` needs the date it ended in `to`', path: ['ended'] });
export type Role = z.infer<typeof RoleSchema>;

export const ActorKindSchema = z.enum(['person', 'organisation', 'state', 'company', 'alliance']);
export type ActorKind = z.infer<typeof ActorKindSchema>;

export const ActorSchema = z.strictObject({
  id: IdSchema,
  kind: ActorKindSchema,
  name: nonEmpty,
  aliases: z.array(nonEmpty).default([]),
  names: z.partialRecord(LanguageSchema, z.string()).superRefine((names, ctx) => {
    for (const language of REQUIRED_NAME_LANGUAGES) {
      if (!names[language]?.trim()) {
        ctx.addIssue({ code: 'custom', message: `a name in "${language}" is required and must not be empty`, path: [language] });
      }
    }
  }),
  matchTerms: z.array(nonEmpty).optional(),
  roles: z.array(RoleSchema).default([]),
  country: z.string().regex(/^[A-Z]{2}$/, 'must be an ISO 3166-1 alpha-2 code').optional(),
  wikidata: z.string().regex(/^Q[1-9]\d*$/, 'must be a Wikidata QID such as Q159').optional(),
  description: nonEmpty,
});
export type Actor = z.infer<typeof ActorSchema>;

/** `c:concept`, `a:actor`, `t:literal*` or `n:amount:UNIT` (see src/data/README.md). */
export const MatchRefSchema = z
  .string()
  .regex(/^(c:[a-z0-9-]+|a:[a-z0-9-]+|t:.+|n:\d+(\.\d+)?:[A-Z]{0,3})$/, 'must be c:<concept>, a:<actor>, t:<term> or n:<number>:<UNIT>');
export type MatchRef = z.infer<typeof MatchRefSchema>;

export const MatchGroupSchema = z.array(MatchRefSchema).min(1, 'a group needs at least one ref');

export const MatchSignatureSchema = z
  .strictObject({
    all: z.array(MatchGroupSchema).default([]),
    any: z.array(MatchGroupSchema).default([]),
    minAny: z.number().int().min(0).default(0),
    phrases: z.array(z.string().trim().min(8, 'a phrase must be specific: at least 8 characters')).default([]),
  })
  .refine((match) => match.all.length >= 2 || match.phrases.length > 0, {
    message: 'a signature needs at least two `all` groups or a phrase, or it matches too much',
  })
  .refine((match) => match.minAny <= match.any.length, { message: 'minAny is larger than the number of `any` groups', path: ['minAny'] });
export type MatchSignature = z.infer<typeof MatchSignatureSchema>;

export const EventSchema = z
  .strictObject({
    id: IdSchema,
    date: PartialDateSchema,
    precision: DatePrecisionSchema,
    endDate: PartialDateSchema.optional(),
    title: nonEmpty,
    summary: nonEmpty,
    actors: z.array(IdSchema).default([]),
    place: nonEmpty.optional(),
    /** The larger event this one is an episode of (a Kyiv drone strike of Iran's drone supplies, a ratification of its treaty). */
    partOf: IdSchema.optional(),
    sources: z.array(IdSchema).min(1, 'an event needs at least one source'),
  })
  // An invalid date is reported on `date` alone, not again on `precision`.
  .refine((event) => [null, event.precision].includes(partialDatePrecision(event.date)), {
    message: 'precision does not fit the shape of the date',
    path: ['precision'],
  })
  .refine((event) => !event.endDate || event.endDate >= event.date, { message: 'endDate is before date', path: ['endDate'] });
export type DatasetEvent = z.infer<typeof EventSchema>;

export const ClaimStatusSchema = z.enum(['confirmed', 'officially-stated', 'reported', 'disputed', 'denied', 'false']);
export type ClaimStatus = z.infer<typeof ClaimStatusSchema>;

export const ClaimSchema = z.strictObject({
  id: IdSchema,
  text: nonEmpty,
  eventIds: z.array(IdSchema).default([]),
  actors: z.array(IdSchema).default([]),
  attribution: nonEmpty,
  date: PartialDateSchema,
  status: ClaimStatusSchema,
  context: nonEmpty,
  sources: z.array(IdSchema).min(1, 'a claim needs at least one source'),
  match: MatchSignatureSchema,
});
export type Claim = z.infer<typeof ClaimSchema>;

/**
 * How a source was checked: `stored-copy` = a stored copy of the page at `url` with supporting
 * content was found; `publisher-page` = the publisher's page was found but not the exact content;
 * `not-found` = no copy found (then there is no `url`, only a `urlNote`).
 */
export const CheckHowSchema = z.enum(['stored-copy', 'publisher-page', 'not-found']);
export type CheckHow = z.infer<typeof CheckHowSchema>;

export const CoverageCheckSchema = z.strictObject({
  on: PartialDateSchema.refine((value) => partialDatePrecision(value) === 'day', 'must be a day: YYYY-MM-DD'),
  how: CheckHowSchema,
});

export const CoverageSourceSchema = z
  .strictObject({
    id: IdSchema,
    outlet: nonEmpty,
    /** The headline as published, in the source's own language. */
    title: nonEmpty,
    /** An English translation of the headline, when the title is in another language. */
    titleTranslation: nonEmpty.optional(),
    date: PartialDateSchema,
    language: LanguageSchema.or(z.string().regex(/^[a-z]{2}$/, 'must be an ISO 639-1 code')),
    url: z.url({ protocol: /^https?$/ }).optional(),
    urlNote: nonEmpty.optional(),
    /** Optional for now: items checked before this field existed have none. */
    checked: CoverageCheckSchema.optional(),
  })
  .refine((item) => Boolean(item.url) !== Boolean(item.urlNote), {
    message: 'give either a url you found or a urlNote saying it was not found (not both, not neither)',
    path: ['url'],
  })
  .refine((item) => item.checked?.how !== 'not-found' || !item.url, {
    message: 'a source checked as "not-found" cannot keep a url',
    path: ['checked', 'how'],
  });

/** Coverage as shipped: which claims and events it covers is derived from their `sources`. */
export const CoverageSchema = CoverageSourceSchema.and(
  z.object({ claims: z.array(IdSchema), events: z.array(IdSchema) }),
);
export type Coverage = z.infer<typeof CoverageSchema>;

export const ConceptSchema = z.partialRecord(LanguageSchema, z.array(nonEmpty));
export type Concept = z.infer<typeof ConceptSchema>;

/** One source file under src/data/ (actors.json, lexicon.json or a chapter). */
export const SourceFileSchema = z.strictObject({
  $comment: z.string().optional(),
  actors: z.array(ActorSchema).optional(),
  events: z.array(EventSchema).optional(),
  claims: z.array(ClaimSchema).optional(),
  coverage: z.array(CoverageSourceSchema).optional(),
  concepts: z.record(IdSchema, ConceptSchema).optional(),
});
export type SourceFile = z.infer<typeof SourceFileSchema>;

/** The assembled, validated document the extension ships. */
export const DatasetSchema = z.strictObject({
  version: nonEmpty,
  actors: z.array(ActorSchema),
  events: z.array(EventSchema),
  claims: z.array(ClaimSchema),
  coverage: z.array(CoverageSchema),
  concepts: z.record(IdSchema, ConceptSchema),
});
export type Dataset = z.infer<typeof DatasetSchema>;

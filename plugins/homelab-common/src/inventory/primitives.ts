import { z } from 'zod';

/**
 * The value a field takes when its fact is not known. Allowed where people
 * often do not know a fact that the format otherwise requires; what each
 * field's `unknown` leaves unchecked is said in its description.
 *
 * @public
 */
export const UNKNOWN = 'unknown';

/**
 * Lower-case names that are also valid Backstage entity names.
 *
 * @public
 */
export const inventoryName = z
  .string()
  .max(63, { error: 'must be at most 63 characters' })
  .regex(/^[a-z0-9]+(?:[-_.][a-z0-9]+)*$/, {
    error:
      'must be lower-case letters, digits and single -, _ or . between them (like "rk1-node-1"), to be usable as a catalog entity name',
  });

/** A reference by name to another item of the inventory. */
export const reference = (what: string) =>
  inventoryName.describe(`The name of ${what} defined in this inventory.`);

/**
 * An IPv4 or IPv6 address.
 *
 * @public
 */
export const ipAddress = z.union([z.ipv4(), z.ipv6()], {
  error: 'must be an IP address such as 192.168.100.11',
});

/**
 * An IPv4 or IPv6 CIDR block.
 *
 * @public
 */
export const cidr = z.union([z.cidrv4(), z.cidrv6()], {
  error: 'must be a CIDR block such as 192.168.100.0/24',
});

/**
 * A first and last address, both included.
 *
 * @public
 */
export const addressRange = z
  .object({
    start: ipAddress.describe('First address of the range.'),
    end: ipAddress.describe('Last address of the range (included).'),
  })
  .strict();

/**
 * A lower and upper bound, both included, for a plan that gives a range
 * ("8-16 GB") rather than one number.
 *
 * @public
 */
export const quantityRange = z
  .object({
    min: z.number().nonnegative().describe('Lower bound (included).'),
    max: z.number().positive().describe('Upper bound (included).'),
  })
  .strict()
  .refine(range => range.min <= range.max, {
    error: 'the range starts above its end: min must not be above max',
  });

/** A number, or a min/max range where a plan gives one. */
export const amount = (unit: string, options: { integer?: boolean } = {}) =>
  z.union(
    [
      options.integer ? z.number().int().positive() : z.number().positive(),
      quantityRange,
    ],
    {
      error: `must be a number of ${unit}, or a range like { min: 8, max: 16 }`,
    },
  );

/**
 * A duration such as "5m", "24h", "30d" or "720h0m0s": digits, each followed
 * by s, m, h, d or w.
 *
 * @public
 */
export const duration = z.string().regex(/^(?:\d+(?:\.\d+)?[smhdw])+$/, {
  error: 'must be a duration such as "5m", "24h" or "30d"',
});

/**
 * Where something stands in its life: in service (`active`), not yet there
 * (`planned`), to be added if needed (`optional`), or no longer in service
 * (`retired`).
 *
 * @public
 */
export const lifecycleStatuses = [
  'active',
  'planned',
  'optional',
  'retired',
] as const;

/**
 * One of {@link lifecycleStatuses}, or `spare` for a device kept in reserve.
 *
 * @public
 */
export type LifecycleStatus = (typeof lifecycleStatuses)[number] | 'spare';

/** The lifecycle `status` field, defaulting to active: an inventory lists what is in service. */
export const status = (what: string) =>
  z
    .enum(lifecycleStatuses)
    .default('active')
    .describe(
      `Whether the ${what} is in service (active), planned, optional (added if needed) or retired. Planned, optional and retired items are left out of totals and capacity checks.`,
    );

/** Catalog owner of an item. */
export const owner = z
  .string()
  .min(1)
  .describe(
    'Catalog owner reference such as "group:homelab-admins"; defaults to the site owner.',
  );

/** Catalog tags of an item. */
export const tags = z
  .array(
    z.string().regex(/^[a-z0-9:+#]+(?:-[a-z0-9:+#]+)*$/, {
      error: 'tags are lower-case words joined by "-", like "arm64" or "poe"',
    }),
  )
  .describe('Catalog tags.');

/** Free text about an item. */
export const description = z
  .string()
  .describe('Free text shown in the catalog and the generated docs.');
/** Display name of an item. */
export const title = z
  .string()
  .min(1)
  .describe('Display name; defaults to the name.');

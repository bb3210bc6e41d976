import { z } from 'zod';
import {
  description,
  inventoryName,
  owner,
  reference,
  title,
} from './primitives';

/**
 * How far VMs may over-commit their host: the sum of the vCPUs (or memory)
 * of a host's VMs divided by its cores (or memory).
 *
 * @public
 */
export const overcommitSchema = z
  .object({
    cpu: z
      .number()
      .positive()
      .optional()
      .describe(
        'vCPUs per physical core a host may give its VMs before a warning. Default 4.',
      ),
    memory: z
      .number()
      .positive()
      .optional()
      .describe(
        'Memory of the VMs per GB of the host before a warning. Default 1 (no over-commit).',
      ),
  })
  .strict();

/**
 * How far VMs may over-commit their host, as the inventory states it.
 *
 * @public
 */
export type Overcommit = z.infer<typeof overcommitSchema>;

/**
 * The over-commit ratios when neither the host nor the site sets them: 4
 * vCPUs per CPU, no memory over-commit.
 *
 * @public
 */
export const DEFAULT_OVERCOMMIT = { cpu: 4, memory: 1 };

/**
 * Schema of the `site` section.
 *
 * @public
 */
export const siteSchema = z
  .object({
    name: inventoryName.describe(
      'Name of the site; becomes the catalog Domain of everything in it.',
    ),
    title: title.optional(),
    description: description.optional(),
    owner: owner.describe(
      'Default catalog owner of every entity of this site, such as "group:homelab-admins".',
    ),
    location: z.string().optional().describe('Where the site is, in words.'),
    timezone: z
      .string()
      .optional()
      .describe('IANA time zone, like "Europe/Stockholm".'),
    overcommit: overcommitSchema
      .optional()
      .describe(
        'Over-commit ratios every VM host of the site may reach before a warning; a host can set its own.',
      ),
  })
  .strict()
  .describe('The homelab site. Exactly one file of an inventory defines it.');

/**
 * Schema of an item of `environments`.
 *
 * @public
 */
export const environmentSchema = z
  .object({
    name: inventoryName.describe(
      'Name of the environment, like "staging"; becomes a catalog System.',
    ),
    title: title.optional(),
    description: description.optional(),
    promotesTo: reference('the environment releases are promoted to next')
      .optional()
      .describe(
        'The environment releases go to after this one, like staging -> production.',
      ),
    updates: z
      .enum(['automatic', 'manual'])
      .optional()
      .describe(
        'How new versions reach this environment: automatically (for example Flux image automation) or by manual promotion.',
      ),
    domain: z
      .string()
      .optional()
      .describe(
        'DNS names served by this environment, like "*.staging.example.com".',
      ),
    owner: owner.optional(),
  })
  .strict();

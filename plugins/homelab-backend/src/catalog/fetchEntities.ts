import { AuthService } from '@backstage/backend-plugin-api';
import { EntityFilterQuery } from '@backstage/catalog-client';
import { Entity } from '@backstage/catalog-model';
import { CatalogService } from '@backstage/plugin-catalog-node';

/** Entities per catalog request: large estates are read page by page. */
const PAGE_SIZE = 500;

/**
 * Every entity matching `filter`, read page by page with the plugin's own
 * credentials, with only the `fields` asked for.
 */
export async function fetchEntities(
  catalog: CatalogService,
  auth: AuthService,
  filter: EntityFilterQuery,
  fields: string[],
): Promise<Entity[]> {
  const credentials = await auth.getOwnServiceCredentials();
  const entities: Entity[] = [];
  let cursor: string | undefined;
  do {
    const page = await catalog.queryEntities(
      cursor
        ? { cursor, limit: PAGE_SIZE, fields }
        : { filter, fields, limit: PAGE_SIZE, totalItems: 'exclude' },
      { credentials },
    );
    entities.push(...page.items);
    cursor = page.pageInfo.nextCursor;
  } while (cursor);
  return entities;
}

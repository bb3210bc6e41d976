import { parseEntityRef } from '@backstage/catalog-model';
import { NotificationService } from '@backstage/plugin-notifications-node';
import { NotifiedCondition } from './ConditionStore';
import { ConditionNotifier } from './ConditionNotifier';
import { HomelabCondition } from './HomelabCondition';

/** The entity's page in the catalog, the route every Backstage app has. */
function entityPage(entityRef: string): string {
  const { kind, namespace, name } = parseEntityRef(entityRef);
  return `/catalog/${encodeURIComponent(namespace)}/${encodeURIComponent(
    kind.toLocaleLowerCase('en-US'),
  )}/${encodeURIComponent(name)}`;
}

/**
 * Conditions as Backstage notifications to the members of the group that
 * owns the entity (the notifications backend follows ownedBy). Every
 * notification of a condition has the same scope, so its recovery (and a
 * worse level) replaces the earlier one in each user's list, marked unread,
 * rather than adding to it.
 */
export class BackstageConditionNotifier implements ConditionNotifier {
  constructor(private readonly notifications: NotificationService) {}

  async raised(condition: HomelabCondition): Promise<void> {
    await this.notifications.send({
      recipients: { type: 'entity', entityRef: condition.entityRef },
      payload: {
        title: condition.title,
        description: condition.description,
        link: entityPage(condition.entityRef),
        severity: condition.severity,
        topic: `homelab:${condition.kind}`,
        scope: `homelab:${condition.key}`,
      },
    });
  }

  async cleared(condition: NotifiedCondition, at: Date): Promise<void> {
    await this.notifications.send({
      recipients: { type: 'entity', entityRef: condition.entityRef },
      payload: {
        title: `Recovered: ${condition.title}`,
        description: `No longer holds as of ${at.toISOString()}; it started ${condition.raisedAt.toISOString()}.`,
        link: entityPage(condition.entityRef),
        severity: 'low',
        topic: `homelab:${condition.kind}`,
        scope: `homelab:${condition.key}`,
      },
    });
  }
}

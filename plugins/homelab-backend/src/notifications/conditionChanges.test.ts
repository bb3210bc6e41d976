import { conditionChanges } from './conditionChanges';
import { NotifiedCondition } from './ConditionStore';
import { ConditionKind, HomelabCondition } from './HomelabCondition';

const condition = (key: string, level = 1): HomelabCondition => ({
  kind: key.split(':')[0] as ConditionKind,
  key,
  entityRef: 'component:default/nextcloud',
  severity: 'high',
  title: key,
  description: '',
  level,
});

const notified = (key: string, level = 1): NotifiedCondition => ({
  ...condition(key, level),
  raisedAt: new Date('2026-12-02T12:00:00Z'),
});

const every = new Set<ConditionKind>([
  'slo-fast-burn',
  'critical-vulnerabilities',
]);

describe('conditionChanges', () => {
  it('raises what was not notified, and nothing that was at the same level', () => {
    expect(
      conditionChanges(
        {
          holding: [condition('slo-fast-burn:a'), condition('slo-fast-burn:b')],
          undetermined: [],
        },
        [notified('slo-fast-burn:a')],
        every,
      ),
    ).toEqual({
      raised: [condition('slo-fast-burn:b')],
      worsened: [],
      cleared: [],
    });
  });

  it('notifies again at a higher level only', () => {
    const changes = conditionChanges(
      {
        holding: [
          condition('critical-vulnerabilities:x', 3),
          condition('critical-vulnerabilities:y', 1),
        ],
        undetermined: [],
      },
      [
        notified('critical-vulnerabilities:x', 2),
        notified('critical-vulnerabilities:y', 2),
      ],
      every,
    );
    expect(changes.worsened).toEqual([
      condition('critical-vulnerabilities:x', 3),
    ]);
    expect(changes.raised).toEqual([]);
  });

  it('clears what no longer holds, but not what is undetermined or of a kind not evaluated', () => {
    const changes = conditionChanges(
      { holding: [], undetermined: ['slo-fast-burn:nodata'] },
      [
        notified('slo-fast-burn:recovered'),
        notified('slo-fast-burn:nodata'),
        notified('stale-source:flux/production'),
      ],
      every,
    );
    expect(changes.cleared.map(c => c.key)).toEqual([
      'slo-fast-burn:recovered',
    ]);
  });
});

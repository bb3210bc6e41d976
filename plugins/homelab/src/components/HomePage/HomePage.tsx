import { parseEntityRef, stringifyEntityRef } from '@backstage/catalog-model';
import {
  InfoCard,
  Link,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import { useApi, useRouteRef } from '@backstage/core-plugin-api';
import { catalogApiRef, entityRouteRef } from '@backstage/plugin-catalog-react';
import { appEntityRefs, Finding } from '@homelab/plugin-homelab-common';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import Typography from '@material-ui/core/Typography';
import { useTheme } from '@material-ui/core/styles';
import useAsync from 'react-use/esm/useAsync';
import { homelabApiRef } from '../../api/HomelabApi';
import { useHomelabLink } from '../entity/useHomelabLink';
import { FreshnessNotice } from '../shared/FreshnessNotice';
import { readableText } from '../shared/readableColour';
import { SeverityChip } from '../shared/SeverityChip';
import { StatusChip } from '../shared/StatusChip';
import { percent } from '../SloPage/sloFormat';
import { AppRow, appRows, estateFacts } from './appRows';
import { versionText } from './versionText';

/** Everything the home shows, fetched together. */
function useHome() {
  const api = useApi(homelabApiRef);
  const catalog = useApi(catalogApiRef);
  return useAsync(async () => {
    const [drift, slos, topology] = await Promise.all([
      api.getDrift(),
      api.getSlos(),
      api.getTopology({ workloads: 'folded' }),
    ]);
    // An app is its catalog Component: the one drift names, or the one
    // whose backstage.io/kubernetes-id (or name) is the app's.
    const components = await catalog.getEntities({
      filter: { kind: 'Component' },
      fields: [
        'kind',
        'metadata.name',
        'metadata.namespace',
        'metadata.title',
        'metadata.links',
        'metadata.annotations',
      ],
    });
    const byRef = new Map<string, { title?: string; url?: string }>();
    const byApp = new Map<string, string>();
    for (const entity of components.items) {
      const ref = stringifyEntityRef(entity);
      byRef.set(ref, {
        title: entity.metadata.title,
        url: entity.metadata.links?.[0]?.url,
      });
      byApp.set(entity.metadata.name, ref);
      const id = entity.metadata.annotations?.['backstage.io/kubernetes-id'];
      if (id) byApp.set(id, ref);
    }
    // Where the releases name entities of their own (a platform service's
    // entity per cluster), they are the app's.
    const apps = drift.apps.map(app => ({
      ...app,
      entityRef:
        app.entityRef ??
        (app.releases.some(release => release.entityRef)
          ? undefined
          : byApp.get(app.app)),
    }));
    const refs = [...new Set(apps.flatMap(appEntityRefs))];
    const pages = await Promise.all(
      refs.map(async ref => {
        const page = await api.getPostureFindings({
          entityRef: ref,
          source: ['vulnerability'],
          limit: 1,
        });
        return { ref, worst: page.items[0], freshness: page.freshness };
      }),
    );
    const findings = pages.map(
      p => [p.ref, p.worst] as [string, Finding | undefined],
    );
    // Each page carries the freshness of every cluster's security collection;
    // with no page, no app has an entity whose findings it would qualify.
    const securityFreshness = pages[0]?.freshness ?? [];
    // In promotion order; an environment only a release names comes last.
    const environments = [
      ...new Set([
        ...drift.environments,
        ...apps.flatMap(a => a.releases.map(r => r.environment)),
      ]),
    ];
    return {
      environments,
      rows: appRows({
        apps,
        slos: slos.items,
        worstFindings: new Map(findings),
        securityFreshness,
        entities: byRef,
      }),
      estate: estateFacts(topology),
      freshness: [...drift.freshness, ...slos.freshness],
    };
  }, [api, catalog]);
}

function EstateStrip(props: { estate: ReturnType<typeof estateFacts> }) {
  const link = useHomelabLink();
  const { estate } = props;
  const facts: Array<[string, string, string]> = [
    [
      'Kubernetes nodes up',
      `${estate.nodesUp} of ${estate.nodes}`,
      link('topology'),
    ],
    ['Clusters', String(estate.clusters), link('topology')],
    ['Devices', String(estate.devices), link('topology')],
    ['Sources not fresh', String(estate.staleSources.length), link('topology')],
  ];
  return (
    <dl
      aria-label="The estate"
      style={{ display: 'flex', flexWrap: 'wrap', gap: 32, margin: 0 }}
    >
      {facts.map(([label, value, to]) => (
        <div key={label}>
          <dt>
            <Typography variant="body2" color="textSecondary">
              {label}
            </Typography>
          </dt>
          <dd style={{ margin: 0 }}>
            <Typography variant="h5" component="span">
              <Link to={to}>{value}</Link>
            </Typography>
          </dd>
        </div>
      ))}
    </dl>
  );
}

function BudgetCell({ row }: { row: AppRow }) {
  const theme = useTheme();
  const link = useHomelabLink();
  const slo = row.tightestSlo;
  if (!slo) return <Typography variant="body2">—</Typography>;
  const budget = slo.errorBudgetRemaining ?? 0;
  return (
    <Link
      to={link('slos', { slo: slo.slo.id })}
      style={
        budget < 0
          ? { color: readableText(theme, theme.palette.error.main) }
          : undefined
      }
    >
      {percent(slo.errorBudgetRemaining, 1)} left
    </Link>
  );
}

/** No finding: "none known" only where they were looked for, "not known" and why otherwise. */
function VulnerabilitiesNotFound({ row }: { row: AppRow }) {
  if (!row.vulnerabilitiesUnknown)
    return (
      <Typography variant="body2" color="textSecondary">
        none known
      </Typography>
    );
  return (
    <>
      <Typography variant="body2">not known</Typography>
      <Typography variant="caption" display="block" color="textSecondary">
        {row.vulnerabilitiesUnknown}
      </Typography>
    </>
  );
}

/** An app's version in one environment, and whether Flux has it Ready. */
function ReleaseCell(props: { row: AppRow; environment: string }) {
  const { row, environment } = props;
  const entityRoute = useRouteRef(entityRouteRef);
  const release = row.releases.get(environment);
  if (!release)
    return (
      <TableCell style={{ whiteSpace: 'nowrap' }}>
        <Typography variant="body2" color="textSecondary">
          not deployed
        </Typography>
      </TableCell>
    );
  const label = `${release.version ? versionText(release.version) : '?'}${
    release.ready === 'True' ? '' : ' (not Ready)'
  }`;
  const chip = (
    <StatusChip
      status={release.ready === 'True' ? 'ok' : 'error'}
      label={label}
    />
  );
  // An app of an entity per cluster links each release to its own; the
  // link is named by the version it shows, then where it leads.
  return (
    <TableCell style={{ whiteSpace: 'nowrap' }} title={release.version}>
      {!row.entityRef && release.entityRef ? (
        <Link
          to={entityRoute(parseEntityRef(release.entityRef))}
          aria-label={`${label}: ${row.title} in ${environment}`}
        >
          {chip}
        </Link>
      ) : (
        chip
      )}
    </TableCell>
  );
}

/**
 * Headers and apps' names wrap between words only: the theme lets a table
 * cell break anywhere, which stood 'SLO budget' on end, a letter a line, over
 * a column of dashes, and wrapped 'Vaultwarden' before its last letter.
 */
const HEADER = { wordBreak: 'normal' } as const;

function AppTableRow(props: { row: AppRow; environments: string[] }) {
  const { row, environments } = props;
  const entityRoute = useRouteRef(entityRouteRef);
  const link = useHomelabLink();
  const entityLink = row.entityRef
    ? entityRoute(parseEntityRef(row.entityRef))
    : undefined;
  const finding = row.worstFinding;
  return (
    <TableRow>
      {/* Wraps between words ("Home Assistant"; "Flux CD", three rows of it
          on the demo, each with the Flux object it is), so that the table
          fits a 1440 px window. */}
      <TableCell
        component="th"
        scope="row"
        style={{ ...HEADER, minWidth: 100 }}
      >
        {entityLink ? <Link to={entityLink}>{row.title}</Link> : row.title}
        {row.deployedBy && (
          <Typography variant="caption" display="block" color="textSecondary">
            {row.deployedBy}
          </Typography>
        )}
      </TableCell>
      <TableCell style={{ minWidth: 160, maxWidth: 320 }}>
        <StatusChip
          status={row.state}
          label={row.state === 'ok' ? 'Up' : undefined}
        />
        {row.reason && (
          <Typography variant="caption" display="block" color="textSecondary">
            {row.reason}
          </Typography>
        )}
      </TableCell>
      <TableCell style={{ whiteSpace: 'nowrap' }}>
        {row.url ? <Link to={row.url}>{new URL(row.url).host}</Link> : '—'}
      </TableCell>
      {environments.map(environment => (
        <ReleaseCell key={environment} row={row} environment={environment} />
      ))}
      <TableCell style={{ whiteSpace: 'nowrap' }}>
        <BudgetCell row={row} />
      </TableCell>
      <TableCell style={{ minWidth: 140 }}>
        {finding ? (
          <Link to={link('security', { entity: row.worstFindingEntityRef })}>
            <SeverityChip severity={finding.severity} /> {finding.checkId}
          </Link>
        ) : (
          <VulnerabilitiesNotFound row={row} />
        )}
      </TableCell>
    </TableRow>
  );
}

/**
 * The homelab at a glance: the estate in one line, then one row per app,
 * worst first: is it up, where to open it, which version runs in each
 * environment (and whether Flux has it Ready), the error budget of its
 * tightest SLO and its most severe vulnerability, each linking to its detail.
 */
export function HomePage() {
  const home = useHome();
  if (home.loading) return <Progress />;
  if (home.error) return <ResponseErrorPanel error={home.error} />;
  if (!home.value) return null;
  const { environments, rows, estate, freshness } = home.value;
  return (
    <>
      <FreshnessNotice freshness={freshness} />
      <InfoCard title="Estate">
        <EstateStrip estate={estate} />
      </InfoCard>
      <div style={{ height: 16 }} />
      <InfoCard title="Apps" noPadding>
        {/* Scrolls sideways where the window is narrower than the table,
            instead of the card cutting off its last columns. Its width is the
            card's, never the table's (contain: inline-size): else a table
            wider than the window widened the page instead, and the window cut
            off both cards' right ends (the overview at 1440x900 once three
            Flux CD rows were read). */}
        <div style={{ overflowX: 'auto', contain: 'inline-size' }}>
          <Table size="small" aria-label="Apps">
            <TableHead>
              <TableRow>
                <TableCell style={HEADER}>App</TableCell>
                <TableCell style={HEADER}>State</TableCell>
                <TableCell style={HEADER}>Open</TableCell>
                {environments.map(environment => (
                  <TableCell key={environment} style={{ whiteSpace: 'nowrap' }}>
                    {environment}
                  </TableCell>
                ))}
                <TableCell style={HEADER}>SLO budget</TableCell>
                <TableCell style={HEADER}>Worst vulnerability</TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {rows.map(row => (
                <AppTableRow
                  key={row.app}
                  row={row}
                  environments={environments}
                />
              ))}
            </TableBody>
          </Table>
        </div>
        {!rows.length && (
          <Typography style={{ padding: 16 }} color="textSecondary">
            No app runs in the clusters yet: the homelab backend finds apps by
            their Flux HelmReleases and Kustomizations.
          </Typography>
        )}
      </InfoCard>
    </>
  );
}

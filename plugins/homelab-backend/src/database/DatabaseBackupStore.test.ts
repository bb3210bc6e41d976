import { mockServices, TestDatabases } from '@backstage/backend-test-utils';
import path from 'node:path';
import { CollectedBackupSet } from '../backups/CollectedBackupSet';
import { CollectedCertificate } from '../certificates/parseCertificate';
import { DatabaseHomelabStore } from './DatabaseHomelabStore';

jest.setTimeout(60_000);

const databases = TestDatabases.create();
const MIGRATIONS = path.resolve(__dirname, '../../migrations');

const set = (cluster: string, name: string): CollectedBackupSet => ({
  id: `${cluster}/velero/velero/${name}`,
  cluster,
  tool: 'velero',
  namespace: 'velero',
  name,
  coveredNamespaces: ['*'],
  entityRefs: [],
  problems: [],
  failuresSinceSuccess: 0,
});

const certificate = (
  cluster: string,
  namespace: string,
  name: string,
  entityRef?: string,
): CollectedCertificate => ({
  id: `${cluster}/${namespace}/${name}`,
  cluster,
  namespace,
  name,
  ...(entityRef ? { entityRef } : {}),
  dnsNames: [`${name}.example.org`],
  ready: 'True',
  notAfter: '2027-01-18T09:14:01Z',
});

describe.each(databases.eachSupportedId())(
  'the backup store on %s',
  databaseId => {
    let store: DatabaseHomelabStore;
    let knex: Awaited<ReturnType<typeof databases.init>>;
    beforeEach(async () => {
      knex = await databases.init(databaseId);
      store = await DatabaseHomelabStore.create(
        mockServices.database({ knex }),
      );
    });

    it("replaces one cluster's backup sets and certificates without touching another's", async () => {
      const at = new Date('2026-12-02T14:30:00Z');
      await store.backups.replaceBackupSets(
        'production',
        [set('production', 'daily'), set('production', 'hourly')],
        at,
      );
      await store.backups.replaceBackupSets(
        'staging',
        [set('staging', 'a')],
        at,
      );
      await store.backups.replaceBackupSets(
        'production',
        [set('production', 'weekly')],
        at,
      );
      expect((await store.backups.backupSets()).map(s => s.id)).toEqual([
        'production/velero/velero/weekly',
        'staging/velero/velero/a',
      ]);
      expect(await store.backups.backupSets({ cluster: 'staging' })).toEqual([
        set('staging', 'a'),
      ]);

      await store.backups.replaceCertificates(
        'production',
        [
          certificate(
            'production',
            'vaultwarden',
            'vaultwarden-tls',
            'component:default/vaultwarden',
          ),
          certificate('production', 'traefik', 'wildcard'),
        ],
        at,
      );
      await store.backups.replaceCertificates(
        'staging',
        [certificate('staging', 'traefik', 'wildcard')],
        at,
      );
      expect(
        (await store.backups.certificates({ namespace: 'traefik' })).map(
          c => c.id,
        ),
      ).toEqual(['production/traefik/wildcard', 'staging/traefik/wildcard']);
      expect(
        await store.backups.certificates({
          entityRef: 'component:default/vaultwarden',
        }),
      ).toEqual([
        certificate(
          'production',
          'vaultwarden',
          'vaultwarden-tls',
          'component:default/vaultwarden',
        ),
      ]);
      const [row] = await knex('homelab_certificates').where({
        cluster: 'staging',
      });
      expect(new Date(row.not_after).toISOString()).toBe(
        '2027-01-18T09:14:01.000Z',
      );
    });

    it('migrates the backup tables down', async () => {
      await knex.migrate.down({
        directory: MIGRATIONS,
        name: '20261220100000_backups_and_certificates.js',
      });
      expect(await knex.schema.hasTable('homelab_backup_sets')).toBe(false);
      expect(await knex.schema.hasTable('homelab_certificates')).toBe(false);
      expect(await knex.schema.hasTable('homelab_findings')).toBe(true);
    });
  },
);

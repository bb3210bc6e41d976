import type { Entity } from '@backstage/catalog-model';
import type { V1CronJob, V1Job, V1Pod } from '@kubernetes/client-node';

/**
 * Trivy Operator's envtest CronJob (aquasecurity/trivy-operator
 * tests/envtest/testdata/fixture/cronjob.yaml), in the namespace its
 * expected ConfigAuditReport names, with the label a Backstage user gives
 * what a Component owns.
 */
export const helloCronJob: V1CronJob = {
  apiVersion: 'batch/v1',
  kind: 'CronJob',
  metadata: {
    name: 'hello',
    namespace: 'default',
    uid: 'a3f2c1d4-5b6e-4f70-8a91-b2c3d4e5f607',
    labels: { 'backstage.io/kubernetes-id': 'hello' },
  },
  spec: {
    schedule: '* * * * *',
    jobTemplate: {
      spec: {
        template: {
          spec: {
            containers: [
              {
                name: 'hello',
                image: 'busybox:1.28',
                command: [
                  '/bin/sh',
                  '-c',
                  'date; echo Hello from the Kubernetes cluster',
                ],
              },
            ],
            restartPolicy: 'OnFailure',
          },
        },
      },
    },
  },
};

/** The Component the CronJob's label names. */
export const helloComponent: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: {
    name: 'hello',
    annotations: { 'backstage.io/kubernetes-id': 'hello' },
  },
  spec: { type: 'service', owner: 'team', lifecycle: 'production' },
};

/**
 * One run of the CronJob, as Kubernetes' controllers write it: the CronJob
 * controller names the Job after the CronJob and the scheduled time in
 * minutes since the epoch and owns it as its controller
 * (kubernetes/kubernetes pkg/controller/cronjob/utils.go,
 * getJobFromTemplate2); the Job controller names each pod after the Job
 * with a random suffix, labels it with the Job's name and owns it
 * (pkg/controller/job).
 */
export function cronJobRun(
  scheduledMinute: number,
  podSuffix: string,
): { job: V1Job; pod: V1Pod } {
  const jobName = `${helloCronJob.metadata!.name}-${scheduledMinute}`;
  const jobUid = `c0ffee00-0000-4000-8000-${String(scheduledMinute).padStart(
    12,
    '0',
  )}`;
  const jobLabels = {
    'batch.kubernetes.io/controller-uid': jobUid,
    'batch.kubernetes.io/job-name': jobName,
    'controller-uid': jobUid,
    'job-name': jobName,
  };
  return {
    job: {
      apiVersion: 'batch/v1',
      kind: 'Job',
      metadata: {
        name: jobName,
        namespace: 'default',
        uid: jobUid,
        labels: jobLabels,
        annotations: {
          'batch.kubernetes.io/cronjob-scheduled-timestamp': new Date(
            scheduledMinute * 60_000,
          ).toISOString(),
        },
        ownerReferences: [
          {
            apiVersion: 'batch/v1',
            kind: 'CronJob',
            name: helloCronJob.metadata!.name!,
            uid: helloCronJob.metadata!.uid!,
            controller: true,
            blockOwnerDeletion: true,
          },
        ],
      },
      spec: helloCronJob.spec!.jobTemplate.spec,
    },
    pod: {
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: {
        name: `${jobName}-${podSuffix}`,
        namespace: 'default',
        labels: jobLabels,
        ownerReferences: [
          {
            apiVersion: 'batch/v1',
            kind: 'Job',
            name: jobName,
            uid: jobUid,
            controller: true,
            blockOwnerDeletion: true,
          },
        ],
      },
      spec: {
        ...helloCronJob.spec!.jobTemplate.spec!.template.spec!,
        nodeName: 'rk1-2',
      },
      status: { phase: 'Running' },
    },
  };
}

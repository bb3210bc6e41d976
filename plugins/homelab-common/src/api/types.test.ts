import type {
  BlastRadiusMode,
  BlastRadiusEffect,
  BlastRadiusResource,
  BlastRadiusNode,
  BlastRadiusCluster,
  BlastRadiusWorkload,
  BlastRadiusApp,
  BlastRadiusStorageClass,
  BlastRadiusSlo,
  BlastRadius,
} from './blastRadius';
import type {
  DevicePower,
  PowerConsumer,
  PowerConsumerKind,
  PowerEnergy,
  PowerReport,
  PowerSource,
  PowerTariffPeriod,
} from './power';
import type {
  CapacityResource,
  CapacityTrend,
  CapacityFigure,
  NodeCapacity,
  ClusterCapacity,
  GuestAllocation,
  HypervisorCapacity,
  CapacityReport,
} from './capacity';
import type {
  BackupTool,
  BackupRun,
  BackupState,
  BackupSet,
  CertificateState,
  Certificate,
} from './recovery';
import type { components } from './generated/openapi';
import {
  AppDrift,
  AppRelease,
  BurnRateAlert,
  Finding,
  FindingSeverity,
  FindingSource,
  FluxKind,
  FluxCluster,
  FluxObject,
  PolicyCounts,
  PostureSummary,
  PostureTrendPoint,
  PromotionPreview,
  ReportDiscrepancy,
  SeverityCounts,
  SloDefinition,
  SloSeriesPoint,
  SloStatus,
  SourceFreshness,
  TopologyEdge,
  TopologyGraph,
  TopologyNode,
  TopologyWorkloadCounts,
} from './types';

type Schemas = components['schemas'];

/** true when A and B are one type: the same members, each as optional and as nullable. */
type Same<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B
  ? 1
  : 2
  ? true
  : false;

/** Each schema of homelab-backend's OpenAPI spec, as ./types.ts documents it. */
interface DocumentedAs {
  // ResponseError of @backstage/errors reads it; no type here describes it.
  Error: Schemas['Error'];
  SourceFreshness: SourceFreshness;
  Freshness: SourceFreshness[];
  FluxKind: FluxKind;
  ReadyStatus: FluxObject['ready'];
  FluxObject: FluxObject;
  FluxCluster: FluxCluster;
  FindingSeverity: FindingSeverity;
  FindingSource: FindingSource;
  Finding: Finding;
  SeverityCounts: SeverityCounts;
  PolicyCounts: PolicyCounts;
  ReportDiscrepancy: ReportDiscrepancy;
  Score: PostureSummary['score'];
  PostureSummary: PostureSummary;
  PostureTrendPoint: PostureTrendPoint;
  SloDefinition: SloDefinition;
  NullableNumber: SloStatus['sli'];
  BurnRateAlert: BurnRateAlert;
  SloSeriesPoint: SloSeriesPoint;
  SloStatus: SloStatus;
  TopologyNode: TopologyNode;
  TopologyWorkloadCounts: TopologyWorkloadCounts;
  TopologyEdge: TopologyEdge;
  TopologyGraph: TopologyGraph;
  BlastRadiusMode: BlastRadiusMode;
  BlastRadiusEffect: BlastRadiusEffect;
  BlastRadiusResource: BlastRadiusResource;
  BlastRadiusNode: BlastRadiusNode;
  BlastRadiusCluster: BlastRadiusCluster;
  BlastRadiusWorkload: BlastRadiusWorkload;
  BlastRadiusApp: BlastRadiusApp;
  BlastRadiusStorageClass: BlastRadiusStorageClass;
  BlastRadiusSlo: BlastRadiusSlo;
  BlastRadius: BlastRadius;
  AppRelease: AppRelease;
  AppDrift: AppDrift;
  PromotionPreview: PromotionPreview;
  PowerSource: PowerSource;
  PowerEnergy: PowerEnergy;
  DevicePower: DevicePower;
  PowerConsumerKind: PowerConsumerKind;
  PowerConsumer: PowerConsumer;
  PowerTariffPeriod: PowerTariffPeriod;
  PowerReport: PowerReport;
  CapacityResource: CapacityResource;
  CapacityTrend: CapacityTrend;
  CapacityFigure: CapacityFigure;
  NodeCapacity: NodeCapacity;
  ClusterCapacity: ClusterCapacity;
  GuestAllocation: GuestAllocation;
  HypervisorCapacity: HypervisorCapacity;
  CapacityReport: CapacityReport;
  BackupTool: BackupTool;
  BackupRun: BackupRun;
  BackupState: BackupState;
  BackupSet: BackupSet;
  CertificateState: CertificateState;
  Certificate: Certificate;
}

// The check is tsc's (npm test's types step): a schema that the spec adds,
// or one whose members drift from its documented type, fails to compile
// here, since the value would have to be false.
const documentedAsInSpec: {
  [Name in keyof Schemas]: Same<DocumentedAs[Name], Schemas[Name]>;
} = {
  Error: true,
  SourceFreshness: true,
  Freshness: true,
  FluxKind: true,
  ReadyStatus: true,
  FluxObject: true,
  FluxCluster: true,
  FindingSeverity: true,
  FindingSource: true,
  Finding: true,
  SeverityCounts: true,
  PolicyCounts: true,
  ReportDiscrepancy: true,
  Score: true,
  PostureSummary: true,
  PostureTrendPoint: true,
  SloDefinition: true,
  NullableNumber: true,
  BurnRateAlert: true,
  SloSeriesPoint: true,
  SloStatus: true,
  TopologyNode: true,
  TopologyWorkloadCounts: true,
  TopologyEdge: true,
  TopologyGraph: true,
  BlastRadiusMode: true,
  BlastRadiusEffect: true,
  BlastRadiusResource: true,
  BlastRadiusNode: true,
  BlastRadiusCluster: true,
  BlastRadiusWorkload: true,
  BlastRadiusApp: true,
  BlastRadiusStorageClass: true,
  BlastRadiusSlo: true,
  BlastRadius: true,
  AppRelease: true,
  AppDrift: true,
  PromotionPreview: true,
  PowerSource: true,
  PowerEnergy: true,
  DevicePower: true,
  PowerConsumerKind: true,
  PowerConsumer: true,
  PowerTariffPeriod: true,
  PowerReport: true,
  CapacityResource: true,
  CapacityTrend: true,
  CapacityFigure: true,
  NodeCapacity: true,
  ClusterCapacity: true,
  GuestAllocation: true,
  HypervisorCapacity: true,
  CapacityReport: true,
  BackupTool: true,
  BackupRun: true,
  BackupState: true,
  BackupSet: true,
  CertificateState: true,
  Certificate: true,
};

describe('the API types', () => {
  it('are the schemas of the OpenAPI spec, member for member', () => {
    expect(Object.values(documentedAsInSpec)).not.toContain(false);
  });
});

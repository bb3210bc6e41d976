import { BackupStore } from './BackupStore';
import { ClusterSnapshotStore } from './ClusterSnapshotStore';
import { CollectionStore } from './CollectionStore';
import { FluxObjectStore } from './FluxObjectStore';
import { PostureStore } from './PostureStore';
import { SloStore } from './SloStore';

/** Everything the plugin stores, by concern; each collector and route takes the part it uses. */
export interface HomelabStore {
  backups: BackupStore;
  collections: CollectionStore;
  flux: FluxObjectStore;
  posture: PostureStore;
  snapshots: ClusterSnapshotStore;
  slos: SloStore;
}

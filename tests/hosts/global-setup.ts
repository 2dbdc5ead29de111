import {writeFileSync} from 'node:fs';
import {join} from 'node:path';
import {installHostApps, packWidget, workDir} from './support.js';

/**
 * Once per run, before any test: `npm pack` of widget/ (built from the sources) and the host apps' install of that
 * tarball. The spec reads what npm reported from `.tmp/hosts/pack.json`.
 */
export default function globalSetup(): void {
  const pack = packWidget();
  console.warn(
    `${pack.tarball.split('/').pop() ?? ''}: ${String(pack.files.length)} files, ${(pack.size / 1024).toFixed(1)} KB packed, ${(pack.unpackedSize / 1024).toFixed(1)} KB unpacked`,
  );
  installHostApps(pack.tarball);
  writeFileSync(join(workDir, 'pack.json'), JSON.stringify(pack, null, 2));
}

/**
 * Restores a backup written by `npm run backup` (or the daily backup) and verifies it:
 *
 *   npm run restore -- FILE
 *
 * With DATABASE_URL: `pg_restore` into that database, which must be new and empty. Without it:
 * into the embedded data directory, with the server stopped; a database already there is moved
 * aside, not deleted. When FILE.json lies beside FILE, row counts and the audit chain's last
 * entry must match it; the chain is recomputed either way.
 */
import fs from 'node:fs';
import path from 'node:path';
import { readConfig } from '../config';
import { DataDirLockedError } from '../db/client';
import {
  printVerification,
  readManifest,
  restoreEmbedded,
  restorePostgres,
  type Verification,
} from '../platform/backup';

function usage(message: string): never {
  console.error(`${message}\n用法 Usage: npm run restore -- FILE`);
  process.exit(2);
}

async function main() {
  const [file] = process.argv.slice(2).filter((a) => !a.startsWith('--'));
  if (!file || !fs.existsSync(file)) usage('请给出存在的备份文件 Name an existing backup file');
  const source = path.resolve(file);
  const config = readConfig();
  if (!readManifest(source))
    console.warn(`${source}.json 不存在：只校验审计链 No manifest: only the audit chain is checked`);
  let verification: Verification;
  if (config.databaseUrl) {
    verification = await restorePostgres(config.databaseUrl, source);
  } else {
    const r = await restoreEmbedded(source, config.dataDir).catch((e) => {
      if (e instanceof DataDirLockedError)
        usage(`${e.message}\n恢复前请停止服务 Stop the server before restoring.`);
      throw e;
    });
    if (r.movedAside) console.log(`原数据已移至 The previous database was moved to ${r.movedAside}`);
    verification = r.verification;
  }
  console.log(`已恢复 Restored ${source}`);
  printVerification(verification);
  if (!verification.ok) {
    console.error('恢复后的数据与备份清单不符 The restored database does not match the backup manifest.');
    process.exit(1);
  }
}

main().catch((e) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});

/**
 * Writes a backup and verifies it (restored into a scratch database, row counts and the audit
 * chain compared with the source):
 *
 *   npm run backup -- FILE
 *
 * With DATABASE_URL: a `pg_dump -Fc` archive of the live database (pg_dump on PATH). Without it:
 * a tarball of the embedded data directory, which needs the server stopped (the running server
 * writes its own daily backup). FILE.json, the manifest, is written beside FILE.
 */
import path from 'node:path';
import { readConfig } from '../config';
import { DataDirLockedError } from '../db/client';
import { backupEmbedded, backupPostgres, printVerification } from '../platform/backup';

function usage(message: string): never {
  console.error(`${message}\n用法 Usage: npm run backup -- FILE`);
  process.exit(2);
}

async function main() {
  const [file] = process.argv.slice(2).filter((a) => !a.startsWith('--'));
  if (!file) usage('请给出备份文件名 Name the backup file');
  const config = readConfig();
  const target = path.resolve(file);
  const result = await (config.databaseUrl
    ? backupPostgres(config.databaseUrl, target)
    : backupEmbedded(config.dataDir, target)
  ).catch((e) => {
    if (e instanceof DataDirLockedError)
      usage(
        `${e.message}\n服务运行时请使用它每天写入 ${config.backupDir} 的备份，或先停止服务。` +
          `\nWhile the server runs, use the daily backup it writes to ${config.backupDir}, or stop it first.`,
      );
    throw e;
  });
  console.log(`已写入 Written: ${result.file} (${result.bytes} bytes)`);
  printVerification(result.verification);
  if (!result.verification.ok) {
    console.error('备份校验失败 The backup failed verification; do not rely on it.');
    process.exit(1);
  }
}

main().catch((e) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});

import { useParams } from 'react-router';
import { ImportJobView, ImportMissing } from '../components/import-job-view';
import { ImportRecent } from '../components/import-recent';
import { ImportStart } from '../components/import-start';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * 数据导入. `/registry/imports` starts one; `/registry/imports/:id` follows a job, so a reload or a
 * shared link resumes it where it stands.
 */
export function ImportsPage() {
  const { id } = useParams();
  if (id) return UUID.test(id) ? <ImportJobView key={id} id={id} /> : <ImportMissing />;
  return (
    <div style={{ display: 'grid', gap: 16, gridTemplateColumns: 'minmax(0, 1fr)' }}>
      <ImportStart />
      <ImportRecent />
    </div>
  );
}

/** 政策文件: the issued, public documents of the policy library, each with its full text. */
import { Button } from 'antd';
import { useState } from 'react';
import { usePolicies } from '../api';
import { usePT } from '../i18n';
import { Loadable, Pager, Section } from '../site';

export function PoliciesPage() {
  const t = usePT();
  const [page, setPage] = useState(1);
  const [open, setOpen] = useState<string | null>(() => window.location.hash.slice(1) || null);
  const policies = usePolicies(page);
  return (
    <Section title={t('policies.title')}>
      <Loadable query={policies}>
        {() =>
          policies.data!.items.length === 0 ? (
            <p>{t('common.empty')}</p>
          ) : (
            <>
              <ul className="pt-list">
                {policies.data!.items.map((p) => (
                  <li key={p.id} id={p.id}>
                    <strong>{p.title}</strong>
                    <div className="pt-meta">
                      {[p.documentNo, p.issuer, p.issuedOn && `${t('policies.issuedOn')} ${p.issuedOn}`]
                        .filter(Boolean)
                        .join(' · ')}
                    </div>
                    <Button
                      type="link"
                      style={{ padding: 0 }}
                      onClick={() => setOpen(open === p.id ? null : p.id)}
                    >
                      {open === p.id ? t('policies.hide') : t('policies.show')}
                    </Button>
                    {open === p.id && <p className="pt-pre">{p.body}</p>}
                  </li>
                ))}
              </ul>
              <Pager page={page} total={policies.data!.total} pageSize={10} onPage={setPage} />
            </>
          )
        }
      </Loadable>
    </Section>
  );
}

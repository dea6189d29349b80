/** 服务指南: who may apply, what to prepare, time limits, enquiries and the online entry, per service. */
import { Button } from 'antd';
import { useGuides } from '../api';
import { usePT } from '../i18n';
import { Loadable, Section } from '../site';

export function GuidesPage() {
  const t = usePT();
  const guides = useGuides();
  return (
    <Loadable query={guides}>
      {() => (
        <>
          <h1 style={{ fontSize: 20 }}>{t('guides.title')}</h1>
          {guides.data!.items.map((g) => (
            <Section key={g.code} id={g.code} title={g.title}>
              <table className="pt-table">
                <tbody>
                  <tr>
                    <th scope="row" style={{ width: 110 }}>
                      {t('guides.who')}
                    </th>
                    <td className="pt-pre">{g.whoMayApply}</td>
                  </tr>
                  <tr>
                    <th scope="row">{t('guides.materials')}</th>
                    <td className="pt-pre">{g.materials}</td>
                  </tr>
                  <tr>
                    <th scope="row">{t('guides.time')}</th>
                    <td className="pt-pre">{g.timeLimits}</td>
                  </tr>
                  <tr>
                    <th scope="row">{t('guides.contacts')}</th>
                    <td>{g.contacts}</td>
                  </tr>
                </tbody>
              </table>
              {g.entry && (
                <Button type="primary" href={g.entry} style={{ marginTop: 12 }}>
                  {t('guides.entry')}
                </Button>
              )}
            </Section>
          ))}
        </>
      )}
    </Loadable>
  );
}

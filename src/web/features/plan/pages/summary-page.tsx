import { FileWordOutlined } from '@ant-design/icons';
import { App as AntApp, Button, Card, Form, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { downloadFile, withQuery } from '../../../app/api-client';
import { useT } from '../../../app/i18n';
import { planPaths } from '../api';
import { PlanRegionSelect, usePlanRegions } from '../components/plan-region-select';
import { PlanYearSelect, usePlanYear } from '../components/plan-year';

/**
 * 年度总结: the year's work-summary figures as a Word document, every number computed from the
 * records as they stood on 31 December, shares from their counts.
 */
export function SummaryPage() {
  const t = useT();
  const { message } = AntApp.useApp();
  const regions = usePlanRegions();
  const { year, setYear, years, loading } = usePlanYear();
  const [region, setRegion] = useState<string | undefined>(undefined);
  const chosen = region ?? regions.home;
  const current = year === dayjs().year();

  const download = () => {
    if (year === undefined) return;
    downloadFile(withQuery(planPaths.summaryDocx, { year, region: chosen }));
    message.info(t('plan.summary.started'));
  };

  return (
    <Card title={<h2 style={{ margin: 0, fontSize: 16 }}>{t('menu.plan.summary')}</h2>}>
      <div style={{ display: 'grid', gap: 16, maxWidth: 760 }}>
        <Typography.Paragraph style={{ margin: 0 }}>{t('plan.summary.intro')}</Typography.Paragraph>
        <Form layout="inline" style={{ rowGap: 12 }} aria-label={t('list.filters')}>
          <Form.Item label={t('plan.year')}>
            <PlanYearSelect value={year} onChange={setYear} years={years} loading={loading} />
          </Form.Item>
          {regions.choosable && (
            <Form.Item label={t('plan.region')}>
              <PlanRegionSelect value={chosen} onChange={setRegion} />
            </Form.Item>
          )}
          <Form.Item>
            <Button
              type="primary"
              icon={<FileWordOutlined />}
              onClick={download}
              disabled={year === undefined}
              data-testid="summary-download"
            >
              {t('plan.summary.download')}
            </Button>
          </Form.Item>
        </Form>
        <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
          {current
            ? t('plan.summary.asOfToday', { year: year ?? '' })
            : t('plan.summary.asOfYearEnd', { year: year ?? '' })}
        </Typography.Paragraph>
      </div>
    </Card>
  );
}

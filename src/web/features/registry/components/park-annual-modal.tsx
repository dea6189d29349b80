import {
  Alert,
  App as AntApp,
  Col,
  Form,
  Input,
  InputNumber,
  Modal,
  Row,
  Skeleton,
  Table,
  Typography,
} from 'antd';
import dayjs from 'dayjs';
import { useEffect, useMemo } from 'react';
import { useT } from '../../../app/i18n';
import { useApiErrorHandler } from '../../../app/use-api-error';
import { type ParkAnnual, usePark, useSaveParkAnnual } from '../facilities-api';
import { formatWan, WAN_PATTERN } from '../format';

interface ParkAnnualValues {
  year: number;
  industrialOutput?: string;
  enterprises?: number | null;
  hteCount?: number | null;
}

/** 园区年度数据: 工业总产值 (万元, exact), enterprises and 高企 in the park, by year. */
export function ParkAnnualModal({ parkId, onClose }: { parkId: string; onClose: () => void }) {
  const t = useT();
  const { message } = AntApp.useApp();
  const onError = useApiErrorHandler();
  const [form] = Form.useForm<ParkAnnualValues>();
  const detail = usePark(parkId);
  const save = useSaveParkAnnual(parkId);
  const year = Form.useWatch('year', form);
  const annual = useMemo(() => detail.data?.annual ?? [], [detail.data]);
  const canEdit = detail.data?.abilities.editAnnual ?? false;

  useEffect(() => {
    if (!canEdit) return;
    const row = annual.find((a) => a.year === year);
    form.setFieldsValue({
      industrialOutput: row?.industrialOutput ?? undefined,
      enterprises: row?.enterprises ?? null,
      hteCount: row?.hteCount ?? null,
    });
  }, [year, annual, form, canEdit]);

  const onFinish = (values: ParkAnnualValues) =>
    save.mutate(
      {
        year: values.year,
        body: {
          industrialOutput: values.industrialOutput?.trim() || null,
          enterprises: values.enterprises ?? null,
          hteCount: values.hteCount ?? null,
        },
      },
      {
        onSuccess: () => message.success(t('registry.stats.saved', { year: values.year })),
        onError: (error) => onError(error, form),
      },
    );

  return (
    <Modal
      open
      title={t('registry.park.annualTitle', { name: detail.data?.park.name ?? '' })}
      okText={t('common.save')}
      cancelText={t('common.close')}
      okButtonProps={{ disabled: !canEdit }}
      confirmLoading={save.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
      mask={{ closable: false }}
      width={720}
    >
      {detail.isPending ? (
        <Skeleton active />
      ) : detail.isError ? (
        <Alert type="error" showIcon title={detail.error.message} />
      ) : (
        <div style={{ display: 'grid', gap: 16, gridTemplateColumns: 'minmax(0, 1fr)' }}>
          <Table<ParkAnnual>
            rowKey="year"
            size="small"
            pagination={false}
            dataSource={[...annual].sort((a, b) => b.year - a.year)}
            locale={{ emptyText: t('registry.park.noAnnual') }}
            onRow={(row) => ({ onClick: () => canEdit && form.setFieldValue('year', row.year) })}
            columns={[
              { title: t('registry.stats.year'), dataIndex: 'year', key: 'year' },
              {
                title: t('registry.park.industrialOutput'),
                dataIndex: 'industrialOutput',
                key: 'industrialOutput',
                align: 'right',
                render: formatWan,
              },
              {
                title: t('registry.park.enterprises'),
                dataIndex: 'enterprises',
                key: 'enterprises',
                align: 'right',
                render: (v: number | null) => v ?? '—',
              },
              {
                title: t('registry.park.hteCount'),
                dataIndex: 'hteCount',
                key: 'hteCount',
                align: 'right',
                render: (v: number | null) => v ?? '—',
              },
            ]}
          />
          {canEdit ? (
            <Form<ParkAnnualValues>
              name="park-annual-form"
              form={form}
              layout="vertical"
              onFinish={onFinish}
              initialValues={{ year: dayjs().year() - 1 }}
            >
              <Typography.Paragraph type="secondary">{t('registry.carrier.annualHint')}</Typography.Paragraph>
              <Row gutter={16}>
                <Col xs={24} md={6}>
                  <Form.Item
                    label={t('registry.stats.year')}
                    name="year"
                    rules={[{ required: true, message: t('registry.stats.yearRequired') }]}
                  >
                    <InputNumber min={1990} max={dayjs().year()} precision={0} style={{ width: '100%' }} />
                  </Form.Item>
                </Col>
                <Col xs={24} md={8}>
                  <Form.Item
                    label={t('registry.park.industrialOutput')}
                    name="industrialOutput"
                    rules={[{ pattern: WAN_PATTERN, message: t('registry.stats.wanPattern') }]}
                  >
                    <Input inputMode="decimal" suffix={t('unit.wan')} maxLength={17} />
                  </Form.Item>
                </Col>
                <Col xs={24} md={5}>
                  <Form.Item label={t('registry.park.enterprises')} name="enterprises">
                    <InputNumber min={0} max={100_000_000} precision={0} style={{ width: '100%' }} />
                  </Form.Item>
                </Col>
                <Col xs={24} md={5}>
                  <Form.Item label={t('registry.park.hteCount')} name="hteCount">
                    <InputNumber min={0} max={100_000_000} precision={0} style={{ width: '100%' }} />
                  </Form.Item>
                </Col>
              </Row>
            </Form>
          ) : (
            <Typography.Text type="secondary">{t('registry.facility.readOnly')}</Typography.Text>
          )}
        </div>
      )}
    </Modal>
  );
}

import { Alert, App as AntApp, Col, Form, InputNumber, Modal, Row, Skeleton, Table, Typography } from 'antd';
import dayjs from 'dayjs';
import { useEffect, useMemo } from 'react';
import { useT } from '../../../app/i18n';
import { useApiErrorHandler } from '../../../app/use-api-error';
import {
  type CarrierAnnual,
  type CarrierAnnualBody,
  useCarrier,
  useSaveCarrierAnnual,
} from '../facilities-api';

type AnnualValues = { year: number } & Partial<Record<keyof CarrierAnnualBody, number | null>>;

const FIELDS = ['startupsServed', 'teamsServed', 'areaM2', 'incubatees', 'graduates'] as const;
const REQUIRED = new Set<string>(['startupsServed', 'teamsServed']);

/** 孵化载体年度数据: the figures by year, and one year entered or corrected (choosing a year loads it). */
export function CarrierAnnualModal({ carrierId, onClose }: { carrierId: string; onClose: () => void }) {
  const t = useT();
  const { message } = AntApp.useApp();
  const onError = useApiErrorHandler();
  const [form] = Form.useForm<AnnualValues>();
  const detail = useCarrier(carrierId);
  const save = useSaveCarrierAnnual(carrierId);
  const year = Form.useWatch('year', form);
  const annual = useMemo(() => detail.data?.annual ?? [], [detail.data]);
  const canEdit = detail.data?.abilities.edit ?? false;

  // Choosing a year that has figures shows them, so a correction starts from what is recorded.
  useEffect(() => {
    if (!canEdit) return;
    const row = annual.find((a) => a.year === year);
    form.setFieldsValue(
      Object.fromEntries(FIELDS.map((f) => [f, row ? row[f] : null])) as Partial<AnnualValues>,
    );
  }, [year, annual, form, canEdit]);

  const onFinish = ({ year: y, ...values }: AnnualValues) => {
    const body = Object.fromEntries(FIELDS.map((f) => [f, values[f] ?? null])) as CarrierAnnualBody;
    save.mutate(
      { year: y, body },
      {
        onSuccess: () => message.success(t('registry.stats.saved', { year: y })),
        onError: (error) => onError(error, form),
      },
    );
  };

  const label = (f: (typeof FIELDS)[number]) => t(`registry.carrier.${f}`);

  return (
    <Modal
      open
      title={t('registry.carrier.annualTitle', { name: detail.data?.carrier.name ?? '' })}
      okText={t('common.save')}
      cancelText={t('common.close')}
      okButtonProps={{ disabled: !canEdit }}
      confirmLoading={save.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
      mask={{ closable: false }}
      width={760}
    >
      {detail.isPending ? (
        <Skeleton active />
      ) : detail.isError ? (
        <Alert type="error" showIcon title={detail.error.message} />
      ) : (
        <div style={{ display: 'grid', gap: 16, gridTemplateColumns: 'minmax(0, 1fr)' }}>
          <Table<CarrierAnnual>
            rowKey="year"
            size="small"
            pagination={false}
            dataSource={[...annual].sort((a, b) => b.year - a.year)}
            locale={{ emptyText: t('registry.carrier.noAnnual') }}
            onRow={(row) => ({ onClick: () => canEdit && form.setFieldValue('year', row.year) })}
            columns={[
              { title: t('registry.stats.year'), dataIndex: 'year', key: 'year' },
              ...FIELDS.map((f) => ({
                title: label(f),
                dataIndex: f,
                key: f,
                align: 'right' as const,
                render: (v: number | null) => v ?? '—',
              })),
            ]}
          />
          {canEdit ? (
            <Form<AnnualValues>
              name="carrier-annual-form"
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
                {FIELDS.map((f) => (
                  <Col xs={24} md={6} key={f}>
                    <Form.Item
                      label={label(f)}
                      name={f}
                      rules={
                        REQUIRED.has(f) ? [{ required: true, message: t('registry.form.required') }] : []
                      }
                    >
                      <InputNumber min={0} max={100_000_000} precision={0} style={{ width: '100%' }} />
                    </Form.Item>
                  </Col>
                ))}
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

/**
 * The one yearly-figures dialog (孵化载体年度数据, 园区年度数据): the recorded years in a table,
 * and, for an editor, one year entered or corrected; choosing a year loads what is recorded, so a
 * correction starts from it. A figure is a count or an amount in 万元 (exact, as text).
 */
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
import { useEffect } from 'react';
import { WAN_AMOUNT } from '../../../app/format';
import { useT } from '../../../app/i18n';
import { useApiErrorHandler } from '../../../app/use-api-error';
import { formatWan } from '../format';

export interface YearlyField<K extends string> {
  key: K;
  label: string;
  kind: 'count' | 'wan';
  required?: boolean;
  /** Width in the form's 24-column grid on wide screens. */
  span?: number;
}

type YearRow<K extends string> = { year: number } & Record<K, number | string | null>;
type Values = { year: number } & Record<string, number | string | null | undefined>;

export function YearlyFiguresModal<K extends string>(props: {
  title: string;
  name: string;
  width: number;
  load: { isPending: boolean; isError: boolean; error: Error | null };
  annual: YearRow<K>[];
  canEdit: boolean;
  emptyText: string;
  fields: readonly YearlyField<K>[];
  saving: boolean;
  save: (
    year: number,
    body: Record<K, number | string | null>,
    done: { onSuccess: () => void; onError: (e: unknown) => void },
  ) => void;
  onClose: () => void;
}) {
  const t = useT();
  const { message } = AntApp.useApp();
  const onError = useApiErrorHandler();
  const [form] = Form.useForm<Values>();
  const year = Form.useWatch('year', form);
  const { annual, canEdit, fields } = props;

  useEffect(() => {
    if (!canEdit) return;
    const row = annual.find((a) => a.year === year);
    form.setFieldsValue(
      Object.fromEntries(
        fields.map((f) => [f.key, row?.[f.key] ?? (f.kind === 'wan' ? undefined : null)]),
      ) as Partial<Values>,
    );
  }, [year, annual, form, canEdit, fields]);

  const onFinish = ({ year: y, ...values }: Values) => {
    const body = Object.fromEntries(
      fields.map((f) => {
        const v = values[f.key];
        return [f.key, f.kind === 'wan' ? (typeof v === 'string' && v.trim()) || null : (v ?? null)];
      }),
    ) as Record<K, number | string | null>;
    props.save(y, body, {
      onSuccess: () => message.success(t('registry.stats.saved', { year: y })),
      onError: (error) => onError(error, form),
    });
  };

  return (
    <Modal
      open
      title={props.title}
      okText={t('common.save')}
      cancelText={t('common.close')}
      okButtonProps={{ disabled: !canEdit }}
      confirmLoading={props.saving}
      onOk={() => form.submit()}
      onCancel={props.onClose}
      mask={{ closable: false }}
      width={props.width}
    >
      {props.load.isPending ? (
        <Skeleton active />
      ) : props.load.isError ? (
        <Alert type="error" showIcon title={props.load.error?.message} />
      ) : (
        <div style={{ display: 'grid', gap: 16, gridTemplateColumns: 'minmax(0, 1fr)' }}>
          <Table<YearRow<K>>
            rowKey="year"
            size="small"
            pagination={false}
            dataSource={[...annual].sort((a, b) => b.year - a.year)}
            locale={{ emptyText: props.emptyText }}
            onRow={(row) => ({ onClick: () => canEdit && form.setFieldValue('year', row.year) })}
            columns={[
              { title: t('registry.stats.year'), dataIndex: 'year', key: 'year' },
              ...fields.map((f) => ({
                title: f.label,
                dataIndex: f.key,
                key: f.key,
                align: 'right' as const,
                render: (v: number | string | null) =>
                  f.kind === 'wan' ? formatWan(v as string | null) : (v ?? '—'),
              })),
            ]}
          />
          {canEdit ? (
            <Form<Values>
              name={props.name}
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
                {fields.map((f) => (
                  <Col xs={24} md={f.span ?? 6} key={f.key}>
                    <Form.Item
                      label={f.label}
                      name={f.key as string}
                      rules={[
                        ...(f.required ? [{ required: true, message: t('registry.form.required') }] : []),
                        ...(f.kind === 'wan'
                          ? [{ pattern: WAN_AMOUNT, message: t('registry.stats.wanPattern') }]
                          : []),
                      ]}
                    >
                      {f.kind === 'wan' ? (
                        <Input inputMode="decimal" suffix={t('unit.wan')} maxLength={17} />
                      ) : (
                        <InputNumber min={0} max={100_000_000} precision={0} style={{ width: '100%' }} />
                      )}
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

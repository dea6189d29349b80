import { Alert, App as AntApp, Checkbox, Col, Form, Input, InputNumber, Modal, Row, Space, Tag } from 'antd';
import type { Rule } from 'antd/es/form';
import dayjs from 'dayjs';
import { useEffect } from 'react';
import { hteCriteria } from '../../../../domain/registry';
import { WAN_AMOUNT } from '../../../app/format';
import { useMsg, useT } from '../../../app/i18n';
import { useApiErrorHandler } from '../../../app/use-api-error';
import { type AnnualStats, type AnnualStatsBody, useSaveAnnualStats } from '../api';
import { compareDecimal, formatPercent } from '../format';

interface StatsFormValues {
  year: number;
  revenue?: string;
  rdExpense?: string;
  hitechRevenue?: string;
  staff?: number | null;
  stStaff?: number | null;
  aboveSize: boolean;
  hasRdActivity: boolean;
  ownsCoreTech: boolean;
}

const money = (v: string | undefined) => (v?.trim() ? v.trim() : null);

/** A 万元 figure typed as text and kept as text: exact to the 分 the statistics report them in. */
function WanInput(props: { id?: string; value?: string; onChange?: (v: string) => void }) {
  const t = useT();
  return (
    <Input
      {...props}
      onChange={(e) => props.onChange?.(e.target.value)}
      inputMode="decimal"
      suffix={t('unit.wan')}
      maxLength={17}
      style={{ width: '100%' }}
    />
  );
}

/** 年度统计: one year's figures of an organisation, reported by itself or entered by the bureau. */
export function AnnualStatsFormModal({
  orgId,
  aboveSizeNow,
  ownProfile,
  stats,
  existing,
  onClose,
}: {
  orgId: string;
  aboveSizeNow: boolean;
  /** The organisation's own account reports; the bureau adds. */
  ownProfile: boolean;
  /** The year being corrected, or none to add a year. */
  stats?: AnnualStats;
  existing: AnnualStats[];
  onClose: () => void;
}) {
  const t = useT();
  const pickMsg = useMsg();
  const { message } = AntApp.useApp();
  const onError = useApiErrorHandler();
  const [form] = Form.useForm<StatsFormValues>();
  const save = useSaveAnnualStats(orgId);
  const lastYear = dayjs().year() - 1;

  const watched = Form.useWatch([], form) as Partial<StatsFormValues> | undefined;
  const year = watched?.year;
  const overwrites = !stats && year !== undefined && existing.some((s) => s.year === year);

  // Choosing a year that already has figures loads them, so a report corrects rather than wipes.
  useEffect(() => {
    if (stats) return;
    const row = existing.find((s) => s.year === year);
    if (row) form.setFieldsValue(valuesOf(row));
  }, [year, stats, existing, form]);
  const criteria = hteCriteria({
    revenue: validMoney(watched?.revenue),
    rdExpense: validMoney(watched?.rdExpense),
    hitechRevenue: validMoney(watched?.hitechRevenue),
    staff: watched?.staff ?? null,
    stStaff: watched?.stStaff ?? null,
  });

  const onFinish = (values: StatsFormValues) => {
    const body: AnnualStatsBody = {
      revenue: money(values.revenue),
      rdExpense: money(values.rdExpense),
      hitechRevenue: money(values.hitechRevenue),
      staff: values.staff ?? null,
      stStaff: values.stStaff ?? null,
      aboveSize: values.aboveSize,
      hasRdActivity: values.hasRdActivity,
      ownsCoreTech: values.ownsCoreTech,
    };
    save.mutate(
      { year: values.year, body },
      {
        onSuccess: () => {
          message.success(t('registry.stats.saved', { year: values.year }));
          onClose();
        },
        onError: (error) => onError(error, form),
      },
    );
  };

  const wanRules = (notAbove?: 'revenue'): Rule[] => [
    { pattern: WAN_AMOUNT, message: t('registry.stats.wanPattern') },
    ({ getFieldValue }) => ({
      validator: async (_, value: string | undefined) => {
        if (!notAbove || !value || !WAN_AMOUNT.test(value)) return;
        const revenue = getFieldValue('revenue') as string | undefined;
        if (revenue && WAN_AMOUNT.test(revenue) && compareDecimal(value, revenue) > 0)
          throw new Error(t('registry.stats.notAboveRevenue'));
      },
    }),
  ];

  return (
    <Modal
      open
      title={
        stats
          ? t('registry.stats.editYear', { year: stats.year })
          : ownProfile
            ? t('registry.stats.report')
            : t('registry.stats.add')
      }
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={save.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
      mask={{ closable: false }}
      width={720}
    >
      <Form<StatsFormValues>
        name="annual-stats-form"
        form={form}
        layout="vertical"
        onFinish={onFinish}
        initialValues={
          stats
            ? valuesOf(stats)
            : {
                year: lastYear,
                aboveSize: aboveSizeNow,
                hasRdActivity: false,
                ownsCoreTech: false,
              }
        }
      >
        <Form.Item
          label={t('registry.stats.year')}
          name="year"
          rules={[{ required: true, message: t('registry.stats.yearRequired') }]}
        >
          <InputNumber min={1990} max={dayjs().year()} precision={0} disabled={Boolean(stats)} />
        </Form.Item>
        {overwrites && (
          <Alert
            type="warning"
            showIcon
            title={t('registry.stats.overwrites', { year: year ?? '' })}
            style={{ marginBottom: 16 }}
          />
        )}
        <Row gutter={16}>
          <Col xs={24} md={8}>
            <Form.Item label={t('registry.stats.revenue')} name="revenue" rules={wanRules()}>
              <WanInput />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item
              label={t('registry.stats.rdExpense')}
              name="rdExpense"
              dependencies={['revenue']}
              rules={wanRules('revenue')}
            >
              <WanInput />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item
              label={t('registry.stats.hitechRevenue')}
              name="hitechRevenue"
              dependencies={['revenue']}
              rules={wanRules('revenue')}
            >
              <WanInput />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item label={t('registry.stats.staff')} name="staff">
              <InputNumber min={0} max={10_000_000} precision={0} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item
              label={t('registry.stats.stStaff')}
              name="stStaff"
              dependencies={['staff']}
              rules={[
                ({ getFieldValue }) => ({
                  validator: async (_, value: number | null | undefined) => {
                    const staff = getFieldValue('staff') as number | null | undefined;
                    if (value != null && staff != null && value > staff)
                      throw new Error(t('registry.stats.stStaffAboveStaff'));
                  },
                }),
              ]}
            >
              <InputNumber min={0} max={10_000_000} precision={0} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
        </Row>
        <Space size="large" wrap style={{ marginBottom: 16 }}>
          <Form.Item name="aboveSize" valuePropName="checked" noStyle>
            <Checkbox>{t('registry.stats.aboveSize')}</Checkbox>
          </Form.Item>
          <Form.Item name="hasRdActivity" valuePropName="checked" noStyle>
            <Checkbox>{t('registry.stats.hasRdActivity')}</Checkbox>
          </Form.Item>
          <Form.Item name="ownsCoreTech" valuePropName="checked" noStyle>
            <Checkbox>{t('registry.stats.ownsCoreTech')}</Checkbox>
          </Form.Item>
        </Space>
        <Alert
          type="info"
          title={t('registry.stats.criteriaPreview')}
          description={
            <Space size={[8, 8]} wrap>
              {criteria.map((c) => (
                <Tag key={c.code} color={c.actual === null ? 'default' : c.pass ? 'success' : 'error'}>
                  {pickMsg(c.name)}：{formatPercent(c.actual)}（≥ {c.required}%）
                </Tag>
              ))}
            </Space>
          }
        />
      </Form>
    </Modal>
  );
}

function valuesOf(row: AnnualStats): StatsFormValues {
  return {
    ...row,
    revenue: row.revenue ?? undefined,
    rdExpense: row.rdExpense ?? undefined,
    hitechRevenue: row.hitechRevenue ?? undefined,
  };
}

/** Only a well-formed figure feeds the preview; a half-typed one shows as missing. */
function validMoney(v: string | undefined): string | null {
  return v && WAN_AMOUNT.test(v.trim()) ? v.trim() : null;
}

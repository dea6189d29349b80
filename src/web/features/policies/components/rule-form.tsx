import { Checkbox, Col, DatePicker, Form, Input, InputNumber, Row, Select, TreeSelect } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import type { EligibilityRule } from '../../../../domain/contracts/policy-items';
import { ORG_KIND_CODES, ORG_KIND_NAMES } from '../../../../domain/registry';
import { useMsg, useT } from '../../../app/i18n';
import { useScopedRegionTree } from '../../registry/components/region-select';

/** The rule as the form holds it (dates as Dayjs, thresholds as text). */
export interface RuleValues {
  orgKinds: string[];
  regionCodes?: string[];
  industryCodes?: string;
  aboveSize?: 'any' | 'yes' | 'no';
  qualType?: string;
  issued?: [Dayjs | null, Dayjs | null];
  firstTime?: boolean;
  statsYear?: number;
  minRevenue?: string;
  minRdExpense?: string;
  minRdRatio?: number;
  minStaff?: number;
}

const day = (d: Dayjs | null | undefined) => (d ? d.format('YYYY-MM-DD') : null);
const blank = (v: string | undefined) => (v?.trim() ? v.trim() : null);

export function ruleFromForm(v: RuleValues): EligibilityRule {
  return {
    orgKinds: (v.orgKinds?.length ? v.orgKinds : ['enterprise']) as EligibilityRule['orgKinds'],
    regionCodes: v.regionCodes ?? [],
    industryCodes: (v.industryCodes ?? '')
      .split(/[\s,，、]+/)
      .map((x) => x.trim().toUpperCase())
      .filter(Boolean),
    aboveSize: v.aboveSize === 'yes' ? true : v.aboveSize === 'no' ? false : null,
    qualification: v.qualType
      ? {
          typeCode: v.qualType,
          issuedFrom: day(v.issued?.[0]),
          issuedTo: day(v.issued?.[1]),
          firstTime: !!v.firstTime,
        }
      : null,
    stats: v.statsYear
      ? {
          year: v.statsYear,
          minRevenue: blank(v.minRevenue),
          minRdExpense: blank(v.minRdExpense),
          minRdRatio: v.minRdRatio ?? null,
          minStaff: v.minStaff ?? null,
        }
      : null,
  };
}

export function ruleToForm(r: EligibilityRule | null | undefined): RuleValues {
  if (!r) return { orgKinds: ['enterprise'], aboveSize: 'any' };
  return {
    orgKinds: r.orgKinds,
    regionCodes: r.regionCodes,
    industryCodes: r.industryCodes.join(' '),
    aboveSize: r.aboveSize === true ? 'yes' : r.aboveSize === false ? 'no' : 'any',
    qualType: r.qualification?.typeCode,
    issued: r.qualification
      ? [
          r.qualification.issuedFrom ? dayjs(r.qualification.issuedFrom) : null,
          r.qualification.issuedTo ? dayjs(r.qualification.issuedTo) : null,
        ]
      : undefined,
    firstTime: r.qualification?.firstTime,
    statsYear: r.stats?.year,
    minRevenue: r.stats?.minRevenue ?? undefined,
    minRdExpense: r.stats?.minRdExpense ?? undefined,
    minRdRatio: r.stats?.minRdRatio ?? undefined,
    minStaff: r.stats?.minStaff ?? undefined,
  };
}

const QUAL_TYPES = [
  ['hte', '高新技术企业'],
  ['little_giant', '科技小巨人领军企业'],
  ['prov_tech_ent', '省级科技型企业'],
  ['ip_pilot', '知识产权试点企业'],
  ['ip_advantage', '知识产权优势企业'],
  ['nc_demo', '数控一代示范企业'],
] as const;

/** 资格规则: the parts of an eligibility rule, all optional but the kinds; fields under `rule`. */
export function RuleForm() {
  const t = useT();
  const pickMsg = useMsg();
  const { tree } = useScopedRegionTree();
  return (
    <>
      <Row gutter={16}>
        <Col span={12}>
          <Form.Item
            label={t('items.rule.orgKinds')}
            name={['rule', 'orgKinds']}
            rules={[{ required: true }]}
          >
            <Select
              mode="multiple"
              options={ORG_KIND_CODES.map((k) => ({ value: k, label: pickMsg(ORG_KIND_NAMES[k]) }))}
            />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item
            label={t('items.rule.regions')}
            name={['rule', 'regionCodes']}
            extra={t('items.rule.regionsHint')}
          >
            <TreeSelect
              multiple
              treeData={tree}
              treeDefaultExpandAll
              allowClear
              placeholder={t('items.rule.everywhere')}
            />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item
            label={t('items.rule.industries')}
            name={['rule', 'industryCodes']}
            extra={t('items.rule.industriesHint')}
          >
            <Input placeholder="C39 19" />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item label={t('items.rule.aboveSize')} name={['rule', 'aboveSize']}>
            <Select
              options={[
                { value: 'any', label: t('items.rule.any') },
                { value: 'yes', label: t('items.rule.aboveOnly') },
                { value: 'no', label: t('items.rule.belowOnly') },
              ]}
            />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item label={t('items.rule.qualification')} name={['rule', 'qualType']}>
            <Select
              allowClear
              placeholder={t('items.rule.noQualification')}
              options={QUAL_TYPES.map(([value, label]) => ({ value, label }))}
            />
          </Form.Item>
        </Col>
        <Col span={10}>
          <Form.Item label={t('items.rule.issued')} name={['rule', 'issued']}>
            <DatePicker.RangePicker allowEmpty={[true, true]} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col span={6}>
          <Form.Item label=" " name={['rule', 'firstTime']} valuePropName="checked">
            <Checkbox>{t('items.rule.firstTime')}</Checkbox>
          </Form.Item>
        </Col>
        <Col span={6}>
          <Form.Item label={t('items.rule.statsYear')} name={['rule', 'statsYear']}>
            <InputNumber min={2000} max={2100} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col span={5}>
          <Form.Item label={t('items.rule.minRevenue')} name={['rule', 'minRevenue']}>
            <Input />
          </Form.Item>
        </Col>
        <Col span={5}>
          <Form.Item label={t('items.rule.minRdExpense')} name={['rule', 'minRdExpense']}>
            <Input />
          </Form.Item>
        </Col>
        <Col span={4}>
          <Form.Item label={t('items.rule.minRdRatio')} name={['rule', 'minRdRatio']}>
            <InputNumber min={0} max={100} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col span={4}>
          <Form.Item label={t('items.rule.minStaff')} name={['rule', 'minStaff']}>
            <InputNumber min={0} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
      </Row>
      <p style={{ color: '#888', marginTop: 0 }}>{t('items.rule.creditNote')}</p>
    </>
  );
}

import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import {
  App as AntApp,
  Button,
  Col,
  DatePicker,
  Divider,
  Form,
  Input,
  InputNumber,
  Modal,
  Row,
  Select,
  Space,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import type { CallBody, EligibilityRule } from '../../../../domain/contracts/projects';
import { ORG_KIND_CODES, ORG_KIND_NAMES, type OrgKind } from '../../../../domain/registry';
import { WAN_AMOUNT } from '../../../app/format';
import { useLocale, useMsg, useT } from '../../../app/i18n';
import { useApiErrorHandler } from '../../../app/use-api-error';
import { useRegions } from '../../reference/api';
import { useQualificationTypes } from '../../registry/api';
import { type Call, useHitechFields, useProgrammes, useSaveCall } from '../api';

interface RuleValues {
  type: EligibilityRule['type'];
  qualification?: string;
  regions?: string[];
  kinds?: OrgKind[];
}

interface CallValues {
  programmeCode: string;
  year: number;
  title: string;
  window: [Dayjs, Dayjs];
  budget: string;
  fundingCap: string;
  maxPerApplicant: number;
  eligibility: RuleValues[];
  requiredAttachments: { code: string; name: string; nameEn: string }[];
  rubric: { code: string; name: string; nameEn: string; max: number }[];
  expertsPerApplication: number;
  reviewFields: string[];
  publicityDays: number;
  reviewClosesOn?: Dayjs | null;
}

const CODE = /^[a-z0-9_-]{1,40}$/i;

function ruleOf(r: RuleValues): EligibilityRule {
  if (r.type === 'valid_qualification') return { type: r.type, qualification: r.qualification ?? '' };
  if (r.type === 'region_in') return { type: r.type, regions: r.regions ?? [] };
  return { type: 'org_kind_in', kinds: r.kinds ?? [] };
}

function initial(call?: Call): Partial<CallValues> {
  if (!call)
    return {
      year: dayjs().year(),
      maxPerApplicant: 1,
      expertsPerApplication: 5,
      publicityDays: 7,
      eligibility: [],
      requiredAttachments: [{ code: 'proposal', name: '项目申报书', nameEn: 'Proposal' }],
      rubric: [
        { code: 'innovation', name: '技术创新性', nameEn: 'Innovation', max: 40 },
        { code: 'feasibility', name: '实施可行性', nameEn: 'Feasibility', max: 30 },
        { code: 'benefit', name: '经济社会效益', nameEn: 'Benefit', max: 30 },
      ],
      reviewFields: [],
    };
  return {
    ...call,
    window: [dayjs(call.opensAt), dayjs(call.closesAt)],
    reviewClosesOn: call.reviewClosesOn ? dayjs(call.reviewClosesOn) : null,
    eligibility: call.eligibility.map((r) => ({ ...r }) as RuleValues),
  };
}

/** 新建/编辑申报指南: the call, its eligibility rules, required files and the review rubric. */
export function CallFormModal({ call, onClose }: { call?: Call; onClose: () => void }) {
  const t = useT();
  const pickMsg = useMsg();
  const { locale } = useLocale();
  const { message } = AntApp.useApp();
  const onError = useApiErrorHandler();
  const [form] = Form.useForm<CallValues>();
  const save = useSaveCall(call?.id);
  const programmes = useProgrammes();
  const fields = useHitechFields();
  const quals = useQualificationTypes();
  const regions = useRegions();
  const rubric = Form.useWatch('rubric', form);
  const rubricTotal = (rubric ?? []).reduce((s, c) => s + (Number(c?.max) || 0), 0);

  const onFinish = (v: CallValues) => {
    // Enter in a field submits too: never a second create while the first is on its way.
    if (save.isPending) return;
    const body: CallBody = {
      programmeCode: v.programmeCode,
      year: v.year,
      title: v.title.trim(),
      opensAt: v.window[0].toISOString(),
      closesAt: v.window[1].toISOString(),
      budget: v.budget.trim(),
      fundingCap: v.fundingCap.trim(),
      maxPerApplicant: v.maxPerApplicant,
      eligibility: (v.eligibility ?? []).map(ruleOf),
      requiredAttachments: v.requiredAttachments ?? [],
      rubric: v.rubric ?? [],
      expertsPerApplication: v.expertsPerApplication,
      reviewFields: v.reviewFields ?? [],
      publicityDays: v.publicityDays,
      reviewClosesOn: v.reviewClosesOn ? v.reviewClosesOn.format('YYYY-MM-DD') : null,
    };
    save.mutate(body, {
      onSuccess: () => {
        message.success(call ? t('common.saved') : t('projects.call.created'));
        onClose();
      },
      onError: (error) => onError(error, form, { opensAt: 'window', closesAt: 'window' }),
    });
  };

  const req = { required: true, message: t('projects.form.required') };
  const wanRules = [req, { pattern: WAN_AMOUNT, message: t('projects.money.pattern') }];
  const countyOptions = (regions.data ?? [])
    .filter((r) => r.level !== 'city' && r.holdsData !== false)
    .map((r) => ({ value: r.code, label: locale === 'en' ? r.nameEn : r.name }));

  return (
    <Modal
      open
      width={960}
      title={call ? t('projects.call.edit') : t('projects.call.create')}
      okText={call ? t('common.save') : t('common.create')}
      cancelText={t('common.cancel')}
      confirmLoading={save.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
      mask={{ closable: false }}
    >
      <Form<CallValues>
        name="call-form"
        form={form}
        layout="vertical"
        onFinish={onFinish}
        initialValues={initial(call)}
        scrollToFirstError
      >
        <Row gutter={16}>
          <Col xs={24} md={12}>
            <Form.Item label={t('projects.call.programme')} name="programmeCode" rules={[req]}>
              <Select
                loading={programmes.isLoading}
                options={(programmes.data ?? []).map((p) => ({
                  value: p.code,
                  label: locale === 'en' ? p.nameEn : p.name,
                }))}
              />
            </Form.Item>
          </Col>
          <Col xs={12} md={4}>
            <Form.Item label={t('projects.call.year')} name="year" rules={[req]}>
              <InputNumber min={2000} max={2100} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col xs={12} md={8}>
            <Form.Item label={t('projects.call.maxPerApplicant')} name="maxPerApplicant" rules={[req]}>
              <InputNumber min={1} max={100} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item label={t('projects.call.title')} name="title" rules={[req, { min: 2, max: 200 }]}>
          <Input maxLength={200} />
        </Form.Item>
        <Row gutter={16}>
          <Col xs={24} md={12}>
            <Form.Item label={t('projects.call.window')} name="window" rules={[req]}>
              <DatePicker.RangePicker
                showTime={{ format: 'HH:mm' }}
                format="YYYY-MM-DD HH:mm"
                style={{ width: '100%' }}
              />
            </Form.Item>
          </Col>
          <Col xs={12} md={6}>
            <Form.Item label={t('projects.call.budget')} name="budget" rules={wanRules}>
              <Input suffix="万元" inputMode="decimal" />
            </Form.Item>
          </Col>
          <Col xs={12} md={6}>
            <Form.Item label={t('projects.call.fundingCap')} name="fundingCap" rules={wanRules}>
              <Input suffix="万元" inputMode="decimal" />
            </Form.Item>
          </Col>
          <Col xs={12} md={6}>
            <Form.Item label={t('projects.call.expertsPer')} name="expertsPerApplication" rules={[req]}>
              <InputNumber min={1} max={25} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col xs={12} md={6}>
            <Form.Item label={t('projects.call.publicityDays')} name="publicityDays" rules={[req]}>
              <InputNumber min={1} max={60} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col xs={12} md={6}>
            <Form.Item label={t('projects.call.reviewClosesOn')} name="reviewClosesOn">
              <DatePicker style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item
              label={t('projects.call.reviewFields')}
              name="reviewFields"
              extra={t('projects.call.reviewFieldsHint')}
            >
              <Select
                mode="multiple"
                allowClear
                options={(fields.data ?? []).map((f) => ({
                  value: f.code,
                  label: locale === 'en' ? f.nameEn : f.name,
                }))}
              />
            </Form.Item>
          </Col>
        </Row>

        <Divider titlePlacement="start">{t('projects.call.eligibility')}</Divider>
        <Form.List name="eligibility">
          {(items, { add, remove }) => (
            <>
              {items.map(({ key, name }) => (
                <Space key={key} align="baseline" wrap style={{ display: 'flex' }}>
                  <Form.Item name={[name, 'type']} rules={[req]}>
                    <Select
                      style={{ width: 200 }}
                      aria-label={t('projects.call.ruleType')}
                      options={[
                        { value: 'valid_qualification', label: t('projects.rule.valid_qualification') },
                        { value: 'region_in', label: t('projects.rule.region_in') },
                        { value: 'org_kind_in', label: t('projects.rule.org_kind_in') },
                      ]}
                    />
                  </Form.Item>
                  <Form.Item noStyle shouldUpdate>
                    {() => {
                      const type = form.getFieldValue(['eligibility', name, 'type']);
                      if (type === 'valid_qualification')
                        return (
                          <Form.Item name={[name, 'qualification']} rules={[req]}>
                            <Select
                              style={{ width: 280 }}
                              aria-label={t('projects.rule.valid_qualification')}
                              options={(quals.data ?? []).map((q) => ({
                                value: q.code,
                                label: locale === 'en' ? q.nameEn : q.name,
                              }))}
                            />
                          </Form.Item>
                        );
                      if (type === 'region_in')
                        return (
                          <Form.Item name={[name, 'regions']} rules={[req]}>
                            <Select
                              mode="multiple"
                              style={{ width: 420 }}
                              aria-label={t('projects.rule.region_in')}
                              options={countyOptions}
                            />
                          </Form.Item>
                        );
                      if (type === 'org_kind_in')
                        return (
                          <Form.Item name={[name, 'kinds']} rules={[req]}>
                            <Select
                              mode="multiple"
                              style={{ width: 420 }}
                              aria-label={t('projects.rule.org_kind_in')}
                              options={ORG_KIND_CODES.map((k) => ({
                                value: k,
                                label: pickMsg(ORG_KIND_NAMES[k]),
                              }))}
                            />
                          </Form.Item>
                        );
                      return null;
                    }}
                  </Form.Item>
                  <MinusCircleOutlined aria-label={t('projects.form.remove')} onClick={() => remove(name)} />
                </Space>
              ))}
              <Button
                type="dashed"
                icon={<PlusOutlined />}
                onClick={() => add({ type: 'valid_qualification' })}
              >
                {t('projects.call.addRule')}
              </Button>
            </>
          )}
        </Form.List>

        <Divider titlePlacement="start">{t('projects.call.requiredAttachments')}</Divider>
        <Form.List name="requiredAttachments">
          {(items, { add, remove }) => (
            <>
              {items.map(({ key, name }) => (
                <Space key={key} align="baseline" wrap style={{ display: 'flex' }}>
                  <Form.Item
                    name={[name, 'code']}
                    rules={[req, { pattern: CODE, message: t('projects.form.code') }]}
                  >
                    <Input placeholder={t('projects.form.codePh')} style={{ width: 160 }} />
                  </Form.Item>
                  <Form.Item name={[name, 'name']} rules={[req, { max: 50 }]}>
                    <Input placeholder={t('projects.form.nameZh')} style={{ width: 220 }} />
                  </Form.Item>
                  <Form.Item name={[name, 'nameEn']} rules={[req, { max: 100 }]}>
                    <Input placeholder={t('projects.form.nameEn')} style={{ width: 220 }} />
                  </Form.Item>
                  <MinusCircleOutlined aria-label={t('projects.form.remove')} onClick={() => remove(name)} />
                </Space>
              ))}
              <Button type="dashed" icon={<PlusOutlined />} onClick={() => add()}>
                {t('projects.call.addAttachment')}
              </Button>
            </>
          )}
        </Form.List>

        <Divider titlePlacement="start">
          {t('projects.call.rubric')} · {t('projects.call.rubricTotal', { total: rubricTotal })}
        </Divider>
        <Form.List
          name="rubric"
          rules={[
            {
              validator: async (_, v: unknown[] | undefined) => {
                if (!v || v.length === 0) throw new Error(t('projects.call.rubricRequired'));
              },
            },
          ]}
        >
          {(items, { add, remove }, { errors }) => (
            <>
              {items.map(({ key, name }) => (
                <Space key={key} align="baseline" wrap style={{ display: 'flex' }}>
                  <Form.Item
                    name={[name, 'code']}
                    rules={[req, { pattern: CODE, message: t('projects.form.code') }]}
                  >
                    <Input placeholder={t('projects.form.codePh')} style={{ width: 140 }} />
                  </Form.Item>
                  <Form.Item name={[name, 'name']} rules={[req, { max: 50 }]}>
                    <Input placeholder={t('projects.form.nameZh')} style={{ width: 200 }} />
                  </Form.Item>
                  <Form.Item name={[name, 'nameEn']} rules={[req, { max: 100 }]}>
                    <Input placeholder={t('projects.form.nameEn')} style={{ width: 200 }} />
                  </Form.Item>
                  <Form.Item name={[name, 'max']} rules={[req]}>
                    <InputNumber
                      min={1}
                      max={1000}
                      addonBefore={t('projects.call.maxPoints')}
                      style={{ width: 160 }}
                    />
                  </Form.Item>
                  <MinusCircleOutlined aria-label={t('projects.form.remove')} onClick={() => remove(name)} />
                </Space>
              ))}
              <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ max: 10 })}>
                {t('projects.call.addCriterion')}
              </Button>
              <Form.ErrorList errors={errors} />
            </>
          )}
        </Form.List>
      </Form>
    </Modal>
  );
}

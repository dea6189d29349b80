/**
 * The columns of each import kind: header, whether required, the type a cell is read as (refs.ts),
 * and what the template shows as example and help. One table drives the parser, the validator and
 * the template.
 */
import { type Msg, msg } from '../../../../domain/message';
import type { IMPORT_KINDS } from '../../../db/schema';

export type ImportKind = (typeof IMPORT_KINDS)[number];
export type Value = string | number | boolean;
export type ColumnType =
  | 'uscc'
  | 'text'
  | 'orgKind'
  | 'region'
  | 'industry'
  | 'bool'
  | 'date'
  | 'money'
  | 'count'
  | 'year'
  | 'qualType'
  | 'level'
  | 'platformKind'
  | 'carrierKind';

export interface ColumnSpec {
  key: string;
  header: string;
  required: boolean;
  type: ColumnType;
  maxLength?: number;
  width: number;
  example: string;
  help: string;
}

const col = (
  key: string,
  header: string,
  type: ColumnType,
  required: boolean,
  example: string,
  help: string,
  width = 16,
  maxLength?: number,
): ColumnSpec => ({ key, header, type, required, example, help, width, maxLength });

const USCC_HELP = '18 位统一社会信用代码（GB 32100-2015），系统校验第 17、18 位校验码';
const LEVEL_HELP = '国家级、省级 或 市级（也可填代码 national / provincial / municipal）';
const DATE_HELP = '日期，如 2016-01-31 或 2016/1/31';
const MONEY_HELP = '单位万元，最多两位小数';
const BOOL_HELP = '是 或 否（也可填 Y/N、1/0）';
const DOC_HELP = '认定或备案文件的文号，如 泉科〔2016〕12号';

const uscc = (header: string, help = USCC_HELP) =>
  col('uscc', header, 'uscc', true, '91350100M000100Y43', help, 24);

export const KINDS: Record<ImportKind, { name: Msg; sheet: string; columns: ColumnSpec[] }> = {
  organizations: {
    name: msg('单位信息', 'Organisations'),
    sheet: '单位信息',
    columns: [
      uscc('统一社会信用代码', `${USCC_HELP}；同一文件内不得重复`),
      col(
        'name',
        '单位名称',
        'text',
        true,
        '泉州示例科技有限公司',
        '单位全称；更名时旧名称自动记入曾用名',
        30,
        200,
      ),
      col('kind', '单位类型', 'orgKind', true, '企业', '见「单位类型」代码表'),
      col(
        'regionCode',
        '所属区域',
        'region',
        true,
        '晋江市',
        '单位实际经营所在县(市、区)或功能区，填名称或代码',
      ),
      col(
        'industryCode',
        '行业代码',
        'industry',
        false,
        '39',
        'GB/T 4754-2017 门类字母或大类两位代码，如 C、39',
      ),
      col('aboveSize', '是否规上工业企业', 'bool', false, '是', BOOL_HELP),
      col('foundedOn', '成立日期', 'date', false, '2010-05-18', DATE_HELP, 14),
      col('address', '地址', 'text', false, '晋江市示例路 1 号', '经营地址', 30, 300),
      col('contactPerson', '联系人', 'text', false, '张三', '', 12, 50),
      col('contactPhone', '联系电话', 'text', false, '0595-12345678', '', 16, 50),
    ],
  },
  'annual-stats': {
    name: msg('年度统计', 'Annual statistics'),
    sheet: '年度统计',
    columns: [
      uscc('统一社会信用代码', `${USCC_HELP}；单位须已在创新主体库中`),
      col('year', '年度', 'year', true, '2016', '统计年度，四位年份；同一单位同一年度只能一行', 10),
      col('revenue', '营业收入(万元)', 'money', false, '12345.67', MONEY_HELP),
      col('rdExpense', '研发费用(万元)', 'money', false, '678.9', `${MONEY_HELP}；不大于营业收入`),
      col('staff', '职工人数', 'count', false, '320', '年末职工人数，整数', 10),
      col('stStaff', '科技人员数', 'count', false, '45', '整数，不大于职工人数', 10),
      col(
        'hitechRevenue',
        '高新技术产品收入(万元)',
        'money',
        false,
        '8000',
        `${MONEY_HELP}；不大于营业收入`,
        22,
      ),
      col('hasRdActivity', '是否有研发活动', 'bool', false, '是', BOOL_HELP),
      col('ownsCoreTech', '是否拥有关键核心技术', 'bool', false, '否', BOOL_HELP, 20),
      col('aboveSize', '是否规上工业企业', 'bool', false, '是', `${BOOL_HELP}；该年度是否为规上工业企业`),
    ],
  },
  qualifications: {
    name: msg('资质认定', 'Qualifications'),
    sheet: '资质认定',
    columns: [
      uscc('统一社会信用代码', `${USCC_HELP}；单位须已在创新主体库中`),
      col('typeCode', '资质类型', 'qualType', true, '高新技术企业', '见「资质类型」代码表', 22),
      col('level', '级别', 'level', false, '国家级', `${LEVEL_HELP}；资质类型只有一个级别时可不填`, 10),
      col(
        'certificateNo',
        '证书编号',
        'text',
        false,
        'GR201635000123',
        '高新技术企业证书编号形如 GR201635000123',
        18,
        50,
      ),
      col('issuedOn', '认定日期', 'date', true, '2016-11-30', `发证或认定日期；${DATE_HELP}`, 14),
      col(
        'validUntil',
        '有效期至',
        'date',
        false,
        '',
        '不填则按资质类型的有效期规则计算（高企自发证之日起三年）',
        14,
      ),
      col('documentNo', '文号', 'text', false, '闽科高〔2016〕50号', DOC_HELP, 20, 100),
    ],
  },
  platforms: {
    name: msg('研发平台', 'R&D platforms'),
    sheet: '研发平台',
    columns: [
      uscc('依托单位统一社会信用代码', `依托单位的${USCC_HELP}；单位须已在创新主体库中`),
      col(
        'name',
        '平台名称',
        'text',
        true,
        '泉州市示例工程技术研究中心',
        '同一依托单位下平台名称唯一',
        30,
        200,
      ),
      col('kind', '平台类型', 'platformKind', true, '市级企业工程技术研究中心', '见「平台类型」代码表', 24),
      col('level', '级别', 'level', true, '市级', LEVEL_HELP, 10),
      col('recognizedOn', '认定日期', 'date', true, '2015-12-20', DATE_HELP, 14),
      col('documentNo', '文号', 'text', false, '泉科〔2015〕88号', DOC_HELP, 20, 100),
    ],
  },
  carriers: {
    name: msg('孵化载体', 'Incubation carriers'),
    sheet: '孵化载体',
    columns: [
      uscc('运营单位统一社会信用代码', `运营单位的${USCC_HELP}；单位须已在创新主体库中`),
      col('name', '载体名称', 'text', true, '泉州示例众创空间', '同一运营单位下载体名称唯一', 30, 200),
      col('kind', '载体类型', 'carrierKind', true, '众创空间', '见「载体类型」代码表'),
      col('level', '级别', 'level', true, '省级', LEVEL_HELP, 10),
      col('recognizedOn', '认定日期', 'date', true, '2016-06-01', DATE_HELP, 14),
      col('documentNo', '文号', 'text', false, '闽科高〔2016〕20号', DOC_HELP, 20, 100),
    ],
  },
};

/** Header text compared without the required mark, blanks and full-width brackets. */
export function normHeader(s: string): string {
  return s
    .replace(/[*＊\s\u3000]/g, '')
    .replace(/（/g, '(')
    .replace(/）/g, ')')
    .toLowerCase();
}

/** `单位名称*` for a required column, as the template writes it. */
export const headerText = (c: ColumnSpec) => (c.required ? `${c.header}*` : c.header);

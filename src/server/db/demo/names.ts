import { makeUscc, USCC_CHARSET } from '../../../domain/identifiers';
import { INDUSTRY_WORDS, REGION_FLAVOUR } from './regions';
import type { Rng } from './rng';

/**
 * Invented names, people, phones, addresses and credit codes. Brand words are two characters
 * drawn from the lists below; pairs that are well-known brands or banks are left out, so a
 * generated name does not pass for a famous company.
 */
const BRAND_FIRST = [...'宏恒鑫盛华泰丰源隆兴瑞嘉元和信达永德旭晟鸿昌顺锦金宝荣辉豪通新益联创凯捷佳誉祥裕'];
const BRAND_SECOND = [...'晟达泰源盛丰昌辉瑞兴鑫宇峰腾锐翔辰阳华祥隆耀琪弘航川誉邦程铭骏岚森涛浩璟钧霖'];
const FAMOUS = new Set([
  '兴业',
  '华祥',
  '信达',
  '华泰',
  '宏达',
  '恒瑞',
  '华兴',
  '永达',
  '华鑫',
  '恒丰',
  '元和',
  '金盛',
  '鸿昌',
  '盛达',
  '永盛',
  '新华',
  '通达',
  '恒通',
  '华源',
  '永源',
  '华丰',
  '宏源',
  '信泰',
  '华润',
  '华阳',
  '创兴',
  '嘉华',
  '金华',
  '宝华',
  '恒源',
  '华达',
  '新兴',
  '德华',
  '祥华',
  '顺丰',
  '辉达',
  '华誉',
]);

export const BRANDS: string[] = BRAND_FIRST.flatMap((a) => BRAND_SECOND.map((b) => a + b)).filter(
  (w) => w[0] !== w[1] && !FAMOUS.has(w),
);

const SURNAMES = [...'陈陈陈林林林黄黄王王吴吴李张蔡许郑洪苏庄施杨刘曾周傅颜丁卢柯郭谢'];
const GIVEN = [...'志明建国伟文华丽金水海燕春生清荣丽娟秀英振宇晓东雅婷俊杰鸿斌静怡泽辉佳琪家豪淑珍'];
const ROAD_FIRST = [...'兴创科新长福安泰振永明荣顺和龙凤清德鹏华'];
const ROAD_SECOND = [...'业新光源兴华阳丰盛安港景海园'];

/** Keeps names and codes unique across the whole dataset (and against existing rows). */
export class NameBook {
  readonly names = new Set<string>();
  readonly orgBases = new Set<string>();

  constructor(
    private readonly rng: Rng,
    existingNames: Iterable<string>,
    existingUsccs: Iterable<string>,
  ) {
    for (const n of existingNames) this.names.add(n);
    for (const u of existingUsccs) this.orgBases.add(u.slice(8, 16));
  }

  /** A name from `make` not used before; `make` is called again on a clash. */
  unique(make: () => string): string {
    for (let i = 0; i < 200; i++) {
      const name = make();
      if (!this.names.has(name)) {
        this.names.add(name);
        return name;
      }
    }
    throw new Error('demo data: ran out of unique names');
  }

  brand(): string {
    return this.rng.pick(BRANDS);
  }

  /** 泉州宏晟鞋业有限公司 style; `brand` returned for related names (platforms, carriers). */
  enterpriseName(regionCode: string, industryCode: string, large: boolean): { name: string; brand: string } {
    let brand = '';
    const name = this.unique(() => {
      brand = this.brand();
      const place = this.rng.pick(REGION_FLAVOUR[regionCode].places);
      const word = this.rng.pick(INDUSTRY_WORDS[industryCode] ?? ['科技']);
      const suffix = this.rng.chance(large ? 0.2 : 0.05) ? '股份有限公司' : '有限公司';
      return place + brand + word + suffix;
    });
    return { name, brand };
  }

  /** A name from a template with `{b}` for a fresh brand word. */
  named(template: string): { name: string; brand: string } {
    let brand = '';
    const name = this.unique(() => {
      brand = this.brand();
      return template.replace('{b}', brand);
    });
    return { name, brand };
  }

  /**
   * Eight characters of the embedded organisation code: the old 9-digit codes for organisations
   * registered before the 2015 reform, the `MA…` series after it.
   */
  orgBase(foundedOn: string): string {
    for (;;) {
      let base: string;
      if (foundedOn >= '2015-10-01') {
        base = `MA${this.rng.pick(['2', '3', '4'])}`;
        while (base.length < 8) base += USCC_CHARSET[this.rng.int(0, USCC_CHARSET.length - 1)];
      } else {
        base = this.rng.pick(['0', '1', '5', '6', '7']);
        while (base.length < 8) base += String(this.rng.int(0, 9));
      }
      if (!this.orgBases.has(base)) {
        this.orgBases.add(base);
        return base;
      }
    }
  }

  uscc(registrar: string, cls: string, regionCode: string, foundedOn: string): string {
    // 第3–8位为登记管理机关行政区划码: the functional zones have no code of their own, so their
    // organisations carry the city's registering office.
    const region6 = /^\d{6}$/.test(regionCode) ? regionCode : regionCode.slice(0, 6);
    return makeUscc(registrar, cls, region6, this.orgBase(foundedOn));
  }

  person(): string {
    const given = this.rng.chance(0.8) ? this.rng.pick(GIVEN) + this.rng.pick(GIVEN) : this.rng.pick(GIVEN);
    return this.rng.pick(SURNAMES) + given;
  }

  /** A Quanzhou landline (区号 0595) with an invented number. */
  phone(): string {
    return `0595-${this.rng.pick(['2', '6', '8'])}${String(this.rng.int(0, 9_999_999)).padStart(7, '0')}`;
  }

  /** 晋江市陈埭镇兴业路 12 号 style: real town, invented road and number. */
  address(regionCode: string): string {
    const f = REGION_FLAVOUR[regionCode];
    const road =
      this.rng.pick(ROAD_FIRST) + this.rng.pick(ROAD_SECOND) + this.rng.pick(['路', '路', '街', '大道']);
    return `${f.addressPrefix}${this.rng.pick(f.towns)}${road} ${this.rng.int(1, 388)} 号`;
  }
}

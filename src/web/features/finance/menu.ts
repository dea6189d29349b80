/** 科技金融's pages in the navigation (see src/web/app/menu-config.ts): one list per record kind. */
import {
  AccountBookOutlined,
  BankOutlined,
  FundOutlined,
  RiseOutlined,
  SafetyOutlined,
  SolutionOutlined,
  StockOutlined,
} from '@ant-design/icons';
import { lazy } from 'react';
import type { MenuEntry } from '../../app/menu-config';

const records = (
  name: 'CreditPage' | 'LoanPage' | 'ListingPage' | 'InvestmentPage' | 'InsurancePage' | 'PledgePage',
) => lazy(() => import('./pages/records-page').then((m) => ({ default: m[name] })));

export const FINANCE_MENU: readonly MenuEntry[] = [
  {
    key: 'finance-credit',
    path: '/finance/credit',
    icon: AccountBookOutlined,
    labelKey: 'menu.finance.credit',
    descriptionKey: 'menu.finance.credit.desc',
    permission: 'finance.read',
    group: 'finance',
    page: records('CreditPage'),
  },
  {
    key: 'finance-loan',
    path: '/finance/loans',
    icon: FundOutlined,
    labelKey: 'menu.finance.loan',
    descriptionKey: 'menu.finance.loan.desc',
    permission: 'finance.read',
    group: 'finance',
    page: records('LoanPage'),
  },
  {
    key: 'finance-listing',
    path: '/finance/listings',
    icon: StockOutlined,
    labelKey: 'menu.finance.listing',
    descriptionKey: 'menu.finance.listing.desc',
    permission: 'finance.read',
    group: 'finance',
    page: records('ListingPage'),
  },
  {
    key: 'finance-investment',
    path: '/finance/investments',
    icon: RiseOutlined,
    labelKey: 'menu.finance.investment',
    descriptionKey: 'menu.finance.investment.desc',
    permission: 'finance.read',
    group: 'finance',
    page: records('InvestmentPage'),
  },
  {
    key: 'finance-insurance',
    path: '/finance/insurance',
    icon: SafetyOutlined,
    labelKey: 'menu.finance.insurance',
    descriptionKey: 'menu.finance.insurance.desc',
    permission: 'finance.read',
    group: 'finance',
    page: records('InsurancePage'),
  },
  {
    key: 'finance-pledge',
    path: '/finance/pledges',
    icon: SolutionOutlined,
    labelKey: 'menu.finance.pledge',
    descriptionKey: 'menu.finance.pledge.desc',
    permission: 'finance.read',
    group: 'finance',
    page: records('PledgePage'),
  },
  {
    key: 'finance-institutions',
    path: '/finance/institutions',
    icon: BankOutlined,
    labelKey: 'menu.finance.institutions',
    descriptionKey: 'menu.finance.institutions.desc',
    permission: 'finance.read',
    group: 'finance',
    page: lazy(() => import('./pages/institutions-page').then((m) => ({ default: m.InstitutionsPage }))),
  },
];

import { HomeOutlined, KeyOutlined, LogoutOutlined, UserOutlined } from '@ant-design/icons';
import { Badge, Button, Layout, Menu, type MenuProps, Space, Tag, Typography, theme } from 'antd';
import { Suspense, useEffect, useMemo, useState } from 'react';
import { Outlet, useLocation, useNavigate } from 'react-router';
import { ROLE_NAMES } from '../../domain/roles';
import { useLogout } from '../features/auth/api';
import { useAuth, useMe } from './auth-context';
import { CHANGE_PASSWORD_PATH } from './guards';
import { useMsg, useT } from './i18n';
import { LanguageSwitch } from './language-switch';
import { MENU_GROUPS, type MenuEntry, menuEntryFor, menuTree, visibleMenu } from './menu-config';
import { PageLoading } from './page-loading';
import { useFocusableScrollRegions } from './use-focusable-scroll';
import { badgeCounts, useWorkbench } from './workbench';

const { Header, Sider, Content } = Layout;

export function AppLayout() {
  const t = useT();
  const pickMsg = useMsg();
  const me = useMe();
  const { can } = useAuth();
  const navigate = useNavigate();
  const location = useLocation();
  const logout = useLogout();
  const { token } = theme.useToken();
  const [collapsed, setCollapsed] = useState(false);
  useFocusableScrollRegions();

  // Until a forced password change is done there is nowhere else to go, so no menu at all.
  const locked = me.mustChangePassword;
  const entries = useMemo(() => (locked ? [] : visibleMenu(can)), [locked, can]);
  const current = menuEntryFor(location.pathname, entries);

  // What waits for the user shows as a count on the menu entry that lists it (工作台 badges).
  const workbench = useWorkbench(!locked);
  const badges = useMemo(() => badgeCounts(workbench.data), [workbench.data]);
  const withBadge = (label: string, count: number) =>
    count > 0 ? (
      <span style={{ display: 'inline-flex', alignItems: 'center', gap: 8 }}>
        <span>{label}</span>
        <Badge count={count} size="small" overflowCount={99} title={t('home.todo.badge', { count })} />
      </span>
    ) : (
      label
    );
  const item = (entry: MenuEntry) => ({
    key: entry.path,
    icon: <entry.icon />,
    label: withBadge(t(entry.labelKey), badges.get(entry.key) ?? 0),
  });
  const groupCount = (list: MenuEntry[]) => list.reduce((n, e) => n + (badges.get(e.key) ?? 0), 0);
  const items: MenuProps['items'] = [
    { key: '/', icon: <HomeOutlined />, label: t('menu.home') },
    ...menuTree(entries).map((node) => {
      // A group of one (an enterprise's 本单位档案) is just that entry.
      if (node.kind === 'entry') return item(node.entry);
      if (node.entries.length === 1) return item(node.entries[0]);
      const group = MENU_GROUPS[node.group];
      return {
        key: `group:${node.group}`,
        icon: <group.icon />,
        label: withBadge(t(group.labelKey), groupCount(node.entries)),
        children: node.entries.map(item),
      };
    }),
  ];
  // The group of the page showing opens by itself (after a link from the home page, say); on the
  // home page the first group is open, so the menu does not look empty.
  const currentGroup = current?.group ? `group:${current.group}` : undefined;
  const [openKeys, setOpenKeys] = useState<string[]>(() => {
    const first = entries.find((e) => e.group)?.group;
    return currentGroup ? [currentGroup] : first ? [`group:${first}`] : [];
  });
  useEffect(() => {
    if (currentGroup) setOpenKeys((keys) => (keys.includes(currentGroup) ? keys : [...keys, currentGroup]));
  }, [currentGroup]);

  const platform = `${t('app.name')} · ${t('app.fullName')}`;
  const pageTitle =
    location.pathname === '/'
      ? t('menu.home')
      : location.pathname === CHANGE_PASSWORD_PATH
        ? t('password.title')
        : current
          ? t(current.labelKey)
          : undefined;
  useEffect(() => {
    document.title = pageTitle ? `${pageTitle} - ${platform}` : platform;
  }, [pageTitle, platform]);

  const onLogout = () => {
    logout.mutate();
  };

  return (
    <Layout style={{ minHeight: '100vh' }}>
      {!locked && (
        <Sider collapsible collapsed={collapsed} onCollapse={setCollapsed} width={220} breakpoint="lg">
          <div
            style={{
              height: 64,
              display: 'flex',
              alignItems: 'center',
              justifyContent: 'center',
              color: '#fff',
              fontSize: 20,
              fontWeight: 600,
              letterSpacing: 2,
            }}
          >
            {t('app.name')}
          </div>
          <nav aria-label={t('menu.navigation')}>
            <Menu
              theme="dark"
              mode="inline"
              selectedKeys={[current?.path ?? location.pathname]}
              openKeys={collapsed ? undefined : openKeys}
              onOpenChange={setOpenKeys}
              items={items}
              onClick={({ key }) => navigate(key)}
            />
          </nav>
        </Sider>
      )}
      <Layout>
        <Header
          style={{
            background: token.colorBgContainer,
            padding: '0 24px',
            display: 'flex',
            alignItems: 'center',
            justifyContent: 'space-between',
            gap: 16,
            borderBottom: `1px solid ${token.colorBorderSecondary}`,
          }}
        >
          <Typography.Title
            level={1}
            ellipsis={{ tooltip: platform }}
            style={{ fontSize: 18, margin: 0, flex: '1 1 auto', minWidth: 0 }}
          >
            {platform}
          </Typography.Title>
          <Space size="middle" wrap={false} style={{ flex: 'none' }}>
            <Space size={6}>
              <UserOutlined aria-hidden />
              <span data-testid="current-user">{me.displayName}</span>
              <Tag color="blue" style={{ marginInlineEnd: 0 }}>
                {pickMsg(ROLE_NAMES[me.role])}
              </Tag>
            </Space>
            <LanguageSwitch />
            {!locked && (
              <Button type="text" icon={<KeyOutlined />} onClick={() => navigate(CHANGE_PASSWORD_PATH)}>
                {t('password.change')}
              </Button>
            )}
            <Button type="text" icon={<LogoutOutlined />} loading={logout.isPending} onClick={onLogout}>
              {t('auth.logout')}
            </Button>
          </Space>
        </Header>
        {/* antd's Content is the page's one <main> landmark. */}
        <Content style={{ margin: 24 }}>
          <Suspense fallback={<PageLoading />}>
            <Outlet />
          </Suspense>
        </Content>
      </Layout>
    </Layout>
  );
}

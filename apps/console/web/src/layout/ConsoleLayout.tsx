import { Button, Grid, Layout, Menu, Space, Spin, Typography } from 'antd';
import { Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Outlet, useLocation } from 'react-router';
import { useCaller, useSession } from '../auth/session-context';
import { desksFor } from '../lib/menu';
import { LanguageSwitch } from './LanguageSwitch';

/**
 * Header with who is signed in, the role's menu, and the desk below. On a phone (narrower than
 * antd's `md`, 768 px) the header wraps into a compact bar and a role with one desk (the driver)
 * gets no menu.
 */
export function ConsoleLayout() {
  const screens = Grid.useBreakpoint();
  const phone = screens.md === false;
  const { t } = useTranslation();
  const caller = useCaller();
  const { signOut } = useSession();
  const location = useLocation();
  const desks = desksFor(caller.role);
  const scope = caller.canteenId ?? caller.supplierId ?? caller.driverId;
  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Header
        style={
          phone
            ? {
                display: 'flex',
                flexWrap: 'wrap',
                alignItems: 'center',
                gap: 8,
                height: 'auto',
                lineHeight: '40px',
                padding: '0 12px',
              }
            : { display: 'flex', alignItems: 'center', gap: 24 }
        }
      >
        <Typography.Text strong style={{ color: '#fff', whiteSpace: 'nowrap' }}>
          {t('app.title')}
        </Typography.Text>
        {(!phone || desks.length > 1) && (
          <Menu
            theme="dark"
            mode="horizontal"
            data-testid="desk-menu"
            style={{ flex: 1, minWidth: 0 }}
            selectedKeys={desks
              .filter((d) => location.pathname.startsWith(d.path))
              .map((d) => d.key)}
            items={desks.map((d) => ({
              key: d.key,
              label: <Link to={d.path}>{t(`desk.${d.key}`)}</Link>,
            }))}
          />
        )}
        <Space
          size={phone ? 4 : undefined}
          wrap={phone}
          style={phone ? { marginLeft: 'auto' } : undefined}
        >
          <Typography.Text style={{ color: '#fff' }} data-testid="signed-in-as">
            {t(`role.${caller.role}`)} · {caller.sub}
            {scope ? ` · ${scope}` : ''}
          </Typography.Text>
          <LanguageSwitch />
          <Button size="small" onClick={signOut}>
            {t('app.signOut')}
          </Button>
        </Space>
      </Layout.Header>
      <Layout.Content style={{ padding: phone ? 12 : 24 }}>
        <Suspense fallback={<Spin />}>
          <Outlet />
        </Suspense>
      </Layout.Content>
    </Layout>
  );
}

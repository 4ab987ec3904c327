import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Form, Input, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { ActionError } from '../components/ActionError';
import { useAction } from '../components/use-action';
import { LanguageSwitch } from '../layout/LanguageSwitch';
import { homeOf } from '../lib/menu';
import { ROLES, SCOPE_CLAIM, type Role } from '../lib/roles';
import { devSignIn } from './session';
import { useSession } from './session-context';

interface SignInForm {
  role: Role;
  sub?: string;
  scopeId?: string;
}

/** Development sign-in: pick a role (and the canteen, supplier or driver it acts for). */
export function SignInPage() {
  const { t } = useTranslation();
  const [form] = Form.useForm<SignInForm>();
  const { signIn } = useSession();
  const navigate = useNavigate();
  const role = Form.useWatch('role', form);
  const claim = role ? SCOPE_CLAIM[role] : undefined;
  const config = useQuery({
    queryKey: ['console-config'],
    queryFn: async () => (await (await fetch('/api/config')).json()) as { devSignIn: boolean },
  });
  const action = useAction(
    (v: SignInForm) =>
      devSignIn({
        role: v.role,
        sub: v.sub,
        ...(claim && v.scopeId ? { [claim]: v.scopeId } : {}),
      }),
    {
      form,
      fields: ['role', 'sub', 'scopeId'],
      aliases: { canteenId: 'scopeId', supplierId: 'scopeId', driverId: 'scopeId' },
      onDone: (session) => {
        signIn(session);
        void navigate(homeOf(session.role));
      },
    },
  );
  return (
    <div style={{ display: 'flex', justifyContent: 'center', paddingTop: 80 }}>
      <Card title={t('signIn.title')} extra={<LanguageSwitch />} style={{ width: 420 }}>
        {config.data && !config.data.devSignIn && (
          <Alert type="info" title={t('signIn.production')} />
        )}
        <Form form={form} layout="vertical" onFinish={action.run} initialValues={{ role: 'buyer' }}>
          <Form.Item name="role" label={t('signIn.role')} rules={[{ required: true }]}>
            <Select
              data-testid="sign-in-role"
              showSearch
              options={ROLES.map((r) => ({ value: r, label: `${t(`role.${r}`)} (${r})` }))}
            />
          </Form.Item>
          <Form.Item name="sub" label={t('signIn.sub')}>
            <Input
              data-testid="sign-in-sub"
              placeholder={role ? `${role}-1` : ''}
              autoComplete="off"
            />
          </Form.Item>
          {claim && (
            <Form.Item name="scopeId" label={t(`signIn.${claim}`)} rules={[{ required: true }]}>
              <Input data-testid="sign-in-scope" autoComplete="off" />
            </Form.Item>
          )}
          <Button type="primary" htmlType="submit" loading={action.pending} block>
            {t('signIn.submit')}
          </Button>
          <ActionError error={action.error} />
        </Form>
      </Card>
    </div>
  );
}

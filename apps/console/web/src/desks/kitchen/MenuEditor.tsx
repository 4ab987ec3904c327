import { useQuery } from '@tanstack/react-query';
import { Button, Card, Form, Input, Space, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { ordersApi, type Dish, type Menu, type Offering } from '../../api/orders';
import { useCaller } from '../../auth/session-context';
import { ActionError } from '../../components/ActionError';
import { useAction } from '../../components/use-action';
import { normaliseYuanInput } from '../../lib/money';
import { addDays, formatShanghai, mondayOf } from '../../lib/time';
import { useWeek } from '../procurement/use-week';
import { DishesEditor } from './DishesEditor';
import { OfferingsEditor } from './OfferingsEditor';
import { StatusTag } from '../../components/StatusTag';

interface Values {
  dishes: Dish[];
  offerings: Offering[];
}

/** R-MENU-1/2/4: the week's menu, versions, draft and publication before Friday. */
export default function MenuEditor() {
  const { t } = useTranslation();
  const caller = useCaller();
  const [week, setWeek] = useWeek();
  const [form] = Form.useForm<Values>();
  const chef = caller.role === 'chef';
  const versions = useQuery({
    queryKey: ['menu-versions', week],
    queryFn: () =>
      caller.role === 'buyer' ? ordersApi.menu(week).then((m) => [m]) : ordersApi.versions(week),
    refetchInterval: 5000,
  });
  const latest: Menu | undefined = versions.data?.[versions.data.length - 1];
  const invalidate = [['menu-versions', week]];
  const save = useAction(
    (v: Values) =>
      ordersApi.saveDraft(week, {
        dishes: v.dishes.map((d) => ({
          ...d,
          pricePerPortion: normaliseYuanInput(d.pricePerPortion) ?? d.pricePerPortion,
        })),
        offerings: v.offerings,
      }),
    { form, fields: ['dishes', 'offerings'], invalidate },
  );
  const publish = useAction(() => ordersApi.publish(week), { invalidate });
  const dishIds = (Form.useWatch('dishes', form) ?? []).map((d) => d?.dishId).filter(Boolean);
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Space>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t('kitchen.editor')}
        </Typography.Title>
        <Input
          addonBefore={t('common.week')}
          defaultValue={week}
          style={{ width: 200 }}
          onPressEnter={(e) => setWeek(e.currentTarget.value.trim())}
        />
        <Typography.Text type="secondary">
          {t('kitchen.publishBy')}: {addDays(mondayOf(week), -3)}
        </Typography.Text>
      </Space>
      <Table
        size="small"
        rowKey="version"
        data-testid="menu-versions"
        pagination={false}
        dataSource={versions.data ?? []}
        columns={[
          { title: t('kitchen.versions'), dataIndex: 'version' },
          {
            title: t('common.status'),
            dataIndex: 'status',
            render: (s: string) => <StatusTag status={s} />,
          },
          { title: t('kitchen.dishes'), render: (_, m) => m.dishes.map((d) => d.name).join('、') },
          {
            title: t('common.when'),
            render: (_, m) => formatShanghai(m.publishedAt),
          },
        ]}
      />
      {chef && (
        <Card size="small" title={t('kitchen.saveDraft')}>
          <Form
            form={form}
            layout="vertical"
            onFinish={save.run}
            key={`${week}-${latest?.version ?? 0}`}
            initialValues={{ dishes: latest?.dishes ?? [], offerings: latest?.offerings ?? [] }}
          >
            <DishesEditor />
            <Typography.Title level={5}>{t('kitchen.offerings')}</Typography.Title>
            <OfferingsEditor week={week} dishIds={dishIds} />
            <Space style={{ marginTop: 12, display: 'flex' }}>
              <Button htmlType="submit" loading={save.pending} data-testid="save-draft">
                {t('kitchen.saveDraft')}
              </Button>
              <Button
                type="primary"
                onClick={() => publish.run(undefined)}
                loading={publish.pending}
                data-testid="publish-menu"
              >
                {t('kitchen.publish')}
              </Button>
            </Space>
            <ActionError error={save.error} />
            <ActionError error={publish.error} />
          </Form>
        </Card>
      )}
    </Space>
  );
}

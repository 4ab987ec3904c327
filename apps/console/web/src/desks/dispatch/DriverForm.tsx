import { Button, Form, Input } from 'antd';
import { useTranslation } from 'react-i18next';
import { deliveryApi } from '../../api/delivery';
import { ActionError } from '../../components/ActionError';
import { useAction } from '../../components/use-action';

type Values = { driverId: string; name: string; phone: string; vehicle: string };

export function DriverForm() {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const register = useAction((v: Values) => deliveryApi.registerDriver(v), {
    form,
    fields: ['driverId', 'name', 'phone', 'vehicle'],
    invalidate: [['drivers']],
    onDone: () => form.resetFields(),
  });
  return (
    <Form form={form} layout="inline" onFinish={register.run}>
      <Form.Item name="driverId" rules={[{ required: true }]}>
        <Input placeholder={t('signIn.driverId')} />
      </Form.Item>
      <Form.Item name="name" rules={[{ required: true }]}>
        <Input placeholder={t('kitchen.name')} />
      </Form.Item>
      <Form.Item name="phone" rules={[{ required: true }]}>
        <Input placeholder={t('dispatch.phone')} />
      </Form.Item>
      <Form.Item name="vehicle" rules={[{ required: true }]}>
        <Input placeholder={t('dispatch.vehicle')} />
      </Form.Item>
      <Button htmlType="submit" loading={register.pending}>
        {t('dispatch.registerDriver')}
      </Button>
      <ActionError error={register.error} />
    </Form>
  );
}

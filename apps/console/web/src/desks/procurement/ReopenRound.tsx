import { Button, DatePicker, Form, Input, Space } from 'antd';
import type { Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { procurementApi } from '../../api/procurement';
import { ActionError } from '../../components/ActionError';
import { useAction } from '../../components/use-action';
import { pickedShanghaiToIso } from '../../lib/time';

interface Values {
  until: Dayjs;
  reason: string;
}

/** R-PROC-3: after the deadline, only the ops-manager reopens the round, until a time, for a reason. */
export function ReopenRound({ week }: { week: string }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const reopen = useAction(
    (v: Values) => procurementApi.reopenRound(week, pickedShanghaiToIso(v.until), v.reason),
    { form, fields: ['until', 'reason'], invalidate: [['round', week]] },
  );
  return (
    <Form form={form} layout="inline" onFinish={reopen.run}>
      <Space wrap>
        <Form.Item name="until" label={t('proc.reopenUntil')} rules={[{ required: true }]}>
          <DatePicker showTime />
        </Form.Item>
        <Form.Item name="reason" rules={[{ required: true }]}>
          <Input placeholder={t('common.reason')} />
        </Form.Item>
        <Button htmlType="submit" loading={reopen.pending}>
          {t('proc.reopen')}
        </Button>
      </Space>
      <ActionError error={reopen.error} />
    </Form>
  );
}

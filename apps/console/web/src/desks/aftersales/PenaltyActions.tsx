import { Button, Input, Space } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { aftersalesApi, type Penalty } from '../../api/aftersales';
import { useCaller } from '../../auth/session-context';
import { ActionError } from '../../components/ActionError';
import { useAction } from '../../components/use-action';
import { normaliseYuanInput } from '../../lib/money';

/** R-AS-12: approval or rejection and appeal decisions by the lead; one appeal; reversal, never edit. */
export function PenaltyActions({ penalty }: { penalty: Penalty }) {
  const { t } = useTranslation();
  const caller = useCaller();
  const [text, setText] = useState('');
  const lead = caller.role === 'aftersales-lead';
  const options = { invalidate: [['penalties']] };
  const approve = useAction(() => aftersalesApi.approvePenalty(penalty.id), options);
  const reject = useAction(() => aftersalesApi.rejectPenalty(penalty.id, text), options);
  const appeal = useAction(() => aftersalesApi.appealPenalty(penalty.id, text), options);
  const decide = useAction(
    (outcome: 'upheld' | 'granted') =>
      aftersalesApi.decideAppeal(penalty.id, outcome, normaliseYuanInput(text)),
    options,
  );
  const correct = useAction(
    () => aftersalesApi.correctPenalty(penalty.id, normaliseYuanInput(text) ?? text, 'correction'),
    options,
  );
  const errors =
    [approve, reject, appeal, decide, correct].map((a) => a.error).find(Boolean) ?? null;
  return (
    <div>
      <Space wrap>
        <Input
          size="small"
          style={{ width: 140 }}
          value={text}
          onChange={(e) => setText(e.target.value)}
          placeholder={t('common.reason')}
          aria-label={t('common.reason')}
        />
        {lead && penalty.status === 'proposed' && (
          <>
            <Button
              size="small"
              type="primary"
              onClick={() => approve.run(undefined)}
              data-testid={`approve-penalty-${penalty.id}`}
            >
              {t('common.approve')}
            </Button>
            <Button size="small" danger onClick={() => reject.run(undefined)}>
              {t('common.reject')}
            </Button>
          </>
        )}
        {penalty.status === 'approved' && !penalty.appeal && (
          <Button size="small" onClick={() => appeal.run(undefined)}>
            {t('as.appeal')}
          </Button>
        )}
        {lead && penalty.status === 'under-appeal' && (
          <>
            <Button size="small" onClick={() => decide.run('upheld')}>
              upheld
            </Button>
            <Button size="small" onClick={() => decide.run('granted')}>
              granted
            </Button>
          </>
        )}
        {lead && penalty.status === 'approved' && (
          <Button size="small" onClick={() => correct.run(undefined)}>
            correction
          </Button>
        )}
      </Space>
      <ActionError error={errors} />
    </div>
  );
}

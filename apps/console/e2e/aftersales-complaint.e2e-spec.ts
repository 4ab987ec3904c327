/**
 * The aftersales desk: an agent takes a quality complaint through the whole loop, from recorded to
 * closed with the canteen's answer, proposes the fine of the person found responsible, and the
 * aftersales lead approves it.
 */
import { aCanteen, api, STAFF } from './support/api';
import { ComplaintDesk } from './support/complaint-desk';
import { ConsolePage } from './support/console-page';
import { expectText } from './support/expect-text';
import { journey, useBrowser } from './support/journey';

describe('console: aftersales desk (browser)', () => {
  const { browser } = useBrowser();
  let canteenId: string;

  beforeAll(async () => {
    canteenId = await aCanteen('第三营业点');
    for (const [id, name, department, departmentLead] of [
      ['chef-lead', '陈师傅', 'kitchen', true],
      ['cook-7', '刘厨师', 'kitchen', false],
      [STAFF.lead.sub, '孙组长', 'aftersales', true],
    ] as const) {
      await api(STAFF.lead, 'aftersales', 'PUT', `/staff/${id}`, {
        name,
        department,
        departmentLead,
      });
    }
  });

  journey(
    'R-AS-1, R-AS-2, R-AS-3, R-AS-4, R-AS-8, R-AS-12: a complaint from recorded to closed with the canteen’s answer; the lead approves its penalty',
    async () => {
      const agent = await ConsolePage.signIn(browser(), 'aftersales', STAFF.agent);
      const desk = new ComplaintDesk(agent);
      await agent.page.getByTestId('due-list').waitFor();

      // R-AS-1: who, when, about what, what they ask for, the category
      const id = await desk.record({
        canteenId,
        cause: '菜品质量',
        description: '红烧肉有酸味',
        request: '今天换货',
      });
      await expectText(agent.page.getByTestId('complaint-status'), '已登记');
      await expectText(agent.page.getByTestId('complaint-timers'), '首次联系（30 分钟）');
      await agent.screenshot('recorded');

      // R-AS-2 / R-AS-4: each step with who and when, in order
      await desk.step('contact', { note: '已电话联系营业点王经理' });
      await expectText(agent.page.getByTestId('complaint-timers'), '首次联系（30 分钟） ✓');
      await desk.step('assessment', { valid: true }, '已评估');
      await desk.step('assignment', { handlingPlan: '当日换货，检查同批次' }, '已指派');
      await desk.step(
        'investigation',
        { department: '厨房', staffId: 'cook-7', finding: '出锅后保温时间过长' },
        '已调查',
      );
      await desk.step('resolution', { resolution: '换货并培训' }, '方案待批');
      await desk.step('approval', {}, '已批准');
      await desk.step('customer-notification', { message: '换货已送出' }, '已告知客户');
      await desk.step('customer-answer', { satisfied: true, comment: '满意' }, '已关闭');
      const steps = agent.page.getByTestId('complaint-steps');
      for (const s of ['登记', '首次联系', '评估：有效', '分派', '调查', '批准方案', '客户满意']) {
        await expectText(steps, s);
      }
      await expectText(steps, STAFF.agent.sub);
      await agent.screenshot('closed');

      // R-AS-8: a moderate fine for the person found responsible
      await desk.step('penalties', { severity: '一般' });
      const penalties = agent.page.getByTestId('penalties');
      await expectText(penalties, '30.00 元');
      await expectText(penalties.getByTestId('penalty-status'), '待审批');
      await expectText(penalties, 'cook-7');
      expect(await penalties.getByRole('button', { name: /批\s*准/ }).count()).toBe(0); // lead only
      await agent.screenshot('penalty-proposed');

      // R-AS-12: the aftersales lead approves it
      const lead = await ConsolePage.signIn(browser(), 'aftersales', STAFF.lead);
      await new ComplaintDesk(lead).open(id);
      await lead.page
        .getByTestId('penalties')
        .getByRole('button', { name: /批\s*准/ })
        .click();
      await expectText(lead.page.getByTestId('penalties').getByTestId('penalty-status'), '已批准');
      const [penalty] = await api<{ status: string; decidedBy: string; amountInForce: string }[]>(
        STAFF.lead,
        'aftersales',
        'GET',
        '/penalties?staffId=cook-7',
      );
      expect(penalty).toMatchObject({ status: 'approved', amountInForce: '30.00' });
      await lead.screenshot('penalty-approved');
      await agent.close();
      await lead.close();
    },
  );
});

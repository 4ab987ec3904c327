import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { Model } from 'mongoose';
import { randomUUID } from 'node:crypto';
import {
  Caller,
  Clock,
  DomainError,
  EventFactory,
  fenToYuan,
  ISO_WEEK_PATTERN,
  withEvents,
  yuanToFen,
} from '@app/common';
import { CatalogueService } from '../catalogue/catalogue.service';
import { DraftMenuDto, MenuView } from './menu.dto';
import { Menu } from './menu.schema';
import { planLatePublication } from './domain/late-publication';
import { currentPublishedOf, draftTargetFor, planPublication } from './domain/menu-publication';
import {
  ingredientSkusOf,
  validateMenuContent,
  type MenuContent,
  type WeeklyMenu,
} from './domain/weekly-menu';

@Injectable()
export class MenusService {
  constructor(
    @InjectModel(Menu.name) private readonly menus: Model<Menu>,
    private readonly catalogue: CatalogueService,
    private readonly events: EventFactory,
    private readonly clock: Clock,
  ) {}

  /** R-MENU-1/4: saves the week's open draft, or opens the next version when none is open. */
  async saveDraft(week: string, dto: DraftMenuDto, by: Caller): Promise<MenuView> {
    assertWeek(week);
    const content = toContent(dto);
    await this.validate(week, content);
    const target = draftTargetFor(week, await this.versionsOf(week), this.clock.now());
    if (target.action === 'edit-draft') {
      const result = await this.menus
        .updateOne(
          { _id: target.menu.menuId, status: 'draft' },
          { $set: { ...content, draftedBy: by.sub } },
        )
        .exec();
      if (result.matchedCount === 0) throw concurrentChange(week);
      return toView({ ...target.menu, ...content });
    }
    const menu: WeeklyMenu = {
      menuId: randomUUID(),
      week,
      version: target.version,
      status: 'draft',
      ...content,
    };
    try {
      await this.menus.create(toDocument(menu, by));
    } catch (error) {
      if ((error as { code?: number }).code === 11000) throw concurrentChange(week);
      throw error;
    }
    return toView(menu);
  }

  /** R-MENU-1: publishes the open draft; canteens order from the latest published version. */
  async publish(week: string, by: Caller): Promise<MenuView> {
    assertWeek(week);
    const versions = await this.versionsOf(week);
    const draft = versions.find((m) => m.status === 'draft');
    if (!draft) {
      throw new DomainError(
        'MENU.NO_DRAFT',
        `there is no draft menu for ${week} to publish`,
        'unprocessable',
      );
    }
    await this.validate(week, draft);
    const { publishedAt } = planPublication(draft, versions, this.clock.now());
    const event = this.events.create('orders.menu.published', draft.menuId, {
      menuId: draft.menuId,
      week,
      version: draft.version,
      ingredientSkus: ingredientSkusOf(draft),
    });
    const result = await this.menus
      .updateOne(
        { _id: draft.menuId, status: 'draft' },
        withEvents({ $set: { status: 'published', publishedAt, publishedBy: by.sub } }, [event]),
      )
      .exec();
    if (result.matchedCount === 0) throw concurrentChange(week);
    return toView({ ...draft, status: 'published', publishedAt });
  }

  /**
   * R-MENU-1 exception: the ops-manager publishes the open draft after the deadline, with a
   * reason; the version serves meals from the next one the kitchen can still cook.
   */
  async publishLate(week: string, reason: string, by: Caller): Promise<MenuView> {
    assertWeek(week);
    const versions = await this.versionsOf(week);
    const draft = versions.find((m) => m.status === 'draft');
    if (!draft) {
      throw new DomainError(
        'MENU.NO_DRAFT',
        `there is no draft menu for ${week} to publish`,
        'unprocessable',
      );
    }
    const plan = planLatePublication(draft, versions, this.clock.now(), reason, by.sub);
    const published = { ...draft, offerings: plan.offerings };
    await this.validate(week, published);
    const event = this.events.create('orders.menu.published', draft.menuId, {
      menuId: draft.menuId,
      week,
      version: draft.version,
      ingredientSkus: ingredientSkusOf(published),
    });
    const result = await this.menus
      .updateOne(
        { _id: draft.menuId, status: 'draft' },
        withEvents(
          {
            $set: {
              status: 'published',
              publishedAt: plan.publishedAt,
              publishedBy: by.sub,
              offerings: plan.offerings,
              late: plan.late,
            },
          },
          [event],
        ),
      )
      .exec();
    if (result.matchedCount === 0) throw concurrentChange(week);
    return toView({
      ...published,
      status: 'published',
      publishedAt: plan.publishedAt,
      late: plan.late,
    });
  }

  async current(week: string): Promise<MenuView> {
    return toView(await this.currentPublished(week));
  }

  async versions(week: string): Promise<MenuView[]> {
    assertWeek(week);
    return (await this.versionsOf(week)).map(toView);
  }

  /** The version canteens order from now (R-MENU-4). */
  async currentPublished(week: string): Promise<WeeklyMenu> {
    assertWeek(week);
    const menu = currentPublishedOf(await this.versionsOf(week));
    if (!menu)
      throw new DomainError('MENU.NOT_PUBLISHED', `no published menu for ${week}`, 'not-found');
    return menu;
  }

  /** Published menus by week for ordering: the given versions where pinned, else the current one. */
  async menusForOrdering(
    weeks: string[],
    pinned: ReadonlyMap<string, string> = new Map(),
  ): Promise<Map<string, WeeklyMenu>> {
    const found = new Map<string, WeeklyMenu>();
    for (const week of weeks) {
      const menuId = pinned.get(week);
      const versions = await this.versionsOf(week);
      const menu = menuId
        ? versions.find((m) => m.menuId === menuId)
        : currentPublishedOf(versions);
      if (menu) found.set(week, menu);
    }
    return found;
  }

  private async versionsOf(week: string): Promise<WeeklyMenu[]> {
    const docs = await this.menus.find({ week }).sort({ version: 1 }).lean().exec();
    return docs.map(toDomain);
  }

  private async validate(week: string, content: MenuContent): Promise<void> {
    const skus = content.dishes.flatMap((d) => d.recipe.map((r) => r.sku));
    validateMenuContent(week, content, await this.catalogue.knownSkus(skus));
  }
}

function assertWeek(week: string): void {
  if (!ISO_WEEK_PATTERN.test(week)) {
    throw new DomainError('MENU.INVALID_WEEK', `not an ISO week: ${week}`, 'invalid', [
      { field: 'week', reason: 'must be an ISO week like 2026-W50' },
    ]);
  }
}

function concurrentChange(week: string): DomainError {
  return new DomainError(
    'MENU.CONCURRENT_CHANGE',
    `the menu for ${week} changed meanwhile; retry`,
    'conflict',
  );
}

function toContent(dto: DraftMenuDto): MenuContent {
  return {
    dishes: dto.dishes.map((d) => ({
      dishId: d.dishId,
      name: d.name,
      pricePerPortionFen: yuanToFen(d.pricePerPortion),
      recipe: d.recipe.map((r) => ({ sku: r.sku, quantityPerPortion: r.quantityPerPortion })),
    })),
    offerings: dto.offerings.map((o) => ({ date: o.date, meal: o.meal, dishId: o.dishId })),
  };
}

function toDocument(menu: WeeklyMenu, by: Caller): Menu {
  return {
    _id: menu.menuId,
    week: menu.week,
    version: menu.version,
    status: menu.status,
    dishes: menu.dishes,
    offerings: menu.offerings,
    draftedBy: by.sub,
  };
}

function toDomain(doc: Menu): WeeklyMenu {
  return {
    menuId: doc._id,
    week: doc.week,
    version: doc.version,
    status: doc.status,
    dishes: doc.dishes,
    offerings: doc.offerings,
    ...(doc.publishedAt ? { publishedAt: doc.publishedAt } : {}),
    ...(doc.late ? { late: doc.late } : {}),
  };
}

function toView(menu: WeeklyMenu): MenuView {
  return {
    id: menu.menuId,
    week: menu.week,
    version: menu.version,
    status: menu.status,
    ...(menu.publishedAt ? { publishedAt: menu.publishedAt.toISOString() } : {}),
    ...(menu.late
      ? {
          late: {
            reason: menu.late.reason,
            by: menu.late.by,
            at: new Date(menu.late.at).toISOString(),
            effectiveFrom: new Date(menu.late.effectiveFrom).toISOString(),
            dropped: menu.late.dropped,
          },
        }
      : {}),
    dishes: menu.dishes.map((d) => ({
      dishId: d.dishId,
      name: d.name,
      pricePerPortion: fenToYuan(d.pricePerPortionFen),
      recipe: d.recipe,
    })),
    offerings: menu.offerings,
  };
}
